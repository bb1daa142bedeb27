import { SALES_DOCUMENT_KINDS, type DocumentLine, type ListDocumentsReply, type SalesDocument } from '@cobranza/contracts';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { PageInfoDto } from '../http/page.dto';
import { billingField } from './billing-request';

const KINDS = [...SALES_DOCUMENT_KINDS];
export const DOCUMENT_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'voided'];
const DECIMAL = 'A decimal number as a JSON string, never a JSON number (to avoid float rounding).';

// ---------------------------------------------------------------------------------------------
// Replies

export class DocumentLineDto {
  @ApiProperty({ example: 'Servicio de asesoría tributaria, marzo 2024' })
  description!: string;

  @ApiProperty({ example: '1', description: 'Up to 4 decimals.' })
  quantity!: string;

  @ApiProperty({ example: '360.00' })
  unitPrice!: string;

  @ApiProperty({ example: '0' })
  discountPercent!: string;

  @ApiProperty({ example: '16' })
  taxRatePercent!: string;

  @ApiProperty({ example: '360.00', description: 'quantity × unitPrice.' })
  gross!: string;

  @ApiProperty({ example: '0.00' })
  discount!: string;

  @ApiProperty({ example: '360.00', description: 'gross − discount.' })
  net!: string;

  @ApiProperty({ example: '57.60' })
  tax!: string;

  @ApiProperty({ example: '417.60', description: 'net + tax.' })
  total!: string;
}

export class SalesDocumentDto {
  @ApiProperty({ example: '5d7e2b90-3c4f-4a1e-9b62-8f0a1c3e5d27' })
  id!: string;

  @ApiProperty({ example: 'invoice', enum: KINDS })
  kind!: string;

  @ApiProperty({ example: 'partially_paid', enum: DOCUMENT_STATUSES })
  status!: string;

  @ApiProperty({ example: '0001' })
  series!: string;

  @ApiProperty({ example: '', description: 'Optional letter before the number (Argentina: A, B, C); empty when none.' })
  letter!: string;

  @ApiProperty({ example: 111, description: 'Consecutive per tenant, kind, series and letter; 0 while a draft.' })
  number!: number;

  @ApiProperty({ example: '0001-00000111', description: '"0001-00000111", or "A 0001-00000111" with a letter; empty while a draft.' })
  displayNumber!: string;

  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  clientId!: string;

  @ApiProperty({ example: '0000000012' })
  clientCode!: string;

  @ApiProperty({ example: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' })
  clientName!: string;

  @ApiProperty({ example: 'VES', description: 'ISO 4217.' })
  currency!: string;

  @ApiProperty({ example: '2024-03-01', description: "Local date in the tenant's time zone; empty on a draft dated when issued." })
  issueDate!: string;

  @ApiProperty({ example: '08:00:00', description: 'The time printed on the document, HH:MM:SS; empty on a draft stamped when issued.' })
  issueTime!: string;

  @ApiProperty({ example: 15 })
  paymentTermsDays!: number;

  @ApiProperty({ example: '2024-03-16', description: 'issueDate + paymentTermsDays; empty while issueDate is.' })
  dueDate!: string;

  @ApiProperty({ type: [DocumentLineDto] })
  lines!: DocumentLineDto[];

  @ApiProperty({ example: '360.00' })
  gross!: string;

  @ApiProperty({ example: '0.00' })
  discount!: string;

  @ApiProperty({ example: '360.00' })
  net!: string;

  @ApiProperty({ example: '57.60' })
  tax!: string;

  @ApiProperty({ example: '417.60' })
  total!: string;

  @ApiProperty({ example: '200.00', description: 'Sum of the payments applied to it.' })
  paid!: string;

  @ApiProperty({ example: '217.60', description: 'total − paid.' })
  balance!: string;

  @ApiProperty({ example: '2a4c6e80-1b3d-4f5a-8c7e-9d0b2f4a6c81', description: 'Links a quote to the order, remission and invoice made from it.' })
  operationId!: string;

  @ApiProperty({ example: '', description: 'The quote, order or remission this document was made from; empty when none.' })
  sourceDocumentId!: string;

  @ApiProperty({ example: '', description: 'The billing batch that issued it; empty when issued alone.' })
  batchId!: string;

  @ApiProperty({ example: 'Pago por transferencia a la cuenta corriente del Banco Mercantil.' })
  notes!: string;

  @ApiProperty({ example: '2024-03-01T12:00:00.000Z' })
  createdAt!: string;
}

export class DocumentListDto {
  @ApiProperty({ type: [SalesDocumentDto] })
  items!: SalesDocumentDto[];

  @ApiProperty({ type: PageInfoDto })
  page!: PageInfoDto;
}

// ---------------------------------------------------------------------------------------------
// Requests

export class LineInputDto {
  @ApiProperty({ example: 'Servicio de asesoría tributaria, marzo 2024' })
  description!: string;

  @ApiProperty({ example: '1', description: `More than 0, up to 4 decimals. ${DECIMAL}` })
  quantity!: string;

  @ApiProperty({ example: '360.00', description: `0 or more, up to 4 decimals. ${DECIMAL}` })
  unitPrice!: string;

  @ApiPropertyOptional({ example: '0', description: `0 to 100; default 0. ${DECIMAL}` })
  discountPercent?: string;

  @ApiPropertyOptional({ example: '16', description: `0 to 100; default 0. ${DECIMAL}` })
  taxRatePercent?: string;
}

export class IssueDocumentDto {
  @ApiProperty({ example: 'invoice', enum: KINDS })
  kind!: string;

  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  clientId!: string;

  @ApiPropertyOptional({ example: '0001', description: 'Default: 0001.' })
  series?: string;

  @ApiPropertyOptional({ example: '', description: 'Optional letter before the number (Argentina: A, B, C).' })
  letter?: string;

  @ApiPropertyOptional({ example: 'VES', description: "Default: the client's currency." })
  currency?: string;

  @ApiPropertyOptional({ example: '2024-03-01', description: "Default: today in the tenant's time zone." })
  issueDate?: string;

  @ApiPropertyOptional({ example: '08:00:00', description: "Default: now in the tenant's time zone." })
  issueTime?: string;

  @ApiPropertyOptional({ example: 15, description: 'Whole days from the issue date to the due date; default 0.' })
  paymentTermsDays?: number;

  @ApiProperty({ type: [LineInputDto] })
  lines!: LineInputDto[];

  @ApiPropertyOptional({ example: '', description: 'The quote, order or remission this document is made from (same operation).' })
  sourceDocumentId?: string;

  @ApiPropertyOptional({ example: 'Pago por transferencia a la cuenta corriente del Banco Mercantil.' })
  notes?: string;
}

/** The same fields as issuing; a draft without a date is dated (and stamped) when it is issued. */
export class DraftDto extends OmitType(IssueDocumentDto, ['issueDate', 'issueTime'] as const) {
  @ApiPropertyOptional({ example: '', description: 'Leave it out to date the document on the day the draft is issued.' })
  issueDate?: string;

  @ApiPropertyOptional({ example: '', description: 'Leave it out to stamp the time the draft is issued.' })
  issueTime?: string;
}

export class VoidDocumentDto {
  @ApiProperty({ example: 'Emitida por error: el servicio se facturó dos veces.' })
  reason!: string;
}

export const LINE_INPUT = {
  description: billingField.string,
  quantity: billingField.decimal,
  unitPrice: billingField.decimal,
  discountPercent: billingField.decimal,
  taxRatePercent: billingField.decimal,
} as const;

export const ISSUE_DOCUMENT = {
  kind: billingField.string,
  clientId: billingField.string,
  series: billingField.string,
  letter: billingField.string,
  currency: billingField.string,
  issueDate: billingField.string,
  issueTime: billingField.string,
  paymentTermsDays: billingField.count,
  lines: billingField.list(LINE_INPUT),
  sourceDocumentId: billingField.string,
  notes: billingField.string,
} as const;

/** A draft has the fields of an issue, every one replaced on update. */
export const DRAFT = ISSUE_DOCUMENT;

export const VOID_DOCUMENT = { reason: billingField.string } as const;

export const LIST_DRAFTS_QUERY = {
  clientId: 'string',
  kind: 'string',
  page: 'positiveInt',
  pageSize: 'positiveInt',
} as const;

export const DRAFT_EXAMPLE = {
  kind: 'quote',
  clientId: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40',
  paymentTermsDays: 15,
  lines: [{ description: 'Implantación del sistema administrativo, 40 horas', quantity: '40', unitPrice: '25.00', taxRatePercent: '16' }],
  notes: 'Cotización válida por 15 días.',
};

export const LIST_DOCUMENTS_QUERY = {
  clientId: 'string',
  kind: 'string',
  status: 'string',
  page: 'positiveInt',
  pageSize: 'positiveInt',
} as const;

export const DOCUMENT_ID_PARAM = { name: 'id', description: 'Document id (UUID).', example: '5d7e2b90-3c4f-4a1e-9b62-8f0a1c3e5d27' };

export const INVOICE_EXAMPLE = {
  kind: 'invoice',
  clientId: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40',
  series: '0001',
  currency: 'VES',
  issueDate: '2024-03-01',
  issueTime: '08:00:00',
  paymentTermsDays: 15,
  lines: [
    {
      description: 'Servicio de asesoría tributaria, marzo 2024',
      quantity: '1',
      unitPrice: '360.00',
      discountPercent: '0',
      taxRatePercent: '16',
    },
  ],
  notes: 'Pago por transferencia a la cuenta corriente del Banco Mercantil.',
};

// ---------------------------------------------------------------------------------------------
// Mapping: every field present, the tenant never shown

function lineJson(l: DocumentLine): DocumentLineDto {
  return {
    description: l.description,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discountPercent: l.discountPercent,
    taxRatePercent: l.taxRatePercent,
    gross: l.gross,
    discount: l.discount,
    net: l.net,
    tax: l.tax,
    total: l.total,
  };
}

export function documentJson(d: SalesDocument): SalesDocumentDto {
  return {
    id: d.id,
    kind: d.kind,
    status: d.status,
    series: d.series,
    letter: d.letter,
    number: d.number,
    displayNumber: d.displayNumber,
    clientId: d.clientId,
    clientCode: d.clientCode,
    clientName: d.clientName,
    currency: d.currency,
    issueDate: d.issueDate,
    issueTime: d.issueTime,
    paymentTermsDays: d.paymentTermsDays,
    dueDate: d.dueDate,
    lines: d.lines.map(lineJson),
    gross: d.gross,
    discount: d.discount,
    net: d.net,
    tax: d.tax,
    total: d.total,
    paid: d.paid,
    balance: d.balance,
    operationId: d.operationId,
    sourceDocumentId: d.sourceDocumentId,
    batchId: d.batchId,
    notes: d.notes,
    createdAt: d.createdAt,
  };
}

export function documentListJson(reply: ListDocumentsReply): DocumentListDto {
  return { items: reply.items.map(documentJson), page: { page: reply.page, pageSize: reply.pageSize, total: reply.total } };
}
