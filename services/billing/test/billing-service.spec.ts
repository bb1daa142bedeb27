import { fromBinary } from '@bufbuild/protobuf';
import { BatchCompletedSchema, BillingRpc, ClientsRpc, type SalesDocument } from '@cobranza/contracts';
import { connectNats, DomainError, RpcClient } from '@cobranza/platform';
import { eventually, startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { AppModule } from '../src/app.module';
import { billingDefinition } from '../src/definition';

/** The billing service over real NATS and PostgreSQL, with the real clients service beside it. */
describe('billing service', () => {
  const apps: INestApplication[] = [];
  let nats: NatsConnection;
  let rpc: RpcClient;
  let tenantId: string;
  let clientId: string;

  const line = { description: 'Servicio de asesoría tributaria, marzo 2024', quantity: '1', unitPrice: '360.00', taxRatePercent: '16' };
  const invoice = (extra: Record<string, unknown> = {}) =>
    rpc.call(BillingRpc.issueDocument, { tenantId, clientId, kind: 'invoice', paymentTermsDays: 30, lines: [line], ...extra });

  beforeAll(async () => {
    apps.push(await startTestService(clientsDefinition(), ClientsModule));
    apps.push(await startTestService(billingDefinition(), AppModule));
    nats = await connectNats('billing-service-test');
    rpc = new RpcClient(nats, 20_000);
    const tenant = await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', email: 'cobranzas@infotax.com.ve' });
    tenantId = tenant.id;
    const client = await rpc.call(ClientsRpc.createClient, {
      tenantId,
      code: '0000000012',
      legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
      address: 'Av. Sanatorio del Ávila, Centro Empresarial Ciudad Center, Torre C, piso 1.',
    });
    clientId = client.id;
  });

  afterAll(async () => {
    await nats?.drain();
    for (const app of apps.reverse()) await app.close();
  });

  it('issues an invoice with exact totals, the client snapshot and the due date from the terms', async () => {
    const doc = await invoice({ issueDate: '2024-03-26', issueTime: '23:25:35', series: '1' });
    expect(doc).toMatchObject({
      kind: 'invoice',
      status: 'issued',
      series: '0001',
      number: 1,
      displayNumber: '0001-00000001',
      clientCode: '0000000012',
      clientName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
      currency: 'VES',
      issueDate: '2024-03-26',
      issueTime: '23:25:35',
      dueDate: '2024-04-25',
      net: '360.00',
      tax: '57.60',
      total: '417.60',
      paid: '0.00',
      balance: '417.60',
    });
    expect(doc.operationId).toBe(doc.id);
  });

  it('gives 50 simultaneous issues consecutive numbers with no gaps and no duplicates', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => rpc.call(BillingRpc.issueDocument, { tenantId, clientId, kind: 'remission', series: '0007', lines: [{ ...line, description: `Alquiler local ${i + 1}` }] })),
    );
    const numbers = results.map((d) => d.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('returns the same document for every retry of an idempotency key, also concurrently', async () => {
    const key = `invoice-2024-04-${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 8 }, () => invoice({ idempotencyKey: key })));
    expect(new Set(results.map((d) => d.id)).size).toBe(1);
    expect(new Set(results.map((d) => d.number)).size).toBe(1);
    const next = await invoice();
    expect(next.number).toBe(results[0].number + 1); // the losers of the race left no gap
    await expect(invoice({ idempotencyKey: key, notes: 'otra cosa' })).rejects.toMatchObject({ code: 'document.idempotency_conflict', status: 422 });
  });

  it('rejects bad lines naming each field, and issues nothing', async () => {
    const before = (await rpc.call(BillingRpc.listDocuments, { tenantId, kind: 'invoice', pageSize: 100 })).total;
    const error = (await rpc
      .call(BillingRpc.issueDocument, {
        tenantId,
        clientId,
        kind: 'invoice',
        lines: [{ description: '', quantity: '0', unitPrice: '1e3', taxRatePercent: '116' }],
      })
      .catch((e: DomainError) => e)) as DomainError;
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.details).sort()).toEqual([
      'lines[0].description',
      'lines[0].quantity',
      'lines[0].taxRatePercent',
      'lines[0].unitPrice',
    ]);
    expect((await rpc.call(BillingRpc.listDocuments, { tenantId, kind: 'invoice', pageSize: 100 })).total).toBe(before);
  });

  it('links an operation: quote, then order and invoice made from it', async () => {
    const quote = await rpc.call(BillingRpc.issueDocument, { tenantId, clientId, kind: 'quote', lines: [line] });
    const order = await rpc.call(BillingRpc.issueDocument, { tenantId, clientId, kind: 'order', lines: [line], sourceDocumentId: quote.id });
    const inv = await invoice({ sourceDocumentId: order.id });
    expect([order.operationId, inv.operationId]).toEqual([quote.id, quote.id]);
    await expect(
      rpc.call(BillingRpc.issueDocument, { tenantId, clientId, kind: 'quote', lines: [line], sourceDocumentId: inv.id }),
    ).rejects.toMatchObject({ code: 'validation_failed' });

    // The sales history shows the operation as one row, newest first (seed 001, "Ventas").
    const history = await rpc.call(BillingRpc.getSalesHistory, { tenantId, clientId });
    expect(history.operations[0]).toMatchObject({
      operationId: quote.id,
      quote: { id: quote.id, displayNumber: quote.displayNumber },
      order: { id: order.id },
      invoice: { id: inv.id, total: '417.60', balance: '417.60' },
    });
    expect(history.operations[0].remission).toBeUndefined();
    expect(history.operations.length).toBeLessThanOrEqual(100);
    expect(history.remissions).toBe(history.operations.filter((o) => o.remission).length);
    const statement = await rpc.call(BillingRpc.getStatement, { tenantId, clientId });
    expect(history.pendingBalance).toBe(statement.totals?.balance);
  });

  describe('payments and the statement', () => {
    let statementClientId: string;
    let first: SalesDocument;
    let second: SalesDocument;

    beforeAll(async () => {
      statementClientId = (await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Inversiones Ávila, C.A.' })).id;
      const issue = (issueDate: string, unitPrice: string) =>
        rpc.call(BillingRpc.issueDocument, {
          tenantId,
          clientId: statementClientId,
          kind: 'invoice',
          issueDate,
          paymentTermsDays: 30,
          lines: [{ description: 'Alquiler', quantity: '1', unitPrice, taxRatePercent: '0' }],
        });
      first = await issue('2024-01-31', '100.00'); // due 2024-03-01
      second = await issue('2024-02-29', '250.50'); // due 2024-03-30
    });

    it('applies a payment oldest first and keeps every balance to the cent', async () => {
      const payment = await rpc.call(BillingRpc.recordPayment, {
        tenantId,
        clientId: statementClientId,
        date: '2024-03-15',
        amount: '150.00',
        currency: 'VES',
        method: 'transfer',
        reference: 'REF-0001',
      });
      expect(payment.allocations.map((a) => [a.displayNumber, a.amount])).toEqual([
        [first.displayNumber, '100.00'],
        [second.displayNumber, '50.00'],
      ]);
      expect(payment).toMatchObject({ allocated: '150.00', unallocated: '0.00' });
      expect(await rpc.call(BillingRpc.getDocument, { tenantId, id: first.id })).toMatchObject({ status: 'paid', balance: '0.00' });
      expect(await rpc.call(BillingRpc.getDocument, { tenantId, id: second.id })).toMatchObject({ status: 'partially_paid', balance: '200.50' });
      await expect(
        rpc.call(BillingRpc.recordPayment, {
          tenantId,
          clientId: statementClientId,
          date: '2024-03-16',
          amount: '500.00',
          currency: 'VES',
          method: 'cash',
          allocations: [{ documentId: second.id, amount: '300.00' }],
        }),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(rpc.call(BillingRpc.voidDocument, { tenantId, id: first.id, reason: 'error' })).rejects.toMatchObject({
        code: 'document.not_voidable',
        status: 409,
      });
    });

    it('answers the statement as of a date, counting only payments made by then', async () => {
      const before = await rpc.call(BillingRpc.getStatement, { tenantId, clientId: statementClientId, asOf: '2024-02-29' });
      expect(before.rows.map((r) => [r.number, r.daysOverdue, r.balance, r.status, r.bucket])).toEqual([
        [first.displayNumber, 0, '100.00', 'pending', 'not_due'],
        [second.displayNumber, 0, '250.50', 'pending', 'not_due'],
      ]);
      expect(before.totals).toMatchObject({ balance: '350.50', overdue: '0.00', notDue: '350.50' });
      expect(before.header).toMatchObject({ tenantName: 'Infotax, S.A.', clientName: 'Inversiones Ávila, C.A.', currency: 'VES', asOf: '2024-02-29' });
      expect(before.header?.issuedAtText).toMatch(/^Emitido el \d{2}\/\d{2}\/\d{4} a las \d{2}:\d{2}:\d{2} [ap]\.m\.$/);

      const march10 = await rpc.call(BillingRpc.getStatement, { tenantId, clientId: statementClientId, asOf: '2024-03-10' });
      expect(march10.rows[0]).toMatchObject({ daysOverdue: 9, bucket: '1_30', balance: '100.00' });
      expect(march10.totals).toMatchObject({ balance: '350.50', overdue: '100.00', notDue: '250.50' });

      const may = await rpc.call(BillingRpc.getStatement, { tenantId, clientId: statementClientId, asOf: '2024-05-31' });
      expect(may.rows.map((r) => [r.status, r.daysOverdue, r.balance, r.bucket])).toEqual([
        ['paid', 0, '0.00', 'settled'],
        ['partially_paid', 62, '200.50', '61_90'],
      ]);
      expect(may.aging).toMatchObject({ days6190: '200.50', notDue: '0.00' });

      const onlyOverdue = await rpc.call(BillingRpc.getStatement, {
        tenantId,
        clientId: statementClientId,
        asOf: '2024-05-31',
        filters: { bucket: '61_90' },
      });
      expect(onlyOverdue.rows).toHaveLength(1);
      await expect(
        rpc.call(BillingRpc.getStatement, { tenantId, clientId: statementClientId, asOf: '2024-02-30' }),
      ).rejects.toMatchObject({ code: 'validation_failed' });
    });

    it('keeps a customer payment report pending until the company confirms or rejects it', async () => {
      const reported = await rpc.call(BillingRpc.reportPayment, {
        tenantId,
        clientId: statementClientId,
        date: '2024-06-01',
        amount: '100.50',
        currency: 'VES',
        method: 'mobile_payment',
        reference: 'PM-778899',
        allocations: [{ documentId: second.id, amount: '100.50' }],
        reporterEmail: 'pagos@avila.com.ve',
      });
      expect(reported).toMatchObject({ status: 'pending', amount: '100.50', paymentId: '' });
      // Pending means nothing is applied yet.
      expect(await rpc.call(BillingRpc.getDocument, { tenantId, id: second.id })).toMatchObject({ balance: '200.50' });
      await expect(
        rpc.call(BillingRpc.reportPayment, {
          tenantId,
          clientId: statementClientId,
          date: '2024-06-01',
          amount: '999.00',
          currency: 'VES',
          method: 'cash',
          allocations: [{ documentId: second.id, amount: '999.00' }],
        }),
      ).rejects.toMatchObject({ code: 'validation_failed' });

      const confirmed = await rpc.call(BillingRpc.confirmPaymentReport, { tenantId, id: reported.id });
      expect(confirmed.status).toBe('confirmed');
      expect(await rpc.call(BillingRpc.getDocument, { tenantId, id: second.id })).toMatchObject({ balance: '100.00', status: 'partially_paid' });
      // Confirming again changes nothing: the payment was recorded once.
      expect((await rpc.call(BillingRpc.confirmPaymentReport, { tenantId, id: reported.id })).paymentId).toBe(confirmed.paymentId);
      const payments = await rpc.call(BillingRpc.listPayments, { tenantId, clientId: statementClientId });
      expect(payments.items.filter((p) => p.reference === 'PM-778899')).toHaveLength(1);
      await expect(rpc.call(BillingRpc.rejectPaymentReport, { tenantId, id: reported.id, reason: 'x' })).rejects.toMatchObject({
        code: 'payment_report.already_decided',
        status: 409,
      });

      const other = await rpc.call(BillingRpc.reportPayment, {
        tenantId,
        clientId: statementClientId,
        date: '2024-06-02',
        amount: '10.00',
        currency: 'VES',
        method: 'transfer',
      });
      const rejected = await rpc.call(BillingRpc.rejectPaymentReport, { tenantId, id: other.id, reason: 'No aparece en el banco' });
      expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'No aparece en el banco' });
      const pending = await rpc.call(BillingRpc.listPaymentReports, { tenantId, clientId: statementClientId, status: 'pending' });
      expect(pending.items).toEqual([]);
    });
  });

  it('issues a batch once, names every bad item first, and says how many invoices each client got', async () => {
    const other = (await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Local 2, Torre C' })).id;
    const rent = (client: string, month: string) => ({
      clientId: client,
      kind: 'invoice',
      issueDate: '2024-03-01',
      lines: [{ description: `Alquiler ${month}`, quantity: '1', unitPrice: '500.00', taxRatePercent: '16' }],
    });
    const before = (await rpc.call(BillingRpc.listDocuments, { tenantId, kind: 'invoice', pageSize: 1 })).total;
    const bad = (await rpc
      .call(BillingRpc.issueBatch, {
        tenantId,
        batchId: 'alquileres-2024-03',
        items: [rent(clientId, 'marzo'), { ...rent(other, 'marzo'), lines: [{ description: 'x', quantity: '-1', unitPrice: '1' }] }],
      })
      .catch((e: DomainError) => e)) as DomainError;
    expect(bad.details).toHaveProperty(['items[1].lines[0].quantity']);
    expect((await rpc.call(BillingRpc.listDocuments, { tenantId, kind: 'invoice', pageSize: 1 })).total).toBe(before);

    const request = { tenantId, batchId: 'alquileres-2024-03', items: [rent(clientId, 'marzo'), rent(clientId, 'depósito'), rent(other, 'marzo')] };
    const batch = await rpc.call(BillingRpc.issueBatch, request);
    expect(batch.documents.every((d) => d.batchId === 'alquileres-2024-03')).toBe(true);
    expect(Object.fromEntries(batch.perClient.map((c) => [c.clientId, c.invoices]))).toEqual({ [clientId]: 2, [other]: 1 });
    const retried = await rpc.call(BillingRpc.issueBatch, request);
    expect(retried.documents.map((d) => d.id)).toEqual(batch.documents.map((d) => d.id));

    const jsm = await nats.jetstreamManager();
    const completed = await eventually(
      () => jsm.streams.getMessage('EVT_BILLING', { last_by_subj: 'evt.billing.batch.completed' }).catch(() => undefined),
      'the batch.completed event',
    );
    const event = fromBinary(BatchCompletedSchema, completed.data);
    expect(event).toMatchObject({ tenantId, batchId: 'alquileres-2024-03', documents: 3 });
    await new Promise((r) => setTimeout(r, 1500)); // give a second event, if any, time to be relayed
    const last = await jsm.streams.getMessage('EVT_BILLING', { last_by_subj: 'evt.billing.batch.completed' });
    expect(last.seq).toBe(completed.seq);
  });

  it('counts a remission until it is invoiced, and not at all when the tenant says so', async () => {
    const shop = (await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Ferretería El Tornillo' })).id;
    const remission = await rpc.call(BillingRpc.issueDocument, {
      tenantId,
      clientId: shop,
      kind: 'remission',
      issueDate: '2024-03-01',
      lines: [{ description: 'Tornillos', quantity: '100', unitPrice: '0.25' }],
    });
    const kinds = async () =>
      (await rpc.call(BillingRpc.getStatement, { tenantId, clientId: shop, asOf: '2024-03-31' })).rows.map((r) => [r.kind, r.balance]);
    expect(await kinds()).toEqual([['remission', '25.00']]);
    await rpc.call(BillingRpc.updateSettings, { tenantId, remissionsReceivable: false });
    expect(await kinds()).toEqual([]);
    await rpc.call(BillingRpc.updateSettings, { tenantId, remissionsReceivable: true });
    expect(await rpc.call(BillingRpc.getSettings, { tenantId })).toMatchObject({ remissionsReceivable: true });
    await rpc.call(BillingRpc.issueDocument, {
      tenantId,
      clientId: shop,
      kind: 'invoice',
      issueDate: '2024-03-05',
      sourceDocumentId: remission.id,
      lines: [{ description: 'Tornillos', quantity: '100', unitPrice: '0.25' }],
    });
    expect(await kinds()).toEqual([['invoice', '25.00']]);
    expect((await rpc.call(BillingRpc.getSalesHistory, { tenantId, clientId: shop })).pendingBalance).toBe('25.00');
  });

  it('never shows or changes another tenant’s documents', async () => {
    const other = await rpc.call(ClientsRpc.createTenant, { legalName: 'Ajena, C.A.', email: 'admin@ajena.com' });
    const doc = await invoice();
    await expect(rpc.call(BillingRpc.getDocument, { tenantId: other.id, id: doc.id })).rejects.toMatchObject({ code: 'document.not_found' });
    await expect(rpc.call(BillingRpc.voidDocument, { tenantId: other.id, id: doc.id, reason: 'x' })).rejects.toMatchObject({
      code: 'document.not_found',
    });
    await expect(rpc.call(BillingRpc.getStatement, { tenantId: other.id, clientId })).rejects.toMatchObject({ code: 'client.not_found' });
    await expect(
      rpc.call(BillingRpc.issueDocument, { tenantId: other.id, clientId, kind: 'invoice', lines: [line] }),
    ).rejects.toMatchObject({ code: 'client.not_found' });
    expect((await rpc.call(BillingRpc.listDocuments, { tenantId: other.id })).items).toEqual([]);
  });
});
