/** The product's templates (seed 002's "plantilla original"), per kind and language. */
export interface TemplateText {
  subject: string;
  body: string;
}

const CLOSING_ES = `{{#if portalLink}}

Puede acceder al listado de todas sus facturas y saldos en este enlace: {{portalLink}}{{/if}}{{#if customText}}

{{customText}}{{/if}}

Muchas gracias

Atentamente

{{companyName}}`;

const CLOSING_EN = `{{#if portalLink}}

You can see all your invoices and balances at this link: {{portalLink}}{{/if}}{{#if customText}}

{{customText}}{{/if}}

Thank you very much

Sincerely

{{companyName}}`;

const NUMBER_ES = '{{#if documentLetter}}{{documentLetter}} {{/if}}Nro. {{documentNumber}}';
const NUMBER_EN = '{{#if documentLetter}}{{documentLetter}} {{/if}}No. {{documentNumber}}';

const ES: Record<string, TemplateText> = {
  invoice: {
    subject: 'Adjuntamos su factura Nro. {{documentNumber}}',
    body: `Estimado cliente {{clientName}}:

Le informamos que hemos emitido la factura ${NUMBER_ES} por el valor de {{amount}} con vencimiento el {{dueDate}}. La misma está adjunta al presente correo en formato PDF.${CLOSING_ES}`,
  },
  statement: {
    subject: 'Estado de cuenta de {{clientName}}',
    body: `Estimado cliente {{clientName}}:

Le enviamos adjunto su estado de cuenta{{#if amount}}, con un saldo de {{amount}}{{/if}}.${CLOSING_ES}`,
  },
  quote: {
    subject: 'Adjuntamos su cotización Nro. {{documentNumber}}',
    body: `Estimado cliente {{clientName}}:

Le enviamos la cotización ${NUMBER_ES}{{#if amount}} por el valor de {{amount}}{{/if}}{{#if dueDate}}, válida hasta el {{dueDate}}{{/if}}. La misma está adjunta al presente correo.${CLOSING_ES}`,
  },
  order: {
    subject: 'Adjuntamos su pedido Nro. {{documentNumber}}',
    body: `Estimado cliente {{clientName}}:

Le enviamos el pedido ${NUMBER_ES}{{#if amount}} por el valor de {{amount}}{{/if}}. El mismo está adjunto al presente correo.${CLOSING_ES}`,
  },
  remission: {
    subject: 'Adjuntamos su remisión Nro. {{documentNumber}}',
    body: `Estimado cliente {{clientName}}:

Le enviamos la remisión ${NUMBER_ES}{{#if amount}} por el valor de {{amount}}{{/if}}. La misma está adjunta al presente correo.${CLOSING_ES}`,
  },
  reminder: {
    subject: 'Recordatorio de pago: {{documentName}} Nro. {{documentNumber}}',
    body: `Estimado cliente {{clientName}}:

Le recordamos que la factura ${NUMBER_ES}{{#if amount}} por el valor de {{amount}}{{/if}}{{#if dueDate}} vence el {{dueDate}}{{/if}}. Si ya realizó el pago, por favor ignore este mensaje.${CLOSING_ES}`,
  },
};

const EN: Record<string, TemplateText> = {
  invoice: {
    subject: 'Your invoice No. {{documentNumber}}',
    body: `Dear customer {{clientName}}:

We have issued invoice ${NUMBER_EN} for {{amount}}, due on {{dueDate}}. It is attached to this e-mail as a PDF.${CLOSING_EN}`,
  },
  statement: {
    subject: 'Account statement of {{clientName}}',
    body: `Dear customer {{clientName}}:

Please find attached your account statement{{#if amount}}, with a balance of {{amount}}{{/if}}.${CLOSING_EN}`,
  },
  quote: {
    subject: 'Your quote No. {{documentNumber}}',
    body: `Dear customer {{clientName}}:

Please find attached quote ${NUMBER_EN}{{#if amount}} for {{amount}}{{/if}}{{#if dueDate}}, valid until {{dueDate}}{{/if}}.${CLOSING_EN}`,
  },
  order: {
    subject: 'Your order No. {{documentNumber}}',
    body: `Dear customer {{clientName}}:

Please find attached order ${NUMBER_EN}{{#if amount}} for {{amount}}{{/if}}.${CLOSING_EN}`,
  },
  remission: {
    subject: 'Your remission No. {{documentNumber}}',
    body: `Dear customer {{clientName}}:

Please find attached remission ${NUMBER_EN}{{#if amount}} for {{amount}}{{/if}}.${CLOSING_EN}`,
  },
  reminder: {
    subject: 'Payment reminder: {{documentName}} No. {{documentNumber}}',
    body: `Dear customer {{clientName}}:

This is a reminder that invoice ${NUMBER_EN}{{#if amount}} for {{amount}}{{/if}}{{#if dueDate}} is due on {{dueDate}}{{/if}}. If you have already paid, please ignore this message.${CLOSING_EN}`,
  },
};

export const TEMPLATE_KINDS = ['quote', 'order', 'remission', 'invoice', 'statement', 'reminder'] as const;

export function builtInTemplate(kind: string, language: 'es' | 'en'): TemplateText {
  const table = language === 'en' ? EN : ES;
  return table[kind] ?? table.invoice;
}
