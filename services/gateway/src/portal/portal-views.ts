import type { PaymentReport, SalesDocument, Statement, StatementRow } from '@cobranza/contracts';
import { html, page, raw, type Html } from './portal-html';
import { fill, formatDate, formatMoney, portalText, type Lang, type PortalText } from './portal-text';

export const STATEMENT_FILTERS = ['number', 'kind', 'issueFrom', 'issueTo', 'dueFrom', 'dueTo', 'minDaysOverdue', 'maxDaysOverdue', 'status', 'bucket'] as const;
export type StatementFilterName = (typeof STATEMENT_FILTERS)[number];
export type FilterValues = Partial<Record<StatementFilterName, string>>;

export const BUCKETS = ['not_due', '1_30', '31_60', '61_90', 'over_90'] as const;
export const PAYMENT_METHOD_ORDER = ['transfer', 'mobile_payment', 'cash', 'card', 'check', 'other'] as const;

/** Builds the portal's URLs; every one keeps the chosen language. */
export class PortalUrls {
  constructor(
    readonly token: string,
    readonly lang: Lang | undefined,
  ) {}

  statement(filters: FilterValues = {}): string {
    return this.with(`/portal/${this.token}`, { ...filters });
  }
  download(kind: 'pdf' | 'xlsx', filters: FilterValues): string {
    return this.with(`/portal/${this.token}/statement.${kind}`, { ...filters });
  }
  documentFile(documentId: string, format: 'pdf' | 'xml'): string {
    return this.with(`/portal/${this.token}/documents/${documentId}/${format}`, {});
  }
  paymentReport(): string {
    return this.with(`/portal/${this.token}/payment-report`, {});
  }
  reportResult(id: string): string {
    return this.with(`/portal/${this.token}/payment-reports/${id}`, {});
  }
  renewal(): string {
    return `/portal/${this.token}/renewal`;
  }
  invoicesPage(filters: FilterValues, page: number): string {
    return this.with(`/portal/${this.token}`, { ...filters, invoicesPage: String(page) });
  }
  /** The same path in the other language. */
  otherLanguage(path: string, query: Record<string, string>, current: Lang): string {
    return withQuery(path, { ...query, lang: current === 'en' ? 'es' : 'en' });
  }

  private with(path: string, query: Record<string, string | undefined>): string {
    return withQuery(path, this.lang ? { ...query, lang: this.lang } : query);
  }
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const money = (amount: string, currency: string, lang: Lang) => formatMoney(amount, currency, lang);

export interface StatementView {
  lang: Lang;
  urls: PortalUrls;
  otherLanguageUrl: string;
  statement: Statement;
  filters: FilterValues;
  filterProblems: string[];
  invoices: { items: SalesDocument[]; page: number; pages: number };
  pendingReports: PaymentReport[];
  expiresOn: string;
}

export function statementPage(view: StatementView): string {
  const { lang, urls, statement, filters } = view;
  const t = portalText(lang);
  const header = statement.header!;
  const currency = header.currency;
  const aging = statement.aging!;
  const totals = statement.totals!;
  const agingAmounts: Record<string, string> = {
    not_due: aging.notDue,
    '1_30': aging.days130,
    '31_60': aging.days3160,
    '61_90': aging.days6190,
    over_90: aging.over90,
  };
  const withoutBucket = { ...filters, bucket: undefined };
  const chips = [
    html`<li><a class="chip" href="${urls.statement(withoutBucket)}" aria-current="${filters.bucket ? 'false' : 'true'}">${t.all}<small>${money(totals.balance, currency, lang)}</small></a></li>`,
    ...BUCKETS.map(
      (bucket) =>
        html`<li><a class="chip" href="${urls.statement({ ...filters, bucket })}" aria-current="${filters.bucket === bucket ? 'true' : 'false'}">${t.buckets[bucket]}<small>${money(agingAmounts[bucket], currency, lang)}</small></a></li>`,
    ),
  ];
  const rows = statement.rows.map((row) => statementRow(row, currency, lang, t, urls));
  const body = html`
<h1>${t.statementTitle}</h1>
<p><strong>${header.clientName}</strong><br><span class="muted">${t.code} ${header.clientCode}</span></p>
<p class="muted">${header.issuedAtText}</p>
<h2 id="totals-h">${t.totals}</h2>
<dl class="summary" aria-labelledby="totals-h">
<div><dt>${t.balance}</dt><dd>${money(totals.balance, currency, lang)}</dd></div>
<div class="overdue"><dt>${t.overdue}</dt><dd>${money(totals.overdue, currency, lang)}</dd></div>
<div><dt>${t.notDue}</dt><dd>${money(totals.notDue, currency, lang)}</dd></div>
</dl>
<nav aria-labelledby="aging-h">
<h2 id="aging-h">${t.aging}</h2>
<p class="help">${t.agingHelp}</p>
<ul class="chips">${chips}</ul>
</nav>
${view.filterProblems.length ? html`<div class="alert" role="alert"><p>${t.filtersInvalid}</p><ul>${view.filterProblems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
${filterForm(view, t)}
<div class="actions">
<a class="button" href="${urls.paymentReport()}">${t.reportPayment}</a>
<a class="button secondary" href="${urls.download('pdf', filters)}" download>${t.downloadPdf}</a>
<a class="button secondary" href="${urls.download('xlsx', filters)}" download>${t.downloadXlsx}</a>
</div>
${view.pendingReports.length ? pendingReports(view.pendingReports, lang, t) : ''}
<h2 id="documents-h">${t.documents}</h2>
${
  rows.length
    ? html`<table class="cards" aria-labelledby="documents-h">
<caption class="visually-hidden">${t.documentsCaption}</caption>
<thead><tr><th scope="col">${t.document}</th><th scope="col">${t.kind}</th><th scope="col">${t.issueDate}</th><th scope="col">${t.dueDate}</th><th scope="col" class="num">${t.daysOverdue}</th><th scope="col" class="num">${t.amount}</th><th scope="col" class="num">${t.paid}</th><th scope="col" class="num">${t.docBalance}</th><th scope="col">${t.status}</th><th scope="col">${t.files}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
    : html`<p class="notice">${t.noDocuments}</p>`
}
${invoicesSection(view, t)}`;
  return page({ lang, text: t, title: t.statementTitle, company: header.tenantName, otherLanguageUrl: view.otherLanguageUrl, body, footer: fill(t.linkNote, { date: view.expiresOn }) });
}

function statementRow(row: StatementRow, currency: string, lang: Lang, t: PortalText, urls: PortalUrls): Html {
  const files =
    row.kind === 'remission'
      ? html`<span><a href="${urls.documentFile(row.documentId, 'pdf')}" download aria-label="${fill(t.pdfOf, { number: row.number })}">PDF</a></span>`
      : html`<span><a href="${urls.documentFile(row.documentId, 'pdf')}" download aria-label="${fill(t.pdfOf, { number: row.number })}">PDF</a> · <a href="${urls.documentFile(row.documentId, 'xml')}" download aria-label="${fill(t.xmlOf, { number: row.number })}">XML</a></span>`;
  return html`<tr>
<td data-label="${t.document}"><strong>${row.number}</strong></td>
<td data-label="${t.kind}">${t.kinds[row.kind] ?? row.kind}</td>
<td data-label="${t.issueDate}">${formatDate(row.issueDate, lang)}</td>
<td data-label="${t.dueDate}">${formatDate(row.dueDate, lang)}</td>
<td data-label="${t.daysOverdue}" class="num">${row.daysOverdue}</td>
<td data-label="${t.amount}" class="num">${money(row.amount, currency, lang)}</td>
<td data-label="${t.paid}" class="num">${money(row.paid, currency, lang)}</td>
<td data-label="${t.docBalance}" class="num">${money(row.balance, currency, lang)}</td>
<td data-label="${t.status}"><span class="status-${row.status}">${t.statuses[row.status] ?? row.status}</span></td>
<td data-label="${t.files}">${files}</td>
</tr>`;
}

function filterForm(view: StatementView, t: PortalText): Html {
  const f = view.filters;
  const open = STATEMENT_FILTERS.some((name) => name !== 'bucket' && f[name]);
  const input = (name: StatementFilterName, label: string, type: string, extra = '') =>
    html`<div><label for="f-${name}">${label}</label><input id="f-${name}" name="${name}" type="${type}" value="${f[name] ?? ''}"${extra ? raw(` ${extra}`) : ''}></div>`;
  const select = (name: StatementFilterName, label: string, options: Record<string, string>) =>
    html`<div><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}"><option value="">${t.all}</option>${Object.entries(options).map(
      ([value, text]) => html`<option value="${value}"${f[name] === value ? raw(' selected') : ''}>${text}</option>`,
    )}</select></div>`;
  return html`<details class="filters"${open ? raw(' open') : ''}>
<summary>${t.filters}</summary>
<form method="get" action="/portal/${view.urls.token}">
${view.urls.lang ? html`<input type="hidden" name="lang" value="${view.urls.lang}">` : ''}
${f.bucket ? html`<input type="hidden" name="bucket" value="${f.bucket}">` : ''}
<div class="fields">
${input('number', t.number, 'text', 'autocomplete="off"')}
${select('kind', t.kind, { invoice: t.kinds.invoice, remission: t.kinds.remission, credit_note: t.kinds.credit_note })}
${input('issueFrom', t.issueFrom, 'date')}
${input('issueTo', t.issueTo, 'date')}
${input('dueFrom', t.dueFrom, 'date')}
${input('dueTo', t.dueTo, 'date')}
${input('minDaysOverdue', t.minDays, 'number', 'min="0" inputmode="numeric"')}
${input('maxDaysOverdue', t.maxDays, 'number', 'min="0" inputmode="numeric"')}
${select('status', t.status, t.statuses)}
</div>
<div class="actions"><button type="submit">${t.apply}</button><a class="button secondary" href="${view.urls.statement()}">${t.clear}</a></div>
</form>
</details>`;
}

function pendingReports(reports: PaymentReport[], lang: Lang, t: PortalText): Html {
  return html`<section aria-labelledby="pending-h" class="card">
<h2 id="pending-h">${t.pendingReports}</h2>
<ul>${reports.map((r) => html`<li>${fill(t.reportedOn, { date: formatDate(r.date, lang), amount: money(r.amount, r.currency, lang), reference: r.reference || '-' })}</li>`)}</ul>
</section>`;
}

function invoicesSection(view: StatementView, t: PortalText): Html {
  const { items, page: current, pages } = view.invoices;
  const lang = view.lang;
  const nav =
    pages > 1
      ? html`<nav aria-label="${t.invoices}" class="actions">
${current > 1 ? html`<a class="button secondary" href="${view.urls.invoicesPage(view.filters, current - 1)}#invoices-h">${t.previous}</a>` : ''}
<span class="muted">${fill(t.pageOf, { page: current, pages })}</span>
${current < pages ? html`<a class="button secondary" href="${view.urls.invoicesPage(view.filters, current + 1)}#invoices-h">${t.next}</a>` : ''}
</nav>`
      : '';
  return html`<section aria-labelledby="invoices-h">
<h2 id="invoices-h">${t.invoices}</h2>
<p class="help">${t.invoicesHelp}</p>
${
  items.length
    ? html`<table class="cards" aria-labelledby="invoices-h">
<thead><tr><th scope="col">${t.document}</th><th scope="col">${t.issueDate}</th><th scope="col" class="num">${t.amount}</th><th scope="col">${t.status}</th><th scope="col">${t.files}</th></tr></thead>
<tbody>${items.map(
        (d) => html`<tr>
<td data-label="${t.document}"><strong>${d.displayNumber}</strong></td>
<td data-label="${t.issueDate}">${formatDate(d.issueDate, lang)}</td>
<td data-label="${t.amount}" class="num">${money(d.total, d.currency, lang)}</td>
<td data-label="${t.status}">${t.documentStatuses[d.status] ?? d.status}</td>
<td data-label="${t.files}"><span><a href="${view.urls.documentFile(d.id, 'pdf')}" download aria-label="${fill(t.pdfOf, { number: d.displayNumber })}">PDF</a> · <a href="${view.urls.documentFile(d.id, 'xml')}" download aria-label="${fill(t.xmlOf, { number: d.displayNumber })}">XML</a></span></td>
</tr>`,
      )}</tbody>
</table>`
    : html`<p>${t.noInvoices}</p>`
}
${nav}
</section>`;
}

export interface ReportFormValues {
  documentIds: string[];
  amount: string;
  date: string;
  method: string;
  reference: string;
  reporterEmail: string;
  notes: string;
  idempotencyKey: string;
}

export interface ReportFormView {
  lang: Lang;
  urls: PortalUrls;
  otherLanguageUrl: string;
  company: string;
  clientName: string;
  currency: string;
  today: string;
  openRows: StatementRow[];
  values: ReportFormValues;
  errors: Record<string, string>;
  expiresOn: string;
}

const FIELD_IDS: Record<string, string> = {
  allocations: 'r-invoices',
  amount: 'r-amount',
  date: 'r-date',
  method: 'r-method',
  reference: 'r-reference',
  reporterEmail: 'r-email',
  notes: 'r-notes',
  receipt: 'r-receipt',
};

export function paymentReportPage(view: ReportFormView): string {
  const { lang, values, errors } = view;
  const t = portalText(lang);
  const error = (name: string) => (errors[name] ? html`<p class="error" id="${FIELD_IDS[name]}-error">${errors[name]}</p>` : '');
  /** aria-invalid and one aria-describedby naming the field's help and its error, when it has them. */
  const invalid = (name: string, help?: string) => {
    const ids = [help, errors[name] ? `${FIELD_IDS[name]}-error` : undefined].filter(Boolean).join(' ');
    return raw(`${errors[name] ? ' aria-invalid="true"' : ''}${ids ? ` aria-describedby="${ids}"` : ''}`);
  };
  const summary = Object.entries(errors);
  const body = html`
<p><a href="${view.urls.statement()}">${t.backToStatement}</a></p>
<h1>${t.reportTitle}</h1>
<p><strong>${view.clientName}</strong></p>
<p class="muted">${t.reportIntro}</p>
${
  summary.length
    ? html`<div class="alert" role="alert" tabindex="-1" id="errors"><p>${t.fixErrors}</p><ul>${summary.map(
        ([name, message]) => html`<li><a href="#${FIELD_IDS[name] ?? 'r-amount'}">${message}</a></li>`,
      )}</ul></div>`
    : ''
}
<form method="post" action="${view.urls.paymentReport()}" enctype="multipart/form-data" class="card" novalidate>
<input type="hidden" name="idempotencyKey" value="${values.idempotencyKey}">
<fieldset id="r-invoices"${errors.allocations ? raw(' aria-describedby="r-invoices-error"') : ''}>
<legend>${t.invoicesPaid}</legend>
<p class="help">${t.invoicesPaidHelp}</p>
${
  view.openRows.length
    ? view.openRows.map(
        (row) =>
          html`<label class="check"><input type="checkbox" name="documentId" value="${row.documentId}"${values.documentIds.includes(row.documentId) ? raw(' checked') : ''}>${t.kinds[row.kind] ?? row.kind} ${row.number} (${fill(t.balanceOf, { amount: money(row.balance, view.currency, lang) })}, ${t.dueDate.toLowerCase()} ${formatDate(row.dueDate, lang)})</label>`,
      )
    : html`<p>${t.noOpenInvoices}</p>`
}
${error('allocations')}
</fieldset>
<div class="fields">
<div><label for="r-amount">${fill(t.paymentAmount, { currency: view.currency })}</label><input id="r-amount" name="amount" type="text" inputmode="decimal" autocomplete="off" required value="${values.amount}"${invalid('amount', 'r-amount-help')}><p class="help" id="r-amount-help">${t.amountHelp}</p>${error('amount')}</div>
<div><label for="r-date">${t.paymentDate}</label><input id="r-date" name="date" type="date" required max="${view.today}" value="${values.date}"${invalid('date')}>${error('date')}</div>
<div><label for="r-method">${t.method}</label><select id="r-method" name="method" required${invalid('method')}>${PAYMENT_METHOD_ORDER.map(
    (m) => html`<option value="${m}"${values.method === m ? raw(' selected') : ''}>${t.methods[m]}</option>`,
  )}</select>${error('method')}</div>
<div><label for="r-reference">${t.reference}</label><input id="r-reference" name="reference" type="text" maxlength="100" autocomplete="off" value="${values.reference}"${invalid('reference')}>${error('reference')}</div>
<div><label for="r-email">${t.reporterEmail}</label><input id="r-email" name="reporterEmail" type="email" autocomplete="email" value="${values.reporterEmail}"${invalid('reporterEmail', 'r-email-help')}><p class="help" id="r-email-help">${t.reporterEmailHelp}</p>${error('reporterEmail')}</div>
<div><label for="r-receipt">${t.receipt}</label><input id="r-receipt" name="receipt" type="file" accept="image/jpeg,image/png,image/webp,application/pdf"${invalid('receipt', 'r-receipt-help')}><p class="help" id="r-receipt-help">${t.receiptHelp}</p>${error('receipt')}</div>
</div>
<div><label for="r-notes">${t.notes}</label><textarea id="r-notes" name="notes" rows="3" maxlength="2000"${invalid('notes')}>${values.notes}</textarea>${error('notes')}</div>
<div class="actions"><button type="submit">${t.send}</button></div>
</form>`;
  return page({ lang, text: t, title: t.reportTitle, company: view.company, otherLanguageUrl: view.otherLanguageUrl, body, footer: fill(t.linkNote, { date: view.expiresOn }) });
}

export function reportResultPage(view: { lang: Lang; urls: PortalUrls; otherLanguageUrl: string; company: string; report: PaymentReport; expiresOn: string }): string {
  const { lang, report } = view;
  const t = portalText(lang);
  const body = html`
<h1>${t.reportReceived}</h1>
<p class="notice" role="status">${t.reportReceivedText}</p>
<dl class="facts card">
<dt>${t.reportStatus}</dt><dd>${t.reportStatuses[report.status] ?? report.status}</dd>
<dt>${t.paymentDate}</dt><dd>${formatDate(report.date, lang)}</dd>
<dt>${t.amount}</dt><dd>${money(report.amount, report.currency, lang)}</dd>
<dt>${t.method}</dt><dd>${t.methods[report.method] ?? report.method}</dd>
<dt>${t.reference}</dt><dd>${report.reference || '-'}</dd>
<dt>${t.receiptAttached}</dt><dd>${report.receiptArtifactId ? t.yes : t.no}</dd>
</dl>
<p><a class="button" href="${view.urls.statement()}">${t.backToStatement}</a></p>`;
  return page({ lang, text: t, title: t.reportReceived, company: view.company, otherLanguageUrl: view.otherLanguageUrl, body, footer: fill(t.linkNote, { date: view.expiresOn }) });
}

/** The expired link's page: one button, no field to type an address in. */
export function expiredPage(lang: Lang, renewalUrl: string): string {
  const t = portalText(lang);
  const body = html`
<h1>${t.expiredTitle}</h1>
<p>${t.expiredText}</p>
<form method="post" action="${renewalUrl}"><button type="submit">${t.renew}</button></form>`;
  return page({ lang, text: t, title: t.expiredTitle, body });
}

export function renewalRequestedPage(lang: Lang): string {
  const t = portalText(lang);
  return page({ lang, text: t, title: t.renewalTitle, body: html`<h1>${t.renewalTitle}</h1><p role="status">${t.renewalText}</p>` });
}

export function invalidLinkPage(lang: Lang): string {
  const t = portalText(lang);
  return page({ lang, text: t, title: t.invalidTitle, body: html`<h1>${t.invalidTitle}</h1><p>${t.invalidText}</p>` });
}

export function errorPage(lang: Lang): string {
  const t = portalText(lang);
  return page({ lang, text: t, title: t.errorTitle, body: html`<h1>${t.errorTitle}</h1><p>${t.errorText}</p>` });
}

export function notFoundPage(lang: Lang, backUrl: string): string {
  const t = portalText(lang);
  return page({ lang, text: t, title: t.notFoundTitle, body: html`<h1>${t.notFoundTitle}</h1><p>${t.notFoundText}</p><p><a href="${backUrl}">${t.backToStatement}</a></p>` });
}
