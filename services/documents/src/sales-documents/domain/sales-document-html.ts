import { isZeroDecimal } from '../../rendering/domain/decimal-text';
import { html, logoSlot, multiline, pageShell, runningHeaderFooter, type SafeHtml } from '../../rendering/domain/html';
import { taxIdLabel, type Labels } from '../../rendering/domain/labels';
import { currencyName, formatDate, formatDecimal, formatTime, type LocaleFormat } from '../../rendering/domain/locale-format';
import type { SalesDocumentView } from './sales-document-view';

export interface TemplateLocale {
  format: LocaleFormat;
  labels: Labels;
  /** The tenant's logo as a `data:` URI; the slot stays empty without it. */
  logo?: string;
}

export interface RenderedHtml {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * A quote, order, remission, invoice or credit note as the client receives it: issuer header with
 * the logo slot, the document's number and dates, the client, the lines (their header repeated on
 * every page) and the totals, as issued. Payments never change the printed document.
 */
export function salesDocumentHtml(view: SalesDocumentView, { format, labels, logo }: TemplateLocale): RenderedHtml {
  const doc = view.document;
  const money = (value: string) => formatDecimal(value, format);
  const title = labels(`kind.${doc.kind}`);
  const issuerTaxLabel = taxIdLabel(view.issuer.country, format.language);
  const customerTaxLabel = taxIdLabel(view.customer.country || view.issuer.country, format.language);
  const terms = doc.paymentTermsDays > 0 ? labels('creditDays', { days: doc.paymentTermsDays }) : labels('cash');
  const hasDiscount = doc.lines.some((l) => !/^0*(\.0*)?$/.test(l.discountPercent || '0'));

  const lines = doc.lines.map(
    (line, i) => html`<tr>
      <td class="num">${i + 1}</td>
      <td>${multiline(line.description)}</td>
      <td class="num">${formatDecimal(line.quantity, format)}</td>
      <td class="num">${money(line.unitPrice)}</td>
      ${hasDiscount ? html`<td class="num">${formatDecimal(line.discountPercent || '0', format)}</td>` : ''}
      <td class="num">${formatDecimal(line.taxRatePercent || '0', format)}</td>
      <td class="num">${money(line.net)}</td>
    </tr>`,
  );

  const sourceLabel = doc.kind === 'credit_note' ? labels('creditFor') : labels('madeFrom');
  const body: SafeHtml = html`
    <div class="masthead">
      ${logoSlot(logo)}
      <div class="tenant">
        <div class="name">${view.issuer.name}</div>
        ${view.issuer.taxId ? html`<div>${issuerTaxLabel} ${view.issuer.taxId}</div>` : ''}
        ${view.issuer.address ? html`<div class="muted">${multiline(view.issuer.address)}</div>` : ''}
      </div>
      <div class="doc-title">
        <h1>${title}</h1>
        <div>${labels('number')} ${doc.displayNumber}</div>
      </div>
    </div>
    ${doc.status === 'voided' ? html`<div class="voided">${labels('voided')}</div>` : ''}
    <div class="facts">
      <div class="label">${labels('issueDate')}</div><div>${formatDate(doc.issueDate, format)} ${doc.issueTime ? html`<span class="muted">${labels('issueTime')} ${formatTime(doc.issueTime, format)}</span>` : ''}</div>
      ${doc.kind !== 'quote' && doc.kind !== 'order' ? html`<div class="label">${labels('dueDate')}</div><div>${formatDate(doc.dueDate, format)}</div>` : ''}
      <div class="label">${labels('terms')}</div><div>${terms}</div>
      <div class="label">${labels('client')}</div><div>${view.customer.code} ${view.customer.name}</div>
      ${view.customer.taxId ? html`<div class="label">${customerTaxLabel}</div><div>${view.customer.taxId}</div>` : ''}
      ${view.customer.address ? html`<div class="label">${labels('address')}</div><div>${multiline(view.customer.address)}</div>` : ''}
      <div class="label">${labels('currency')}</div><div>${currencyName(doc.currency, format)}</div>
      ${view.source ? html`<div class="label">${sourceLabel}</div><div>${labels(`kind.${view.source.kind}`)} ${view.source.displayNumber} (${formatDate(view.source.issueDate, format)})</div>` : ''}
    </div>
    <table class="grid">
      <thead><tr>
        <th class="num">#</th>
        <th>${labels('description')}</th>
        <th class="num">${labels('quantity')}</th>
        <th class="num">${labels('unitPrice')}</th>
        ${hasDiscount ? html`<th class="num">${labels('discountPercent')}</th>` : ''}
        <th class="num">${labels('taxPercent')}</th>
        <th class="num">${labels('lineAmount')}</th>
      </tr></thead>
      <tbody>${lines}</tbody>
    </table>
    <table class="totals">
      <tr><td>${labels('gross')}</td><td class="num">${money(doc.gross)}</td></tr>
      ${hasDiscount ? html`<tr><td>${labels('discount')}</td><td class="num">${isZeroDecimal(doc.discount) ? money(doc.discount) : `-${money(doc.discount)}`}</td></tr>` : ''}
      <tr><td>${labels('net')}</td><td class="num">${money(doc.net)}</td></tr>
      <tr><td>${labels('tax')}</td><td class="num">${money(doc.tax)}</td></tr>
      <tr class="grand"><td>${labels('total')} ${doc.currency}</td><td class="num">${money(doc.total)}</td></tr>
    </table>
    ${doc.notes ? html`<div class="notes"><strong>${labels('notes')}:</strong> ${multiline(doc.notes)}</div>` : ''}
  `;
  const running = runningHeaderFooter({
    left: view.issuer.name,
    right: `${title} ${labels('number')} ${doc.displayNumber}`,
    pageWord: labels('page'),
    ofWord: labels('of'),
  });
  return { html: pageShell({ language: format.language, title: `${title} ${doc.displayNumber}`, body }), ...running };
}
