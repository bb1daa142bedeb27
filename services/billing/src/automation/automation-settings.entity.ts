import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ReminderRuleValues } from './domain/automation-rules';

/** A tenant's automations (issue 8); a tenant without a row has every automation off. */
@Entity({ tableName: 'automation_settings' })
export class AutomationSettings {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'boolean' })
  autoSendEnabled: boolean = false;

  @Property({ type: 'string', length: 200 })
  autoSendSubject: string = '';

  @Property({ type: 'string', length: 20 })
  autoSendTemplate: string = 'original';

  @Property({ type: 'text' })
  autoSendBody: string = '';

  @Property({ type: 'string', length: 20 })
  autoSendRecipients: string = 'all';

  @Property({ type: 'boolean' })
  statementsEnabled: boolean = false;

  @Property({ type: 'string', length: 20 })
  statementsDayRule: string = 'last_day';

  @Property({ type: 'integer' })
  statementsDay: number = 0;

  @Property({ type: 'integer' })
  statementsCycleMonths: number = 1;

  @Property({ type: 'string', length: 5 })
  statementsTimeOfDay: string = '08:00';

  @Property({ type: 'string', length: 4 })
  statementsFormat: string = 'pdf';

  @Property({ type: 'boolean' })
  statementsAttachOpenInvoices: boolean = true;

  @Property({ type: 'boolean' })
  remindersEnabled: boolean = false;

  @Property({ type: 'string', length: 5 })
  remindersTimeOfDay: string = '08:00';

  @Property({ type: 'json' })
  reminderRules: ReminderRuleValues[] = [];

  /** Grows with every change, so the worker never applies an older configuration over a newer one. */
  @Property({ type: 'integer' })
  version: number = 0;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
