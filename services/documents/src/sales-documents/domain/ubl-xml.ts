import type { DocumentLine } from '@cobranza/contracts';
import { isZeroDecimal, normalizeDecimal, sumDecimals } from '../../rendering/domain/decimal-text';
import type { Party, SalesDocumentView } from './sales-document-view';

/**
 * UBL 2.1 Invoice (invoices) and CreditNote (credit notes), valid against the OASIS schemas. The
 * amounts are billing's exact decimal strings; only the tax subtotals per rate are summed here,
 * exactly. Element order follows the schemas' sequences.
 */

const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

/** UN/ECE Recommendation 20 "one" (unit): billing's quantities have no unit of measure. */
const UNIT_CODE = 'C62';

export const UBL_KINDS = ['invoice', 'credit_note'] as const;
export const hasUblXml = (kind: string): boolean => (UBL_KINDS as readonly string[]).includes(kind);

/** XML 1.0 text: escaped, and without the control characters XML cannot carry at all. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

type Node = string | false | null | undefined;

function el(name: string, content: Node | Node[], attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  const inner = Array.isArray(content) ? content.filter(Boolean).join('') : content || '';
  return `<${name}${attrs}>${inner}</${name}>`;
}

const text = (name: string, value: string): string => el(name, escapeXml(value));
const amount = (name: string, value: string, currency: string): string => el(name, escapeXml(value), { currencyID: currency });

function taxScheme(country: string): string {
  // VAT under its local name; the schema leaves the scheme's identifier to the implementation.
  const id = ['VE', 'CO', 'AR', 'MX'].includes(country.toUpperCase()) ? 'IVA' : 'VAT';
  return el('cac:TaxScheme', text('cbc:ID', id));
}

function party(p: Party, country: string): string {
  const countryCode = (p.country || country).toUpperCase();
  return el('cac:Party', [
    p.code && el('cac:PartyIdentification', text('cbc:ID', p.code)),
    el('cac:PartyName', text('cbc:Name', p.name)),
    (p.address || countryCode) &&
      el('cac:PostalAddress', [
        p.address && el('cac:AddressLine', text('cbc:Line', p.address)),
        /^[A-Z]{2}$/.test(countryCode) && el('cac:Country', text('cbc:IdentificationCode', countryCode)),
      ]),
    p.taxId &&
      el('cac:PartyTaxScheme', [text('cbc:RegistrationName', p.name), text('cbc:CompanyID', p.taxId), taxScheme(countryCode)]),
    el('cac:PartyLegalEntity', [text('cbc:RegistrationName', p.name), p.taxId && text('cbc:CompanyID', p.taxId)]),
  ]);
}

interface RateGroup {
  percent: string;
  taxable: string[];
  tax: string[];
}

/** Lines grouped by tax rate, for the TaxSubtotal elements. */
function byRate(lines: readonly DocumentLine[]): RateGroup[] {
  const groups = new Map<string, RateGroup>();
  for (const line of lines) {
    const percent = normalizeDecimal(line.taxRatePercent || '0');
    const group = groups.get(percent) ?? { percent, taxable: [], tax: [] };
    group.taxable.push(line.net);
    group.tax.push(line.tax);
    groups.set(percent, group);
  }
  return [...groups.values()];
}

function taxSubtotal(taxable: string, tax: string, percent: string, currency: string, country: string): string {
  return el('cac:TaxSubtotal', [
    amount('cbc:TaxableAmount', taxable, currency),
    amount('cbc:TaxAmount', tax, currency),
    el('cac:TaxCategory', [text('cbc:Percent', percent), taxScheme(country)]),
  ]);
}

function line(l: DocumentLine, index: number, kind: 'invoice' | 'credit_note', currency: string, country: string): string {
  const quantityElement = kind === 'invoice' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity';
  const percent = normalizeDecimal(l.taxRatePercent || '0');
  return el(kind === 'invoice' ? 'cac:InvoiceLine' : 'cac:CreditNoteLine', [
    text('cbc:ID', String(index + 1)),
    el(quantityElement, escapeXml(l.quantity), { unitCode: UNIT_CODE }),
    amount('cbc:LineExtensionAmount', l.net, currency),
    !isZeroDecimal(l.discount || '0') &&
      el('cac:AllowanceCharge', [
        text('cbc:ChargeIndicator', 'false'),
        text('cbc:AllowanceChargeReason', `${normalizeDecimal(l.discountPercent || '0')} %`),
        amount('cbc:Amount', l.discount, currency),
        amount('cbc:BaseAmount', l.gross, currency),
      ]),
    el('cac:TaxTotal', [amount('cbc:TaxAmount', l.tax, currency), taxSubtotal(l.net, l.tax, percent, currency, country)]),
    el('cac:Item', [text('cbc:Description', l.description), text('cbc:Name', l.description.split(/\r?\n/)[0].slice(0, 200))]),
    el('cac:Price', amount('cbc:PriceAmount', l.unitPrice, currency)),
  ]);
}

/** The UBL 2.1 document of an invoice or credit note, as issued. */
export function ublXml(view: SalesDocumentView, paymentTermsNote: string): string {
  const doc = view.document;
  if (doc.kind !== 'invoice' && doc.kind !== 'credit_note') throw new Error(`No UBL document for a ${doc.kind}`);
  const kind = doc.kind;
  const currency = doc.currency;
  const country = view.issuer.country;
  const source = view.source;
  const root = kind === 'invoice' ? 'Invoice' : 'CreditNote';
  const children: Node[] = [
    text('cbc:UBLVersionID', '2.1'),
    text('cbc:ID', doc.displayNumber),
    text('cbc:UUID', doc.id),
    text('cbc:IssueDate', doc.issueDate),
    doc.issueTime && text('cbc:IssueTime', doc.issueTime),
    kind === 'invoice' && doc.dueDate && text('cbc:DueDate', doc.dueDate),
    // UNCL1001: 380 commercial invoice, 381 credit note.
    kind === 'invoice' ? text('cbc:InvoiceTypeCode', '380') : text('cbc:CreditNoteTypeCode', '381'),
    doc.notes && text('cbc:Note', doc.notes),
    text('cbc:DocumentCurrencyCode', currency),
    text('cbc:LineCountNumeric', String(doc.lines.length)),
    source?.kind === 'order' && el('cac:OrderReference', text('cbc:ID', source.displayNumber)),
    source?.kind === 'invoice' &&
      el('cac:BillingReference', el('cac:InvoiceDocumentReference', [text('cbc:ID', source.displayNumber), text('cbc:IssueDate', source.issueDate)])),
    source?.kind === 'remission' &&
      el('cac:DespatchDocumentReference', [text('cbc:ID', source.displayNumber), text('cbc:IssueDate', source.issueDate)]),
    el('cac:AccountingSupplierParty', party(view.issuer, country)),
    el('cac:AccountingCustomerParty', party(view.customer, country)),
    kind === 'invoice' && el('cac:PaymentTerms', [text('cbc:Note', paymentTermsNote), doc.dueDate && text('cbc:PaymentDueDate', doc.dueDate)]),
    el('cac:TaxTotal', [
      amount('cbc:TaxAmount', doc.tax, currency),
      ...byRate(doc.lines).map((g) => taxSubtotal(sumDecimals(g.taxable), sumDecimals(g.tax), g.percent, currency, country)),
    ]),
    el('cac:LegalMonetaryTotal', [
      amount('cbc:LineExtensionAmount', doc.net, currency),
      amount('cbc:TaxExclusiveAmount', doc.net, currency),
      amount('cbc:TaxInclusiveAmount', doc.total, currency),
      amount('cbc:PayableAmount', doc.total, currency),
    ]),
    ...doc.lines.map((l, i) => line(l, i, kind, currency, country)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(root, children, { xmlns: kind === 'invoice' ? NS.invoice : NS.creditNote, 'xmlns:cac': NS.cac, 'xmlns:cbc': NS.cbc })}\n`;
}
