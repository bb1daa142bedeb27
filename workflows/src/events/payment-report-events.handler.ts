import { fromBinary } from '@bufbuild/protobuf';
import { BillingEvents, BillingRpc, ClientsRpc, NOTIFICATIONS_SEND_TIMEOUT_MS, NotificationsRpc, type PaymentReport } from '@cobranza/contracts';
import { DomainError, type RpcClient } from '@cobranza/platform';
import type { JsMsg } from 'nats';
import type { Logger } from 'pino';

type Lang = 'es' | 'en';

/** The company's confirmation (seed 004: "recibirás la confirmación en tu correo"), in the tenant's language. */
const TEXT = {
  es: {
    subject: 'Nuevo reporte de pago de {{clientName}}',
    body: `Hola:

{{clientName}} reportó un pago por {{amount}}.

{{customText}}

El reporte queda pendiente hasta que lo confirme o lo rechace; al confirmarlo, el pago se registra y se aplica a las facturas indicadas.

{{companyName}}`,
    date: 'Fecha del pago',
    method: 'Forma de pago',
    reference: 'Referencia',
    invoices: 'Facturas',
    unallocated: 'sin facturas indicadas',
    reporter: 'Correo del cliente',
    notes: 'Comentarios',
    id: 'Reporte',
    methods: { transfer: 'Transferencia', mobile_payment: 'Pago móvil', cash: 'Efectivo', card: 'Tarjeta', check: 'Cheque', other: 'Otra' } as Record<string, string>,
  },
  en: {
    subject: 'New payment report from {{clientName}}',
    body: `Hello,

{{clientName}} reported a payment of {{amount}}.

{{customText}}

The report stays pending until you confirm or reject it; confirming it records the payment and applies it to the invoices named.

{{companyName}}`,
    date: 'Payment date',
    method: 'Payment method',
    reference: 'Reference',
    invoices: 'Invoices',
    unallocated: 'no invoices named',
    reporter: "Client's email",
    notes: 'Comments',
    id: 'Report',
    methods: { transfer: 'Bank transfer', mobile_payment: 'Mobile payment', cash: 'Cash', card: 'Card', check: 'Check', other: 'Other' } as Record<string, string>,
  },
} as const;

const formatDate = (date: string, lang: Lang) => (lang === 'es' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.split('-').reverse().join('/') : date);

/**
 * evt.billing.payment_report.reported -> an email to the tenant's address with the report. Every
 * report is announced (billing's reports carry no source; today the portal is where customers
 * report). The delivery key `payment-report:<id>` and a text built only from the event make a
 * redelivered event a replay that sends nothing.
 */
export function paymentReportedHandler(rpc: RpcClient, logger: Logger) {
  return async (msg: JsMsg): Promise<void> => {
    const { report } = fromBinary(BillingEvents.paymentReported.payload, msg.data);
    if (!report) throw new Error('payment_report.reported event without report');
    try {
      await notifyCompany(rpc, report, logger);
    } catch (error) {
      // A refusal (no mail settings, no tenant address) will not change by retrying: logged, not retried.
      if (error instanceof DomainError && error.status < 500 && error.code !== 'delivery.in_progress') {
        logger.warn({ reportId: report.id, code: error.code }, 'payment report confirmation not sent');
        return;
      }
      throw error;
    }
  };
}

async function notifyCompany(rpc: RpcClient, report: PaymentReport, logger: Logger): Promise<void> {
  const tenant = await rpc.call(ClientsRpc.getTenant, { id: report.tenantId });
  const client = await rpc.call(ClientsRpc.getClient, { tenantId: report.tenantId, id: report.clientId });
  const lang: Lang = tenant.locale.toLowerCase().startsWith('en') ? 'en' : 'es';
  const t = TEXT[lang];
  const numbers: string[] = [];
  for (const allocation of report.allocations) {
    const document = await rpc.call(BillingRpc.getDocument, { tenantId: report.tenantId, id: allocation.documentId });
    numbers.push(document.displayNumber);
  }
  const lines = [
    `${t.date}: ${formatDate(report.date, lang)}`,
    `${t.method}: ${t.methods[report.method] ?? report.method}`,
    `${t.reference}: ${report.reference || '-'}`,
    `${t.invoices}: ${numbers.length ? numbers.join(', ') : t.unallocated}`,
    report.reporterEmail ? `${t.reporter}: ${report.reporterEmail}` : '',
    report.notes ? `${t.notes}: ${report.notes}` : '',
    `${t.id}: ${report.id}`,
  ].filter(Boolean);
  const delivery = await rpc.call(
    NotificationsRpc.sendEmail,
    {
      tenantId: report.tenantId,
      deliveryKey: `payment-report:${report.id}`,
      // No client id: this text must not become the client's "last used" template.
      documentKind: 'statement',
      to: tenant.email,
      language: lang,
      subject: t.subject,
      body: t.body,
      variables: { clientName: client.legalName, amount: report.amount, currency: report.currency, customText: lines.join('\n') },
    },
    { timeoutMs: NOTIFICATIONS_SEND_TIMEOUT_MS },
  );
  // A transient failure (mail server down) is retried by redelivering the event, with the same key.
  if (delivery.status === 'failed' && delivery.errorKind === 'transient') throw new Error(`payment report confirmation failed: ${delivery.errorCode}`);
  logger.info({ reportId: report.id, deliveryId: delivery.id, status: delivery.status }, 'payment report confirmation sent');
}
