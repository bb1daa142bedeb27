import type { Statement } from '@cobranza/contracts';
import { html, logoSlot, multiline, pageShell, runningHeaderFooter } from '../../rendering/domain/html';
import type { Labels } from '../../rendering/domain/labels';
import { currencyName, formatDate, formatDecimal, formatTime, localDateTime, type LocaleFormat } from '../../rendering/domain/locale-format';

export interface StatementTemplateLocale {
  format: LocaleFormat;
  labels: Labels;
  timeZone: string;
  /** The tenant's logo as a `data:` URI; the slot stays empty without it. */
  logo?: string;
}

/** The aging buckets of billing's statement, in the order they are printed. */
export function agingRows(statement: Statement, labels: Labels): Array<{ label: string; amount: string }> {
  const aging = statement.aging;
  return [
    { label: labels('bucket.not_due'), amount: aging?.notDue ?? '0' },
    { label: labels('bucket.1_30'), amount: aging?.days130 ?? '0' },
    { label: labels('bucket.31_60'), amount: aging?.days3160 ?? '0' },
    { label: labels('bucket.61_90'), amount: aging?.days6190 ?? '0' },
    { label: labels('bucket.over_90'), amount: aging?.over90 ?? '0' },
  ];
}

/** "Emitido el 26/03/2024 a las 11:25:35 p.m." from billing's instant, in the tenant's time zone. */
export function issuedAtText(statement: Statement, { format, labels, timeZone }: StatementTemplateLocale): string {
  const issuedAt = statement.header?.issuedAt ? new Date(statement.header.issuedAt) : new Date();
  const local = localDateTime(issuedAt, timeZone);
  return labels('issuedAt', { date: formatDate(local.date, format), time: formatTime(local.time, format) });
}

/**
 * The account statement of seed 000: tenant header, "Estado de Cuenta de Cliente", "Emitido el …
 * a las …", the client, "Cuentas por Cobrar" with one row per document (the table header repeats
 * on every page), the totals and the aging.
 */
export function statementHtml(statement: Statement, locale: StatementTemplateLocale): { html: string; headerTemplate: string; footerTemplate: string } {
  const { format, labels } = locale;
  const header = statement.header;
  const money = (value: string) => formatDecimal(value, format);
  const date = (value: string) => formatDate(value, format);
  const issued = issuedAtText(statement, locale);
  const currency = header?.currency ?? '';
  const title = labels('statementTitle');

  const rows = statement.rows.map(
    (r) => html`<tr>
      <td>${labels(`kind.${r.kind}`)}</td>
      <td class="nowrap">${r.number}</td>
      <td class="nowrap">${date(r.issueDate)}</td>
      <td class="nowrap">${date(r.dueDate)}</td>
      <td class="num">${r.daysOverdue}</td>
      <td class="num">${money(r.amount)}</td>
      <td class="num">${money(r.paid)}</td>
      <td class="num">${money(r.balance)}</td>
      <td>${labels(`status.${r.status}`)}</td>
    </tr>`,
  );
  const aging = agingRows(statement, labels);

  const body = html`
    <div class="masthead">
      ${logoSlot(locale.logo)}
      <div class="tenant">
        <div class="name">${header?.tenantName ?? ''}</div>
        <h1>${title}</h1>
        <div>${issued}</div>
      </div>
      <div class="doc-title muted">${labels('asOf', { date: date(header?.asOf ?? '') })}</div>
    </div>
    <div class="facts">
      <div class="label">${labels('client')}</div><div>${header?.clientCode ?? ''} ${header?.clientName ?? ''}</div>
      ${header?.clientAddress ? html`<div class="label">${labels('address')}</div><div>${multiline(header.clientAddress)}</div>` : ''}
      <div class="label">${labels('currency')}</div><div>${currencyName(currency, format)}</div>
    </div>
    <h2>${labels('receivables')}</h2>
    <table class="grid compact">
      <thead><tr>
        <th>${labels('type')}</th>
        <th>${labels('documentNumber')}</th>
        <th>${labels('issueDate')}</th>
        <th>${labels('dueDate')}</th>
        <th class="num">${labels('daysOverdue')}</th>
        <th class="num">${labels('amount')}</th>
        <th class="num">${labels('paid')}</th>
        <th class="num">${labels('balance')}</th>
        <th>${labels('status')}</th>
      </tr></thead>
      <tbody>${rows.length ? rows : html`<tr><td colspan="9" class="empty">${labels('noDocuments')}</td></tr>`}</tbody>
    </table>
    <table class="totals">
      <tr><td>${labels('overdue')}</td><td class="num">${money(statement.totals?.overdue ?? '0')}</td></tr>
      <tr><td>${labels('notDue')}</td><td class="num">${money(statement.totals?.notDue ?? '0')}</td></tr>
      <tr class="grand"><td>${labels('totalBalance')} ${currency}</td><td class="num">${money(statement.totals?.balance ?? '0')}</td></tr>
    </table>
    <h2>${labels('aging')}</h2>
    <table class="grid">
      <thead><tr>${aging.map((a) => html`<th class="num">${a.label}</th>`)}<th class="num">${labels('total')}</th></tr></thead>
      <tbody><tr>${aging.map((a) => html`<td class="num">${money(a.amount)}</td>`)}<td class="num">${money(statement.totals?.balance ?? '0')}</td></tr></tbody>
    </table>
  `;
  const running = runningHeaderFooter({
    left: header?.tenantName ?? '',
    right: `${title} · ${header?.clientCode ?? ''} · ${issued}`,
    pageWord: labels('page'),
    ofWord: labels('of'),
  });
  return { html: pageShell({ language: format.language, title: `${title} ${header?.clientCode ?? ''}`, body }), ...running };
}
