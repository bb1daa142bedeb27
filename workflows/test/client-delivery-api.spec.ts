import { BillingRpc, ClientsRpc, NotificationsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { eventually, SmtpSink } from '@cobranza/testing';
import { WorkflowNotFoundError } from '@temporalio/client';
import { type WorkerRuntime } from '../src/runtime';
import { startSystem, type RunningSystem } from '../../e2e/support/system';

type Json = Record<string, any>;

/**
 * Deliveries through the gateway on the Temporal dev server: validation before anything starts
 * (rpc.workflows.delivery.start in the worker's responder), the deterministic ids, the state and
 * commands, and what a document shows of its deliveries.
 */
describe('client deliveries through the gateway', () => {
  let system: RunningSystem;
  let url: string;
  let worker: WorkerRuntime;
  let rpc: RpcClient;
  let headers: Record<string, string>;
  let tenantId: string;
  let clientId: string;
  let sink: SmtpSink;

  beforeAll(async () => {
    system = await startSystem({ name: 'client-delivery-api', rpcTimeoutMs: 30_000 });
    ({ url, worker, rpc, headers, tenantId, sink } = system);
    clientId = (
      await rpc.call(ClientsRpc.createClient, {
        tenantId,
        code: '0000000031',
        legalName: 'Farmacia La Candelaria, C.A.',
        country: 'VE',
        emails: ['pagos@lacandelaria.com.ve'],
        whatsapp: '04247181811',
      })
    ).id;
    await rpc.call(NotificationsRpc.setEntitlement, { tenantId, mode: 'contracted' });
  });

  afterAll(async () => {
    await system?.stop();
  });

  const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, { method, headers: { ...headers, 'accept-language': 'es', ...extra }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: (await res.json()) as Json };
  };

  const notStarted = async (workflowId: string) => {
    const error = await worker.client.workflow.getHandle(workflowId).describe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowNotFoundError);
  };

  it('refuses a bad WhatsApp number and a bad address at once: 400 problem+json, nothing started, nothing sent', async () => {
    sink.clear();
    const res = await call(
      'POST',
      `/v1/clients/${clientId}/statement/deliveries`,
      { channels: ['whatsapp', 'email'], whatsappTo: '0212 5551234', email: { includeClient: true, extraEmails: 'contabilidad@lacandelaria.com.ve, pagos@lacandelaria' } },
      { 'idempotency-key': 'rechazo-1' },
    );
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'validation_failed', detail: 'Los datos enviados no son válidos; revise los campos indicados.' });
    expect(res.body.errors.whatsappTo).toContain('0212 5551234');
    expect(res.body.errors['email.extraEmails']).toBe('El correo pagos@lacandelaria no es válido; escríbalo como usuario@dominio.com. Separe varios con coma.');
    await notStarted(`statement-delivery:${clientId}:rechazo-1`);
    const unknownChannel = await call('POST', `/v1/clients/${clientId}/statement/deliveries`, { channels: ['fax'] });
    expect(unknownChannel.status).toBe(400);
    expect(unknownChannel.body.errors.channels).toBe('Canal desconocido: fax. Use email o whatsapp.');
    expect((await rpc.call(NotificationsRpc.listDeliveries, { tenantId })).total).toBe(0);
    expect(sink.messages).toHaveLength(0);
  });

  it('sends the statement by e-mail under a readable id; the same Idempotency-Key answers the same delivery', async () => {
    sink.clear();
    const body = { channels: ['email'], format: 'xlsx', sendCopy: true, requestedBy: { name: 'Ana Rodríguez', email: 'ana@torreeuropa.com.ve' } };
    const started = await call('POST', `/v1/clients/${clientId}/statement/deliveries`, body, { 'idempotency-key': 'estado-2026-11' });
    expect(started.status).toBe(202);
    const workflowId = `statement-delivery:${clientId}:estado-2026-11`;
    expect(started.body).toMatchObject({ workflowId, status: 'Preparing' });
    const done = await eventually(async () => {
      const res = await call('GET', `/v1/deliveries/${encodeURIComponent(workflowId)}`);
      return res.status === 200 && res.body.closed ? res.body : undefined;
    }, 'the delivery to finish');
    expect(done).toMatchObject({ status: 'Delivered', targets: [{ channel: 'email', recipient: 'pagos@lacandelaria.com.ve', status: 'accepted' }] });
    const again = await call('POST', `/v1/clients/${clientId}/statement/deliveries`, body, { 'idempotency-key': 'estado-2026-11' });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ workflowId, status: 'Delivered', closed: true });
    const [mail] = await sink.waitForMessages(1);
    expect(mail.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.xlsx$/)]);
    expect(sink.messages).toHaveLength(1);
    expect(mail.envelopeTo.sort()).toEqual(['ana@torreeuropa.com.ve', 'pagos@lacandelaria.com.ve']);

    const retry = await call('POST', `/v1/deliveries/${encodeURIComponent(workflowId)}/retry`);
    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe('delivery.finished');
    const missing = await call('GET', `/v1/deliveries/${encodeURIComponent(`statement-delivery:${clientId}:no-existe`)}`);
    expect(missing.status).toBe(404);
  });

  it('attaches the statement to an invoice when the tenant says so, and shows the document what is known per recipient', async () => {
    sink.clear();
    expect((await call('PATCH', '/v1/billing-settings', { statementInInvoiceEmails: true })).body).toMatchObject({ statementInInvoiceEmails: true });
    const doc = await rpc.call(BillingRpc.issueDocument, {
      tenantId,
      clientId,
      kind: 'invoice',
      currency: 'USD',
      paymentTermsDays: 5,
      lines: [{ description: 'Alquiler local PB-4, Torre Europa', quantity: '1', unitPrice: '850.00', taxRatePercent: '16' }],
    });
    const started = await call('POST', `/v1/documents/${doc.id}/deliveries`, { template: 'original', customText: 'Gracias por su pago.' }, { 'idempotency-key': 'envio-1' });
    expect(started.status).toBe(202);
    expect(started.body.workflowId).toBe(`document-send:${doc.id}:envio-1`);
    const [mail] = await sink.waitForMessages(1);
    expect(mail.attachments.map((a) => a.filename.split('.').pop()).sort()).toEqual(['pdf', 'pdf', 'xml']);
    const listed = await eventually(async () => {
      const res = await call('GET', `/v1/documents/${doc.id}/deliveries`);
      return res.body.items?.length ? res.body : undefined;
    }, 'the document deliveries');
    expect(listed.items).toEqual([
      expect.objectContaining({
        channel: 'email',
        recipient: 'pagos@lacandelaria.com.ve',
        status: 'accepted',
        meaning: 'El servidor de correo aceptó el mensaje; la entrega al buzón no se puede confirmar.',
        workflowId: `document-send:${doc.id}:envio-1`,
      }),
    ]);
    await call('PATCH', '/v1/billing-settings', { statementInInvoiceEmails: false });
  });
});
