import { ClientsRpc, type CreateTenantRequest, type GetTenantRequest } from '@cobranza/contracts';
import { NotFoundError } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateTenantUseCase } from './create-tenant.usecase';
import { Tenant } from './tenant.entity';
import { toTenantMessage } from './tenant.mapper';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller()
export class TenantsController {
  constructor(
    private readonly createTenant: CreateTenantUseCase,
    private readonly em: EntityManager,
  ) {}

  @MessagePattern(ClientsRpc.createTenant.subject)
  async create(@Payload() request: CreateTenantRequest) {
    return toTenantMessage(await this.createTenant.execute(request));
  }

  @MessagePattern(ClientsRpc.getTenant.subject)
  async get(@Payload() request: GetTenantRequest) {
    const tenant = UUID.test(request.id) ? await this.em.findOne(Tenant, { id: request.id }) : null;
    if (!tenant) throw new NotFoundError('tenant.not_found', `No existe la empresa ${request.id}.`);
    return toTenantMessage(tenant);
  }
}
