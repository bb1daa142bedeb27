/** Kinds of documents a contact can be offered for (seed 001) and that recipients resolve for. */
export const DOCUMENT_KINDS = ['quote', 'order', 'remission', 'invoice', 'statement', 'reminder'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const CLIENT_KINDS = ['client', 'prospect'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const DELIVERY_CHANNELS = ['email', 'whatsapp'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const SUPPORTED_LOCALES = ['es-VE', 'es-CO', 'es-AR', 'es-MX', 'en'] as const;

/** Kinds of sales documents billing issues. */
export const SALES_DOCUMENT_KINDS = ['quote', 'order', 'remission', 'invoice', 'credit_note'] as const;
export type SalesDocumentKind = (typeof SALES_DOCUMENT_KINDS)[number];

export const PAYMENT_METHODS = ['transfer', 'cash', 'card', 'check', 'mobile_payment', 'other'] as const;
