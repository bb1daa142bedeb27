import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One reminder of one invoice by one rule, claimed by the reminder pass that sends it: the primary
 * key makes it at most once, ever, whatever passes run or retry.
 */
@Entity({ tableName: 'reminder_claim' })
export class ReminderClaim {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  documentId!: string;

  @PrimaryKey({ type: 'string', length: 40 })
  ruleId!: string;

  /** The pass's workflow id; the same claimant claiming again (a retried activity) gets it again. */
  @Property({ type: 'string', length: 300 })
  claimant!: string;

  /** The rule's date for the invoice: a later pass never sends a reminder dated before it. */
  @Property({ type: 'string', columnType: 'date' })
  ruleDate!: string;

  @Property({ type: 'datetime' })
  claimedAt: Date = new Date();
}
