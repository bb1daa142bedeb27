import type { SalesHistory } from '@cobranza/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DocumentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '0001-00000111' }) displayNumber!: string;
  @ApiProperty({ example: '2024-03-26', format: 'date' }) issueDate!: string;
  @ApiProperty({ example: '417.60' }) total!: string;
  @ApiProperty({ example: '360.00' }) balance!: string;
  @ApiProperty({ example: 'partially_paid', enum: ['issued', 'partially_paid', 'paid', 'voided'] }) status!: string;
}

export class SalesOperationDto {
  @ApiProperty({ format: 'uuid' }) operationId!: string;
  @ApiProperty({ example: '2024-03-26', format: 'date' }) lastDate!: string;
  @ApiPropertyOptional({ type: DocumentSummaryDto }) quote?: DocumentSummaryDto;
  @ApiPropertyOptional({ type: DocumentSummaryDto }) order?: DocumentSummaryDto;
  @ApiPropertyOptional({ type: DocumentSummaryDto }) remission?: DocumentSummaryDto;
  @ApiPropertyOptional({ type: DocumentSummaryDto }) invoice?: DocumentSummaryDto;
}

export class SalesHistoryDto {
  @ApiProperty({ type: [SalesOperationDto], description: 'The 100 most recent operations, newest first.' })
  operations!: SalesOperationDto[];
  @ApiProperty({ example: 3 }) quotes!: number;
  @ApiProperty({ example: 2 }) orders!: number;
  @ApiProperty({ example: 1 }) remissions!: number;
  @ApiProperty({ example: 5 }) invoices!: number;
  @ApiProperty({ example: '360.00', description: 'What the client owes now, in its currency.' }) pendingBalance!: string;
  @ApiProperty({ example: 'VES' }) currency!: string;
}

export function salesHistoryJson(reply: SalesHistory): SalesHistoryDto {
  const summary = (d: SalesHistory['operations'][number]['quote']) =>
    d && { id: d.id, displayNumber: d.displayNumber, issueDate: d.issueDate, total: d.total, balance: d.balance, status: d.status };
  return {
    operations: reply.operations.map((o) => ({
      operationId: o.operationId,
      lastDate: o.lastDate,
      ...(o.quote ? { quote: summary(o.quote) } : {}),
      ...(o.order ? { order: summary(o.order) } : {}),
      ...(o.remission ? { remission: summary(o.remission) } : {}),
      ...(o.invoice ? { invoice: summary(o.invoice) } : {}),
    })),
    quotes: reply.quotes,
    orders: reply.orders,
    remissions: reply.remissions,
    invoices: reply.invoices,
    pendingBalance: reply.pendingBalance,
    currency: reply.currency,
  };
}
