/** The variables every template may use, documented for people (docs/notifications.md, the API). */
export const TEMPLATE_VARIABLES = [
  { name: 'clientName', es: 'Nombre o razón social del cliente', en: 'The client’s name', example: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' },
  { name: 'documentName', es: 'Nombre del tipo de documento (factura, estado de cuenta...)', en: 'The kind of document (invoice, account statement...)', example: 'factura' },
  { name: 'documentLetter', es: 'Letra del documento, si tiene', en: 'The document’s letter, if any', example: 'B' },
  { name: 'documentNumber', es: 'Número del documento', en: 'The document number', example: '0001-00000012' },
  { name: 'amount', es: 'Monto con su moneda, en el idioma del mensaje', en: 'The amount with its currency, in the message’s language', example: 'USD 54,33' },
  { name: 'dueDate', es: 'Fecha de vencimiento (dd/mm/aaaa en español)', en: 'The due date (yyyy-mm-dd in English)', example: '13/08/2020' },
  { name: 'portalLink', es: 'Enlace al portal del cliente', en: 'The link to the customer portal', example: 'https://portal.example.com/e/abc123' },
  { name: 'customText', es: 'Texto libre agregado en el envío', en: 'Free text added to the send', example: 'Recuerde que aceptamos pago móvil.' },
  { name: 'companyName', es: 'Razón social de la empresa que envía', en: 'The sending company’s legal name', example: 'Infotax, S.A.' },
] as const;

export type TemplateVariableName = (typeof TEMPLATE_VARIABLES)[number]['name'];
export type TemplateValues = Record<TemplateVariableName, string>;
export const VARIABLE_NAMES: readonly string[] = TEMPLATE_VARIABLES.map((v) => v.name);

/** What a send says about its document; amounts and dates as sent (decimal string, yyyy-mm-dd). */
export interface DocumentFacts {
  clientName: string;
  documentLetter: string;
  documentNumber: string;
  amount: string;
  currency: string;
  dueDate: string;
  portalLink: string;
  customText: string;
}

const DOCUMENT_NAMES: Record<string, { es: string; en: string }> = {
  quote: { es: 'cotización', en: 'quote' },
  order: { es: 'pedido', en: 'order' },
  remission: { es: 'remisión', en: 'remission' },
  invoice: { es: 'factura', en: 'invoice' },
  statement: { es: 'estado de cuenta', en: 'account statement' },
  reminder: { es: 'recordatorio', en: 'reminder' },
};

export const documentName = (kind: string, language: 'es' | 'en'): string => DOCUMENT_NAMES[kind]?.[language] ?? kind;

/** The values templates see: amounts and dates written for people in the message's language. */
export function templateValues(facts: DocumentFacts, kind: string, companyName: string, language: 'es' | 'en'): TemplateValues {
  return {
    clientName: facts.clientName.trim(),
    documentName: documentName(kind, language),
    documentLetter: facts.documentLetter.trim(),
    documentNumber: facts.documentNumber.trim(),
    amount: formatAmount(facts.amount.trim(), facts.currency.trim().toUpperCase(), language),
    dueDate: formatDate(facts.dueDate.trim(), language),
    portalLink: facts.portalLink.trim(),
    customText: facts.customText.trim(),
    companyName,
  };
}

/** "54.33" + USD → "USD 54,33" (es) or "USD 54.33" (en); thousands grouped; text left as given otherwise. */
export function formatAmount(amount: string, currency: string, language: 'es' | 'en'): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return [currency, amount].filter(Boolean).join(' ');
  const [, sign, whole, fraction] = match;
  const group = language === 'es' ? '.' : ',';
  const decimal = language === 'es' ? ',' : '.';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const number = `${sign}${grouped}${fraction !== undefined ? decimal + fraction : ''}`;
  return currency ? `${currency} ${number}` : number;
}

/** 2020-08-13 → 13/08/2020 (es) or 2020-08-13 (en); other text is left as given. */
export function formatDate(date: string, language: 'es' | 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return language === 'es' ? `${match[3]}/${match[2]}/${match[1]}` : date;
}
