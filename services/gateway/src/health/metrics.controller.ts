import { metricsText, METRICS_CONTENT_TYPE } from '@cobranza/platform';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';

/** Prometheus scrape endpoint. Like /health it is for the cluster: the ingress does not route it. */
@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @ApiOperation({ summary: 'Prometheus metrics: HTTP routes, NATS requests, process' })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    schema: {
      type: 'string',
      example: 'cobranza_http_request_duration_seconds_count{method="GET",route="/v1/clients",status="200"} 12',
    },
  })
  async scrape(@Res() res: Response): Promise<void> {
    res.status(200).type(METRICS_CONTENT_TYPE).send(await metricsText());
  }
}
