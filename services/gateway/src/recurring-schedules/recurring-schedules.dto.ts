import type { MessageInitShape } from '@bufbuild/protobuf';
import type { RecurringSchedule, ScheduleConfigSchema, ScheduleRuntimeState } from '@cobranza/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { billingField, type BillingValue } from '../documents/billing-request';
import { LINE_INPUT, LineInputDto } from '../documents/documents.dto';

export class ScheduleRecipientsDto {
  @ApiProperty({ example: true, description: 'Send to the client’s own addresses.', required: false }) includeClient?: boolean;
  @ApiProperty({ type: [String], example: [], description: 'Contacts linked to the client and offered this kind of document.', required: false })
  contactIds?: string[];
  @ApiProperty({ type: [String], example: [], description: 'The company’s staff members who get a copy.', required: false }) staffIds?: string[];
  @ApiProperty({ example: 'le recordamos que el alquiler vence el día 5.', description: 'Appears after the recipient’s name in the email.', required: false })
  customText?: string;
}

export class ScheduleConfigDto {
  @ApiProperty({ example: 'invoice', enum: ['invoice', 'remission'] }) documentKind!: string;
  @ApiProperty({ type: [LineInputDto] }) lines!: LineInputDto[];
  @ApiProperty({ example: 'USD', required: false, description: 'Default: the client’s currency.' }) currency?: string;
  @ApiProperty({ example: 15, required: false }) paymentTermsDays?: number;
  @ApiProperty({ example: '0001', required: false }) series?: string;
  @ApiProperty({ example: '', required: false }) letter?: string;
  @ApiProperty({ example: 'Alquiler local 3-B, Torre Europa', required: false }) notes?: string;
  @ApiProperty({ example: 'day_of_month', enum: ['day_of_month', 'last_day'] }) dayRule!: string;
  @ApiProperty({ example: 31, required: false, description: '1 to 31 with day_of_month; a shorter month uses its last day.' }) day?: number;
  @ApiProperty({ example: 1, description: 'Months between emissions: 1, 2, 3, 6, 7, 12, 14 (seed 001) or any from 1 to 120.' }) cycleMonths!: number;
  @ApiProperty({ example: '2027-01-10', description: 'Later than today; the first emission is the first date on or after it that fits the day rule.' })
  startDate!: string;
  @ApiProperty({ example: '08:30:00', required: false, description: 'The time printed on each document (default 08:00:00).' }) documentTime?: string;
  @ApiProperty({ example: 7, required: false, description: 'Local hour (0-23) at which the document is issued on its date (default 7).' })
  emissionHour?: number;
  @ApiProperty({ example: 12, required: false, description: 'Stop after this many documents; leave out for no limit.' }) maxDocuments?: number;
  @ApiProperty({ type: ScheduleRecipientsDto, required: false }) recipients?: ScheduleRecipientsDto;
}

export class CreateScheduleDto extends ScheduleConfigDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: '', required: false, description: 'Moving from another system: its next emission date (today allowed).' })
  importedNextEmissionDate?: string;
  @ApiProperty({ example: 0, required: false, description: 'Documents the other system already emitted; they count toward the limit.' })
  importedEmittedCount?: number;
}

export class PreviewScheduleDto extends ScheduleConfigDto {
  @ApiProperty({ example: '', required: false }) importedNextEmissionDate?: string;
  @ApiProperty({ example: 12, required: false, description: '1 to 60.' }) count?: number;
}

export class ScheduleDto extends ScheduleConfigDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' }) clientName!: string;
  @ApiProperty({ example: 'active', enum: ['active', 'paused', 'completed', 'ended'] }) status!: string;
  @ApiProperty({ example: 2 }) emittedCount!: number;
  @ApiProperty({ example: 0 }) skippedCount!: number;
  @ApiProperty({ example: '2027-03-31', description: 'Empty when nothing more will be emitted.' }) nextEmissionDate!: string;
  @ApiProperty({ example: '2027-03-31T11:00:00.000Z' }) nextEmissionAt!: string;
  @ApiProperty({ example: '2027-02-28' }) lastEmissionDate!: string;
  @ApiProperty({ example: '' }) lastDocumentId!: string;
  @ApiProperty({ example: '' }) lastError!: string;
  @ApiProperty({ example: 1 }) configVersion!: number;
  @ApiProperty({ example: 'recurring-schedule:6f1c…', description: 'Its workflow in the Temporal UI.' }) workflowId!: string;
  @ApiProperty({ example: '2026-11-23T15:04:05.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-23T15:04:05.000Z' }) updatedAt!: string;
}

export class ScheduleListDto {
  @ApiProperty({ type: [ScheduleDto] }) items!: ScheduleDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ example: 1 }) total!: number;
}

export class PlannedEmissionDto {
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty({ example: '2027-01-31' }) date!: string;
  @ApiProperty({ example: '2027-01-31T11:00:00.000Z' }) at!: string;
}

export class SchedulePreviewDto {
  @ApiProperty({ type: [PlannedEmissionDto] }) emissions!: PlannedEmissionDto[];
  @ApiProperty({ example: false, description: 'The document limit ends the list.' }) limited!: boolean;
}

export class ScheduleStateDto {
  @ApiProperty({ format: 'uuid' }) scheduleId!: string;
  @ApiProperty({ example: 'paused', enum: ['active', 'paused', 'completed', 'ended'] }) status!: string;
  @ApiProperty({ example: 2 }) emittedCount!: number;
  @ApiProperty({ example: 1 }) skippedCount!: number;
  @ApiProperty({ example: '2027-04-30' }) nextEmissionDate!: string;
  @ApiProperty({ example: '2027-04-30T11:00:00.000Z' }) nextEmissionAt!: string;
  @ApiProperty({ example: '2027-02-28' }) lastEmissionDate!: string;
  @ApiProperty({ example: '' }) lastDocumentId!: string;
  @ApiProperty({ example: '' }) lastError!: string;
  @ApiProperty({ example: 1 }) configVersion!: number;
  @ApiProperty({ example: 'recurring-schedule:6f1c…' }) workflowId!: string;
}

export const SCHEDULE_CONFIG = {
  documentKind: billingField.string,
  lines: billingField.list(LINE_INPUT),
  currency: billingField.string,
  paymentTermsDays: billingField.count,
  series: billingField.string,
  letter: billingField.string,
  notes: billingField.string,
  dayRule: billingField.string,
  day: billingField.count,
  cycleMonths: billingField.count,
  startDate: billingField.string,
  documentTime: billingField.string,
  emissionHour: billingField.count,
  maxDocuments: billingField.count,
  recipients: billingField.object({
    includeClient: billingField.boolean,
    contactIds: billingField.strings,
    staffIds: billingField.strings,
    customText: billingField.string,
  }),
} as const;

export const CREATE_SCHEDULE = {
  ...SCHEDULE_CONFIG,
  clientId: billingField.string,
  importedNextEmissionDate: billingField.string,
  importedEmittedCount: billingField.count,
} as const;

export const PREVIEW_SCHEDULE = { ...SCHEDULE_CONFIG, importedNextEmissionDate: billingField.string, count: billingField.count } as const;

/** The body's configuration fields, as the contract's message. */
export function configOf(body: BillingValue<typeof SCHEDULE_CONFIG>): MessageInitShape<typeof ScheduleConfigSchema> {
  const { recipients, ...rest } = body;
  return {
    ...rest,
    lines: rest.lines?.map((l) => ({ description: '', quantity: '', unitPrice: '', discountPercent: '', taxRatePercent: '', ...l })),
    recipients: recipients ? { includeClient: true, contactIds: [], staffIds: [], customText: '', ...recipients } : undefined,
  };
}

export function scheduleJson(schedule: RecurringSchedule): ScheduleDto {
  const config = schedule.config!;
  return {
    id: schedule.id,
    clientId: schedule.clientId,
    clientName: schedule.clientName,
    documentKind: config.documentKind,
    lines: config.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      taxRatePercent: l.taxRatePercent,
    })),
    currency: config.currency,
    paymentTermsDays: config.paymentTermsDays,
    series: config.series,
    letter: config.letter,
    notes: config.notes,
    dayRule: config.dayRule,
    day: config.day,
    cycleMonths: config.cycleMonths,
    startDate: config.startDate,
    documentTime: config.documentTime,
    emissionHour: config.emissionHour,
    maxDocuments: config.maxDocuments,
    recipients: {
      includeClient: config.recipients?.includeClient ?? true,
      contactIds: [...(config.recipients?.contactIds ?? [])],
      staffIds: [...(config.recipients?.staffIds ?? [])],
      customText: config.recipients?.customText ?? '',
    },
    status: schedule.status,
    emittedCount: schedule.emittedCount,
    skippedCount: schedule.skippedCount,
    nextEmissionDate: schedule.nextEmissionDate,
    nextEmissionAt: schedule.nextEmissionAt,
    lastEmissionDate: schedule.lastEmissionDate,
    lastDocumentId: schedule.lastDocumentId,
    lastError: schedule.lastError,
    configVersion: schedule.configVersion,
    workflowId: schedule.workflowId,
    createdAt: schedule.createdAt,
    updatedAt: schedule.updatedAt,
  };
}

export function stateJson(state: ScheduleRuntimeState): ScheduleStateDto {
  const { $typeName: _type, ...rest } = state;
  return rest;
}
