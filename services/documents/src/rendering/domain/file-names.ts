import type { Language } from './locale-format';

/**
 * The names people see when they download a file, in the document's language:
 * Estado_de_Cuenta_0000000012_2024-03-26.pdf, Factura_0001-00000111.xml, Historial_de_Ventas_0000000012.pdf.
 * Accents are dropped and anything but letters, digits, dot, dash and underscore becomes "_",
 * so the name is safe in every file system and in a Content-Disposition header.
 */
const PREFIXES: Record<Language, Record<string, string>> = {
  es: {
    quote: 'Cotizacion',
    order: 'Pedido',
    remission: 'Remision',
    invoice: 'Factura',
    credit_note: 'Nota_de_Credito',
    statement: 'Estado_de_Cuenta',
    sales_history: 'Historial_de_Ventas',
  },
  en: {
    quote: 'Quote',
    order: 'Order',
    remission: 'Delivery_Note',
    invoice: 'Invoice',
    credit_note: 'Credit_Note',
    statement: 'Account_Statement',
    sales_history: 'Sales_History',
  },
};

export function safeFilePart(text: string): string {
  const ascii = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^[_.]+|[_.]+$/g, '') || 'sin_nombre';
}

function name(language: Language, what: string, parts: string[], extension: string): string {
  return `${[PREFIXES[language][what], ...parts.map(safeFilePart)].join('_')}.${extension}`;
}

/** Factura_0001-00000111.pdf, Nota_de_Credito_A_0001-00000002.xml, Cotizacion_0001-00000007.pdf */
export const salesDocumentFileName = (language: Language, kind: string, displayNumber: string, extension: 'pdf' | 'xml'): string =>
  name(language, kind, [displayNumber], extension);

/** Estado_de_Cuenta_0000000012_2024-03-26.pdf / .xlsx */
export const statementFileName = (language: Language, clientCode: string, asOf: string, extension: 'pdf' | 'xlsx'): string =>
  name(language, 'statement', [clientCode, asOf], extension);

/** Historial_de_Ventas_0000000012.pdf */
export const salesHistoryFileName = (language: Language, clientCode: string): string => name(language, 'sales_history', [clientCode], 'pdf');

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  xml: 'application/xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
