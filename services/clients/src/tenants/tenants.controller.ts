import { ClientsRpc, type CreateTenantRequest, type GetTenantRequest, type UpdateTenantRequest } from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { isUuid, notFound } from '../common/errors';
import { CreateTenantUseCase } from './create-tenant.usecase';
import { Tenant } from './tenant.entity';
import { toTenantMessage } from './tenant.mapper';
import { UpdateTenantUseCase } from './update-tenant.usecase';

@Controller()
export class TenantsController {
  constructor(
    private readonly createTenant: CreateTenantUseCase,
    private readonly updateTenant: UpdateTenantUseCase,
    private readonly em: EntityManager,
  ) {}

  @MessagePattern(ClientsRpc.createTenant.subject)
  async create(@Payload() request: CreateTenantRequest) {
    return toTenantMessage(await this.createTenant.execute(request));
  }

  @MessagePattern(ClientsRpc.updateTenant.subject)
  async update(@Payload() request: UpdateTenantRequest) {
    return toTenantMessage(await this.updateTenant.execute(request));
  }

  @MessagePattern(ClientsRpc.getTenant.subject)
  async get(@Payload() request: GetTenantRequest) {
    const tenant = isUuid(request.id) ? await this.em.findOne(Tenant, { id: request.id }) : null;
    if (!tenant) throw notFound('tenant.not_found');
    return toTenantMessage(tenant);
  }
}
