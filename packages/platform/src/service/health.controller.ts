import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { StatusReporter } from './status-reporter';

/** Kubernetes probes: liveness says the process runs, readiness that its dependencies answer. */
@Controller('health')
export class HealthController {
  constructor(private readonly status: StatusReporter) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    const report = await this.status.report();
    res.status(report.ready ? 200 : 503).json(report);
  }
}
