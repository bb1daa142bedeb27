import { NATS_CONNECTION } from '@cobranza/platform';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NatsConnection } from 'nats';

/** Kubernetes probes. The gateway is ready when its NATS connection is up. */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  @Get('live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(@Res() res: Response): void {
    const ok = !this.connection.isClosed();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'nats disconnected' });
  }
}
