import type { ProvisionTenantRequest } from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/core';
import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { provisionTenant } from '../tenancy/provision-tenant.usecase';
import { StatusReporter } from './status-reporter';

/** `rpc.<service>.system.status`: the same report as /health/ready, over NATS. */
export function statusController(subject: string): Type<unknown> {
  @Controller()
  class SystemStatusController {
    constructor(private readonly status: StatusReporter) {}

    @MessagePattern(subject)
    report() {
      return this.status.report();
    }
  }
  return SystemStatusController;
}

/** `rpc.<service>.tenant.provision`, called by the tenant-onboarding workflow. */
export function tenancyController(service: string, subject: string): Type<unknown> {
  @Controller()
  class TenancyController {
    constructor(private readonly em: EntityManager) {}

    @MessagePattern(subject)
    async provision(@Payload() request: ProvisionTenantRequest) {
      const { created, changed } = await provisionTenant(this.em, request);
      return { service, tenantId: request.tenantId, created, changed };
    }
  }
  return TenancyController;
}
