import { SERVICE_NAMES, SystemRpc } from '@cobranza/contracts';
import { DomainError, RpcClient } from '@cobranza/platform';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblemResponses, AUTH_PROBLEMS } from '../http/problem-responses';
import { ServiceStatusDto, SystemStatusDto } from './system-status.dto';

@ApiTags('system')
@ApiBearerAuth('api-key')
@Controller('v1/system')
export class SystemController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('status')
  @ApiOperation({
    summary: 'Status of every service',
    description:
      'Asks clients, billing, documents, notifications and the workflow worker over NATS request/reply ' +
      'for their dependency checks and applied migrations. Answers 503 when any is unreachable or not ready.',
  })
  @ApiOkResponse({ type: SystemStatusDto })
  @ApiServiceUnavailableResponse({ type: SystemStatusDto, description: 'At least one service is unreachable or not ready.' })
  @ApiProblemResponses(AUTH_PROBLEMS.filter((p) => p.status === 401))
  async status(@Res() res: Response): Promise<void> {
    const services = await Promise.all(SERVICE_NAMES.map((name) => this.ask(name)));
    const body: SystemStatusDto = { ready: services.every((s) => s.ready), services };
    res.status(body.ready ? 200 : 503).json(body);
  }

  private async ask(service: (typeof SERVICE_NAMES)[number]): Promise<ServiceStatusDto> {
    try {
      const reply = await this.rpc.call(SystemRpc.status[service], {}, { timeoutMs: 3000 });
      return {
        service,
        reachable: true,
        ready: reply.ready,
        version: reply.version,
        checks: { ...reply.checks },
        migrations: [...reply.migrations],
      };
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'internal_error';
      return { service, reachable: false, ready: false, checks: {}, migrations: [], error: code };
    }
  }
}
