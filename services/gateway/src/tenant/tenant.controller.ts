import { ClientsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { ApiProblems, notFound, REQUEST_INVALID, validationFailed } from '../http/problem-responses';
import { parseBody } from '../http/request-shape';
import { TenantDto, tenantJson, UPDATE_TENANT, UpdateTenantDto } from './tenant.dto';

const TENANT_NOT_FOUND = notFound('tenant.not_found', 'No existe la empresa indicada.');

/** The company the API key belongs to. */
@ApiTags('tenant')
@ApiBearerAuth('api-key')
@Controller('v1/tenant')
export class TenantController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'The tenant of the API key', description: 'Company data and settings: locale, time zone, currency.' })
  @ApiOkResponse({ type: TenantDto })
  @ApiProblems(TENANT_NOT_FOUND)
  async get(@TenantId() tenantId: string): Promise<TenantDto> {
    return tenantJson(await this.rpc.call(ClientsRpc.getTenant, { id: tenantId }));
  }

  @Patch()
  @ApiOperation({ summary: 'Change the tenant', description: 'Only the fields present change.' })
  @ApiBody({ type: UpdateTenantDto, examples: { direccion: { summary: 'Nueva dirección', value: { address: 'Calle 72 con Av. 3E, Maracaibo' } } } })
  @ApiOkResponse({ type: TenantDto })
  @ApiProblems(
    REQUEST_INVALID,
    validationFailed({ timezone: 'Zona horaria desconocida: Marte/Olimpo. Ejemplo: America/Caracas.' }),
    TENANT_NOT_FOUND,
  )
  async update(@TenantId() tenantId: string, @Body() body: unknown): Promise<TenantDto> {
    const changes = parseBody(body, UPDATE_TENANT);
    return tenantJson(await this.rpc.call(ClientsRpc.updateTenant, { ...changes, id: tenantId }));
  }
}
