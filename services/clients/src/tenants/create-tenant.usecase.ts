import { ClientsEvents } from '@cobranza/contracts';
import { OutboxRelay, recordEvent } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { normalizeTenantSettings, type TenantSettings } from './domain/tenant-settings';
import { Tenant } from './tenant.entity';
import { toTenantMessage } from './tenant.mapper';

@Injectable()
export class CreateTenantUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly relay: OutboxRelay,
  ) {}

  /** Stores the tenant and its `tenant.created` event in one transaction. */
  async execute(input: TenantSettings): Promise<Tenant> {
    const settings = normalizeTenantSettings(input);
    const now = new Date();
    const tenant = this.em.create(Tenant, { ...settings, version: 1, createdAt: now, updatedAt: now });
    recordEvent(this.em, ClientsEvents.tenantCreated, { tenant: toTenantMessage(tenant) });
    await this.em.flush();
    this.relay.kick();
    return tenant;
  }
}
