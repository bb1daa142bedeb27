import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { metricsText, METRICS_CONTENT_TYPE } from './metrics';

/** Prometheus scrape endpoint; like /health it belongs to the cluster, not to the public ingress. */
@Controller('metrics')
export class MetricsController {
  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    res.status(200).type(METRICS_CONTENT_TYPE).send(await metricsText());
  }
}
