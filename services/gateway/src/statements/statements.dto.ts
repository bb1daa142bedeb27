import type { Aging, Statement, StatementHeader, StatementRow, StatementTotals } from '@cobranza/contracts';
import { ApiProperty } from '@nestjs/swagger';

export const STATEMENT_BUCKETS = ['not_due', '1_30', '31_60', '61_90', 'over_90'];
export const STATEMENT_KINDS = ['invoice', 'remission', 'credit_note'];
export const STATEMENT_STATUSES = ['pending', 'partially_paid', 'paid'];

export class StatementHeaderDto {
  @ApiProperty({ example: 'Infotax, S.A.' })
  tenantName!: string;

  @ApiProperty({ example: 'Emitido el 26/03/2024 a las 11:25:35 p.m.', description: "In the tenant's language and time zone." })
  issuedAtText!: string;

  @ApiProperty({ example: '2024-03-27T03:25:35.000Z' })
  issuedAt!: string;

  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  clientId!: string;

  @ApiProperty({ example: '0000000012' })
  clientCode!: string;

  @ApiProperty({ example: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' })
  clientName!: string;

  @ApiProperty({ example: 'Av. Sanatorio del Ávila, Centro Empresarial Ciudad Center, Torre C, piso 1.' })
  clientAddress!: string;

  @ApiProperty({ example: 'VES' })
  currency!: string;

  @ApiProperty({ example: '2024-03-26', description: 'The date the statement is computed for.' })
  asOf!: string;
}

export class StatementRowDto {
  @ApiProperty({ example: '5d7e2b90-3c4f-4a1e-9b62-8f0a1c3e5d27' })
  documentId!: string;

  @ApiProperty({ example: 'invoice', enum: STATEMENT_KINDS })
  kind!: string;

  @ApiProperty({ example: '0001-00000111' })
  number!: string;

  @ApiProperty({ example: '2024-03-01' })
  issueDate!: string;

  @ApiProperty({ example: '2024-03-16' })
  dueDate!: string;

  @ApiProperty({ example: 10, description: 'Days past the due date as of `asOf`; 0 when not yet due.' })
  daysOverdue!: number;

  @ApiProperty({ example: '417.60' })
  amount!: string;

  @ApiProperty({ example: '200.00' })
  paid!: string;

  @ApiProperty({ example: '217.60' })
  balance!: string;

  @ApiProperty({ example: 'partially_paid', enum: STATEMENT_STATUSES })
  status!: string;

  @ApiProperty({ example: '1_30', enum: [...STATEMENT_BUCKETS, 'settled'], description: '`settled` when nothing is owed.' })
  bucket!: string;
}

export class StatementTotalsDto {
  @ApiProperty({ example: '217.60' })
  balance!: string;

  @ApiProperty({ example: '217.60', description: 'Balance past its due date.' })
  overdue!: string;

  @ApiProperty({ example: '0.00', description: 'Balance not yet due.' })
  notDue!: string;
}

export class AgingDto {
  @ApiProperty({ example: '0.00' })
  notDue!: string;

  @ApiProperty({ example: '217.60', description: '1 to 30 days overdue.' })
  days1To30!: string;

  @ApiProperty({ example: '0.00', description: '31 to 60 days overdue.' })
  days31To60!: string;

  @ApiProperty({ example: '0.00', description: '61 to 90 days overdue.' })
  days61To90!: string;

  @ApiProperty({ example: '0.00', description: 'More than 90 days overdue.' })
  over90!: string;
}

export class StatementDto {
  @ApiProperty({ type: StatementHeaderDto })
  header!: StatementHeaderDto;

  @ApiProperty({ type: [StatementRowDto] })
  rows!: StatementRowDto[];

  @ApiProperty({ type: StatementTotalsDto })
  totals!: StatementTotalsDto;

  @ApiProperty({ type: AgingDto })
  aging!: AgingDto;
}

export const STATEMENT_QUERY = {
  asOf: 'string',
  number: 'string',
  kind: 'list',
  issueFrom: 'string',
  issueTo: 'string',
  dueFrom: 'string',
  dueTo: 'string',
  minDaysOverdue: 'count',
  maxDaysOverdue: 'count',
  status: 'list',
  bucket: 'string',
} as const;

function headerJson(h: StatementHeader | undefined): StatementHeaderDto {
  return {
    tenantName: h?.tenantName ?? '',
    issuedAtText: h?.issuedAtText ?? '',
    issuedAt: h?.issuedAt ?? '',
    clientId: h?.clientId ?? '',
    clientCode: h?.clientCode ?? '',
    clientName: h?.clientName ?? '',
    clientAddress: h?.clientAddress ?? '',
    currency: h?.currency ?? '',
    asOf: h?.asOf ?? '',
  };
}

function rowJson(r: StatementRow): StatementRowDto {
  return {
    documentId: r.documentId,
    kind: r.kind,
    number: r.number,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    daysOverdue: r.daysOverdue,
    amount: r.amount,
    paid: r.paid,
    balance: r.balance,
    status: r.status,
    bucket: r.bucket,
  };
}

function totalsJson(t: StatementTotals | undefined): StatementTotalsDto {
  return { balance: t?.balance ?? '', overdue: t?.overdue ?? '', notDue: t?.notDue ?? '' };
}

function agingJson(a: Aging | undefined): AgingDto {
  return {
    notDue: a?.notDue ?? '',
    days1To30: a?.days130 ?? '',
    days31To60: a?.days3160 ?? '',
    days61To90: a?.days6190 ?? '',
    over90: a?.over90 ?? '',
  };
}

export function statementJson(s: Statement): StatementDto {
  return { header: headerJson(s.header), rows: s.rows.map(rowJson), totals: totalsJson(s.totals), aging: agingJson(s.aging) };
}
