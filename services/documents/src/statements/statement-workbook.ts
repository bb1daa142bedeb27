import type { Statement } from '@cobranza/contracts';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Labels } from '../rendering/domain/labels';
import { currencyName, type LocaleFormat } from '../rendering/domain/locale-format';
import { agingRows, issuedAtText } from './domain/statement-html';

export interface WorkbookLocale {
  format: LocaleFormat;
  labels: Labels;
  timeZone: string;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A money string as a number cell. XLSX numbers are binary doubles, so the value is checked to
 * come back as exactly the same decimal; an amount too long for a double (beyond 15 significant
 * digits) is written as its exact text instead of a rounded number.
 */
export function moneyCell(value: string): number | string {
  const match = DECIMAL.exec(value);
  if (!match) throw new Error(`Not a decimal amount: ${JSON.stringify(value)}`);
  const number = Number(value);
  const [, sign, integer, fraction = ''] = match;
  const canonical = `${sign}${integer.replace(/^0+(?=\d)/, '')}${fraction.replace(/0+$/, '') ? `.${fraction.replace(/0+$/, '')}` : ''}`;
  const back = Object.is(number, -0) ? '0' : String(number);
  return back === canonical || (canonical === '-0' && back === '0') ? number : value;
}

/** "2024-03-26" as a date cell (UTC midnight: Excel dates have no time zone). */
export function dateCell(date: string): Date | string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : date;
}

/**
 * Text is always written as a string cell, never as a formula: `=HYPERLINK(...)`, `+1`, `-2` or
 * `@SUM(A1)` in a client's name stays that text. (ExcelJS writes a formula only for a
 * `{ formula }` value; plain strings become shared or inline strings.)
 */
export const textCell = (value: string): string => value;

const decimalsOf = (value: string): number => DECIMAL.exec(value)?.[3]?.length ?? 0;

/** Excel number format with the currency's decimals and code: #,##0.00 "VES";[Red]-#,##0.00 "VES". */
export function currencyNumberFormat(currency: string, decimals: number): string {
  const pattern = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  const code = /^[A-Z]{3}$/.test(currency) ? ` "${currency}"` : '';
  return `${pattern}${code};[Red]-${pattern}${code}`;
}

const DATE_FORMATS = { dayFirst: 'dd/mm/yyyy', monthFirst: 'mm/dd/yyyy' };
const HEADER_ROW = 7;

/**
 * The statement as an XLSX written with ExcelJS's streaming WorkbookWriter: rows are committed
 * as they are written, so a 5,000-line statement never builds the whole workbook in memory.
 * Sheet "Documentos": the statement's heading, then a frozen, filterable header row, one row per
 * document with real date and number cells, and the totals. Sheet "Antigüedad": the aging.
 */
export async function writeStatementWorkbook(statement: Statement, locale: WorkbookLocale, output: Writable): Promise<void> {
  const { labels, format } = locale;
  const header = statement.header;
  const currency = header?.currency ?? '';
  const decimals = decimalsOf(statement.totals?.balance ?? '0.00');
  const moneyFormat = currencyNumberFormat(currency, decimals);
  const dateFormat = format.dayFirst ? DATE_FORMATS.dayFirst : DATE_FORMATS.monthFirst;

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = header?.tenantName ?? '';
  workbook.created = header?.issuedAt ? new Date(header.issuedAt) : new Date();

  const documents = workbook.addWorksheet(labels('documentsSheet'), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  documents.columns = [
    { key: 'kind', width: 17 },
    { key: 'number', width: 18 },
    { key: 'issueDate', width: 14 },
    { key: 'dueDate', width: 14 },
    { key: 'daysOverdue', width: 12 },
    { key: 'amount', width: 18 },
    { key: 'paid', width: 18 },
    { key: 'balance', width: 18 },
    { key: 'status', width: 20 },
  ];
  const heading = (values: Array<string | number | Date>, bold = false) => {
    const row = documents.addRow(values);
    if (bold) row.font = { bold: true, size: 13 };
    row.commit();
  };
  heading([textCell(header?.tenantName ?? '')], true);
  heading([textCell(labels('statementTitle'))], true);
  heading([textCell(issuedAtText(statement, locale))]);
  heading([textCell(labels('client')), textCell(header?.clientCode ?? ''), textCell(header?.clientName ?? '')]);
  heading([textCell(labels('address')), textCell(header?.clientAddress ?? '')]);
  // The as-of date is a real date cell too.
  const asOfRow = documents.addRow([textCell(labels('currency')), textCell(currencyName(currency, format)), textCell(labels('asOf', { date: '' }).trim()), dateCell(header?.asOf ?? '')]);
  asOfRow.getCell(4).numFmt = dateFormat;
  asOfRow.commit();
  const columnHeader = documents.addRow([
    labels('type'),
    labels('documentNumber'),
    labels('issueDate'),
    labels('dueDate'),
    labels('daysOverdue'),
    labels('amount'),
    labels('paid'),
    labels('balance'),
    labels('status'),
  ]);
  columnHeader.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  columnHeader.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2D4A6B' } };
  });
  columnHeader.commit();

  for (const r of statement.rows) {
    const row = documents.addRow([
      textCell(labels(`kind.${r.kind}`)),
      textCell(r.number),
      dateCell(r.issueDate),
      dateCell(r.dueDate),
      r.daysOverdue,
      moneyCell(r.amount),
      moneyCell(r.paid),
      moneyCell(r.balance),
      textCell(labels(`status.${r.status}`)),
    ]);
    row.getCell(3).numFmt = dateFormat;
    row.getCell(4).numFmt = dateFormat;
    row.getCell(5).numFmt = '0';
    for (const column of [6, 7, 8]) row.getCell(column).numFmt = moneyFormat;
    row.commit();
  }
  const lastDataRow = HEADER_ROW + statement.rows.length;
  documents.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(lastDataRow, HEADER_ROW), column: 9 } };

  documents.addRow([]).commit();
  const totals: Array<[string, string]> = [
    [labels('overdue'), statement.totals?.overdue ?? '0'],
    [labels('notDue'), statement.totals?.notDue ?? '0'],
    [labels('totalBalance'), statement.totals?.balance ?? '0'],
  ];
  for (const [label, value] of totals) {
    const row = documents.addRow(['', '', '', '', '', '', textCell(label), moneyCell(value)]);
    row.font = { bold: true };
    row.getCell(8).numFmt = moneyFormat;
    row.commit();
  }
  await documents.commit();

  const aging = workbook.addWorksheet(labels('agingSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  aging.columns = [
    { key: 'bucket', width: 22 },
    { key: 'balance', width: 20 },
  ];
  const agingHeader = aging.addRow([labels('bucket'), labels('balance')]);
  agingHeader.font = { bold: true };
  agingHeader.commit();
  const buckets = agingRows(statement, labels);
  for (const bucket of buckets) {
    const row = aging.addRow([textCell(bucket.label), moneyCell(bucket.amount)]);
    row.getCell(2).numFmt = moneyFormat;
    row.commit();
  }
  aging.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + buckets.length, column: 2 } };
  const total = aging.addRow([textCell(labels('total')), moneyCell(statement.totals?.balance ?? '0')]);
  total.font = { bold: true };
  total.getCell(2).numFmt = moneyFormat;
  total.commit();
  await aging.commit();
  await workbook.commit();
}
