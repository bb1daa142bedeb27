import { NATS_CONNECTION } from '@cobranza/platform';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NatsConnection } from 'nats';
import { Public } from '../auth/auth.decorators';

/** Kubernetes probes. The gateway is ready when its NATS connection is up. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process runs' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the gateway is connected to NATS' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  @ApiServiceUnavailableResponse({ schema: { example: { status: 'nats disconnected' } } })
  ready(@Res() res: Response): void {
    const ok = !this.connection.isClosed();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'nats disconnected' });
  }
}
