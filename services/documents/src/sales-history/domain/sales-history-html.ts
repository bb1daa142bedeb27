import type { DocumentSummary, SalesHistory } from '@cobranza/contracts';
import { html, logoSlot, pageShell, runningHeaderFooter } from '../../rendering/domain/html';
import type { Labels } from '../../rendering/domain/labels';
import { currencyName, formatDate, formatDecimal, type LocaleFormat } from '../../rendering/domain/locale-format';

export interface SalesHistoryClient {
  code: string;
  name: string;
}

const COLUMNS = ['quote', 'order', 'remission', 'invoice'] as const;

/**
 * Seed 001's "Ventas" tab printed: the client's 100 most recent operations, newest first, with the
 * quote, order, remission and invoice of each, then the counters and the pending balance.
 */
export function salesHistoryHtml(
  history: SalesHistory,
  client: SalesHistoryClient,
  tenantName: string,
  printedAt: string,
  { format, labels, logo }: { format: LocaleFormat; labels: Labels; logo?: string },
): { html: string; headerTemplate: string; footerTemplate: string; landscape: boolean } {
  const money = (value: string) => formatDecimal(value, format);
  const title = labels('salesHistoryTitle');
  const cell = (doc: DocumentSummary | undefined) =>
    doc
      ? html`<td class="nowrap">${doc.displayNumber}<br><span class="muted">${formatDate(doc.issueDate, format)}</span>${doc.status === 'voided' ? html` <span class="muted">(${labels('status.voided')})</span>` : ''}</td><td class="num">${money(doc.total)}</td>`
      : html`<td></td><td></td>`;
  const rows = history.operations.map(
    (op) => html`<tr>
      <td class="nowrap">${formatDate(op.lastDate, format)}</td>
      ${cell(op.quote)}${cell(op.order)}${cell(op.remission)}${cell(op.invoice)}
      <td class="num">${op.invoice ? money(op.invoice.balance) : op.remission ? money(op.remission.balance) : ''}</td>
    </tr>`,
  );
  const body = html`
    <div class="masthead">
      ${logoSlot(logo)}
      <div class="tenant">
        <div class="name">${tenantName}</div>
        <h1>${title}</h1>
        <div class="muted">${printedAt}</div>
      </div>
    </div>
    <div class="facts">
      <div class="label">${labels('client')}</div><div>${client.code} ${client.name}</div>
      <div class="label">${labels('currency')}</div><div>${currencyName(history.currency, format)}</div>
    </div>
    <p class="muted">${labels('salesHistoryNote')}</p>
    <table class="grid">
      <thead><tr>
        <th>${labels('lastDate')}</th>
        ${COLUMNS.map((kind) => html`<th>${labels(`kind.${kind}`)}</th><th class="num">${labels('total')}</th>`)}
        <th class="num">${labels('balance')}</th>
      </tr></thead>
      <tbody>${rows.length ? rows : html`<tr><td colspan="10" class="empty">${labels('noOperations')}</td></tr>`}</tbody>
    </table>
    <table class="totals">
      <tr><td>${labels('quotes')}</td><td class="num">${history.quotes}</td></tr>
      <tr><td>${labels('orders')}</td><td class="num">${history.orders}</td></tr>
      <tr><td>${labels('remissions')}</td><td class="num">${history.remissions}</td></tr>
      <tr><td>${labels('invoices')}</td><td class="num">${history.invoices}</td></tr>
      <tr class="grand"><td>${labels('pendingBalance')} ${history.currency}</td><td class="num">${money(history.pendingBalance || '0')}</td></tr>
    </table>
  `;
  const running = runningHeaderFooter({ left: tenantName, right: `${title} · ${client.code}`, pageWord: labels('page'), ofWord: labels('of') });
  // Ten columns: printed across the page.
  return { html: pageShell({ language: format.language, title: `${title} ${client.code}`, body }), ...running, landscape: true };
}
