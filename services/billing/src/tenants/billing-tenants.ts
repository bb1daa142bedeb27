import { ClientsRpc } from '@cobranza/contracts';
import { ProvisionedTenant, provisionTenant, RpcClient } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isUuid, notFound } from '../common/messages';

/**
 * Billing's copy of the tenant settings it needs (time zone, locale, name). The onboarding
 * workflow fills it; a request that arrives first fetches the tenant from the clients service.
 */
@Injectable()
export class BillingTenants {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
  ) {}

  async get(tenantId: string): Promise<ProvisionedTenant> {
    if (!isUuid(tenantId)) throw notFound('tenant.not_found');
    const copy = await this.em.findOne(ProvisionedTenant, { id: tenantId });
    // Copies made before the legal name was part of them are refreshed once.
    if (copy?.legalName) return copy;
    const tenant = await this.rpc.call(ClientsRpc.getTenant, { id: tenantId });
    if (copy) {
      this.em.assign(copy, { legalName: tenant.legalName });
      await this.em.flush();
      return copy;
    }
    await provisionTenant(this.em.fork(), { ...tenant, tenantId: tenant.id });
    return this.em.findOneOrFail(ProvisionedTenant, { id: tenantId });
  }

  /** The client as the clients service knows it now (404 for another tenant's client). */
  client(tenantId: string, clientId: string) {
    if (!isUuid(clientId)) throw notFound('client.not_found');
    return this.rpc.call(ClientsRpc.getClient, { tenantId, id: clientId });
  }
}
