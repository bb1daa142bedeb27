import type { AutomationSettings } from '@cobranza/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { billingField } from '../documents/billing-request';

export class AutoSendSettingsDto {
  @ApiProperty({ example: true, description: 'Seed 003\'s "Habilitar Envío Automático": after a batch, each qualifying client gets one email with its invoices.' })
  enabled!: boolean;
  @ApiProperty({ example: 'Sus facturas de alquiler de marzo', description: 'The email\'s subject; empty: the template\'s.' }) subject!: string;
  @ApiProperty({ example: 'original', enum: ['original', 'last_used'], description: 'The invoice email template: the original or the last one used.' }) template!: string;
  @ApiProperty({ example: '', description: 'A body written by the company; empty: the template\'s.' }) body!: string;
  @ApiProperty({
    example: 'only_multiple',
    enum: ['all', 'only_multiple'],
    description: 'all: every client that got invoices in the batch; only_multiple: only clients that got more than one. A client also needs its own automatic sending on (and may ask for "only when several").',
  })
  recipients!: string;
}

export class ScheduledStatementSettingsDto {
  @ApiProperty({ example: true, description: 'Every client with an open balance gets its statement on the day rule.' }) enabled!: boolean;
  @ApiProperty({ example: 'last_day', enum: ['day_of_month', 'last_day'] }) dayRule!: string;
  @ApiProperty({ example: 0, description: '1 to 31 with day_of_month (a shorter month uses its last day); 0 with last_day.' }) day!: number;
  @ApiProperty({ example: 1, description: 'Months between sends, 1 to 120.' }) cycleMonths!: number;
  @ApiProperty({ example: '08:00', description: 'Local time (hh:mm, 24-hour) in the company\'s time zone.' }) timeOfDay!: string;
  @ApiProperty({ example: 'pdf', enum: ['pdf', 'xlsx'] }) format!: string;
  @ApiProperty({ example: true, description: 'Attach the open invoices beside the statement (default true).' }) attachOpenInvoices!: boolean;
}

export class ReminderRuleDto {
  @ApiProperty({ example: 'before-3', required: false, description: 'Stable id: an invoice is reminded once per rule id. Default "<kind>-<days>" ("on-due" for on).' }) id?: string;
  @ApiProperty({ example: 'before', enum: ['before', 'on', 'after'], description: 'Before, on or after the due date.' }) kind!: string;
  @ApiProperty({ example: 3, description: '1 to 90 with before and after; 0 with on.' }) days!: number;
  @ApiProperty({ example: 'email', enum: ['email', 'whatsapp'] }) channel!: string;
  @ApiProperty({ example: false, description: 'Attach the client\'s statement (seed 004).' }) attachStatement!: boolean;
}

export class ReminderSettingsDto {
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({ example: '08:00', description: 'Local time of the daily pass (hh:mm) in the company\'s time zone; default 08:00.' }) timeOfDay!: string;
  @ApiProperty({ type: [ReminderRuleDto] }) rules!: ReminderRuleDto[];
}

export class AutomationSettingsDto {
  @ApiProperty({ type: AutoSendSettingsDto }) autoSend!: AutoSendSettingsDto;
  @ApiProperty({ type: ScheduledStatementSettingsDto }) scheduledStatements!: ScheduledStatementSettingsDto;
  @ApiProperty({ type: ReminderSettingsDto }) reminders!: ReminderSettingsDto;
  @ApiProperty({ example: 3, description: 'Grows with every change.' }) version!: number;
  @ApiProperty({ example: 'America/Caracas', description: 'The company\'s time zone, in which every local time is read.' }) timeZone!: string;
  @ApiProperty({ example: '2026-11-23T15:04:05.000Z' }) updatedAt!: string;
}

export class UpdateAutomationSettingsDto {
  @ApiProperty({ type: AutoSendSettingsDto, required: false }) autoSend?: AutoSendSettingsDto;
  @ApiProperty({ type: ScheduledStatementSettingsDto, required: false }) scheduledStatements?: ScheduledStatementSettingsDto;
  @ApiProperty({ type: ReminderSettingsDto, required: false }) reminders?: ReminderSettingsDto;
}

export const UPDATE_AUTOMATION = {
  autoSend: billingField.object({
    enabled: billingField.boolean,
    subject: billingField.string,
    template: billingField.string,
    body: billingField.string,
    recipients: billingField.string,
  }),
  scheduledStatements: billingField.object({
    enabled: billingField.boolean,
    dayRule: billingField.string,
    day: billingField.count,
    cycleMonths: billingField.count,
    timeOfDay: billingField.string,
    format: billingField.string,
    attachOpenInvoices: billingField.boolean,
  }),
  reminders: billingField.object({
    enabled: billingField.boolean,
    timeOfDay: billingField.string,
    rules: billingField.list({ id: billingField.string, kind: billingField.string, days: billingField.count, channel: billingField.string, attachStatement: billingField.boolean }),
  }),
} as const;

export function automationJson(s: AutomationSettings): AutomationSettingsDto {
  const a = s.autoSend;
  const st = s.scheduledStatements;
  const r = s.reminders;
  return {
    autoSend: { enabled: a?.enabled ?? false, subject: a?.subject ?? '', template: a?.template ?? 'original', body: a?.body ?? '', recipients: a?.recipients ?? 'all' },
    scheduledStatements: {
      enabled: st?.enabled ?? false,
      dayRule: st?.dayRule ?? 'last_day',
      day: st?.day ?? 0,
      cycleMonths: st?.cycleMonths ?? 1,
      timeOfDay: st?.timeOfDay ?? '08:00',
      format: st?.format ?? 'pdf',
      attachOpenInvoices: st?.attachOpenInvoices ?? true,
    },
    reminders: {
      enabled: r?.enabled ?? false,
      timeOfDay: r?.timeOfDay ?? '08:00',
      rules: (r?.rules ?? []).map((rule) => ({ id: rule.id, kind: rule.kind, days: rule.days, channel: rule.channel, attachStatement: rule.attachStatement })),
    },
    version: s.version,
    timeZone: s.timeZone,
    updatedAt: s.updatedAt,
  };
}
