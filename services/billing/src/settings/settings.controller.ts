import { BillingRpc, type GetBillingSettingsRequest, type UpdateBillingSettingsRequest } from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BillingTenants } from '../tenants/billing-tenants';
import { BillingSettings } from './billing-settings.entity';

export async function settingsOf(em: EntityManager, tenantId: string): Promise<BillingSettings> {
  return (await em.findOne(BillingSettings, { tenantId })) ?? Object.assign(new BillingSettings(), { tenantId });
}

@Controller()
export class SettingsController {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: BillingTenants,
  ) {}

  @MessagePattern(BillingRpc.getSettings.subject)
  get(@Payload() request: GetBillingSettingsRequest) {
    return this.view(request.tenantId);
  }

  @MessagePattern(BillingRpc.updateSettings.subject)
  async update(@Payload() request: UpdateBillingSettingsRequest) {
    const tenant = await this.tenants.get(request.tenantId);
    const current = await settingsOf(this.em.fork(), tenant.id);
    await this.em.upsert(BillingSettings, {
      tenantId: tenant.id,
      remissionsReceivable: request.remissionsReceivable ?? current.remissionsReceivable,
      statementInInvoiceEmails: request.statementInInvoiceEmails ?? current.statementInInvoiceEmails,
    });
    return this.view(tenant.id);
  }

  private async view(tenantId: string) {
    const tenant = await this.tenants.get(tenantId);
    const settings = await settingsOf(this.em.fork(), tenant.id);
    return { tenantId: tenant.id, remissionsReceivable: settings.remissionsReceivable, statementInInvoiceEmails: settings.statementInInvoiceEmails };
  }
}
