import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Billing's own settings of a tenant; a tenant without a row has the defaults. */
@Entity({ tableName: 'billing_settings' })
export class BillingSettings {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  /** Seed/issue rule: an uninvoiced remission counts as receivable unless the tenant says no. */
  @Property({ type: 'boolean' })
  remissionsReceivable: boolean = true;

  /** Seed 004: invoice e-mails attach the client's account statement. */
  @Property({ type: 'boolean', default: false })
  statementInInvoiceEmails: boolean = false;
}
