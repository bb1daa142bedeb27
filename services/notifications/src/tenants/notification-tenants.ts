import { ClientsRpc, type Client } from '@cobranza/contracts';
import { ProvisionedTenant, provisionTenant, RpcClient } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isUuid, notFound } from '../common/messages';

/**
 * Notifications' copy of the tenant (legal name, locale, time zone), filled by the onboarding
 * workflow; a request that arrives first fetches the tenant from the clients service. The copy
 * has no e-mail address, so "send me a copy" without an address asks the clients service,
 * which owns the tenant, for it.
 */
@Injectable()
export class NotificationTenants {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
  ) {}

  async get(tenantId: string): Promise<ProvisionedTenant> {
    if (!isUuid(tenantId)) throw notFound('tenant.not_found');
    const em = this.em.fork();
    const copy = await em.findOne(ProvisionedTenant, { id: tenantId });
    if (copy?.legalName) return copy;
    const tenant = await this.rpc.call(ClientsRpc.getTenant, { id: tenantId });
    if (copy) {
      em.assign(copy, { legalName: tenant.legalName });
      await em.flush();
      return copy;
    }
    await provisionTenant(em, { ...tenant, tenantId: tenant.id });
    return em.findOneOrFail(ProvisionedTenant, { id: tenantId });
  }

  /** The tenant's own address (the clients service's), for copies when the requester gave none. */
  async email(tenantId: string): Promise<string> {
    const tenant = await this.rpc.call(ClientsRpc.getTenant, { id: tenantId });
    return tenant.email;
  }

  /** The client as the clients service knows it (404 for another tenant's client). */
  async client(tenantId: string, clientId: string): Promise<Client> {
    if (!isUuid(clientId)) throw notFound('client.not_found');
    return this.rpc.call(ClientsRpc.getClient, { tenantId, id: clientId });
  }
}

/** es or en, from a BCP 47 locale (es-VE, en). */
export const languageOf = (locale: string | undefined): 'es' | 'en' => (locale?.toLowerCase().startsWith('en') ? 'en' : 'es');
