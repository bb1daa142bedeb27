import { fromBinary } from '@bufbuild/protobuf';
import { BillingRpc, ClientsRpc, DocumentIssuedSchema } from '@cobranza/contracts';
import { ArtifactStore, connectNats, DomainError, RpcClient } from '@cobranza/platform';
import { eventually, startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { AppModule } from '../src/app.module';
import { billingDefinition } from '../src/definition';

/** Drafts and payment report receipts over real NATS and PostgreSQL, the clients service beside billing. */
describe('billing: drafts and payment receipts', () => {
  const apps: INestApplication[] = [];
  let nats: NatsConnection;
  let rpc: RpcClient;
  let store: ArtifactStore;
  let tenantId: string;
  let clientId: string;
  let otherClientId: string;

  const line = { description: 'Servicio de asesoría tributaria, marzo 2024', quantity: '1', unitPrice: '360.00', taxRatePercent: '16' };
  const issue = (extra: Record<string, unknown> = {}) =>
    rpc.call(BillingRpc.issueDocument, { tenantId, clientId, kind: 'invoice', series: '0003', paymentTermsDays: 15, lines: [line], ...extra });
  const draft = (extra: Record<string, unknown> = {}) =>
    rpc.call(BillingRpc.createDraft, { tenantId, clientId, kind: 'invoice', series: '0003', paymentTermsDays: 15, lines: [line], ...extra });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: DomainError) => e);

  beforeAll(async () => {
    apps.push(await startTestService(clientsDefinition(), ClientsModule));
    apps.push(await startTestService(billingDefinition(), AppModule));
    nats = await connectNats('billing-drafts-test');
    rpc = new RpcClient(nats, 20_000);
    store = await ArtifactStore.open(nats);
    tenantId = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', email: 'cobranzas@infotax.com.ve' })).id;
    clientId = (await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000012', legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' })).id;
    otherClientId = (await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000013', legalName: 'Galac Software, C.A.' })).id;
  });

  afterAll(async () => {
    await nats?.drain();
    for (const app of apps.reverse()) await app.close();
  });

  describe('drafts', () => {
    it('saves a draft with no number, computed totals, and no date when none was given', async () => {
      const saved = await draft({ notes: 'Pendiente de aprobación' });
      expect(saved).toMatchObject({
        kind: 'invoice',
        status: 'draft',
        series: '0003',
        number: 0,
        displayNumber: '',
        issueDate: '',
        issueTime: '',
        dueDate: '',
        clientCode: '0000000012',
        total: '417.60',
        balance: '417.60',
        notes: 'Pendiente de aprobación',
      });
      expect(saved.operationId).toBe(saved.id);
      expect(await rpc.call(BillingRpc.getDocument, { tenantId, id: saved.id })).toEqual(saved);
      const dated = await draft({ issueDate: '2024-03-26', issueTime: '08:00:00' });
      expect(dated).toMatchObject({ status: 'draft', number: 0, issueDate: '2024-03-26', issueTime: '08:00:00', dueDate: '2024-04-10' });
    });

    it('lists drafts only when asked for them', async () => {
      const saved = await draft({ kind: 'quote' });
      const drafts = await rpc.call(BillingRpc.listDocuments, { tenantId, status: 'draft', pageSize: 100 });
      expect(drafts.items.map((d) => d.id)).toContain(saved.id);
      expect(drafts.items.every((d) => d.status === 'draft')).toBe(true);
      const all = await rpc.call(BillingRpc.listDocuments, { tenantId, pageSize: 100 });
      expect(all.items.some((d) => d.status === 'draft')).toBe(false);
    });

    it('refuses a bad draft with every field named, like an issue, and stores nothing', async () => {
      const before = (await rpc.call(BillingRpc.listDocuments, { tenantId, status: 'draft', pageSize: 100 })).total;
      const error = (await failure(
        draft({ kind: 'factura', issueDate: '2024-02-30', lines: [{ description: '', quantity: '0', unitPrice: '1e3' }] }),
      )) as DomainError;
      expect(error).toMatchObject({ code: 'validation_failed', status: 400 });
      expect(Object.keys(error.details).sort()).toEqual(['issueDate', 'kind', 'lines[0].description', 'lines[0].quantity', 'lines[0].unitPrice']);
      await expect(draft({ clientId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'client.not_found' });
      expect((await rpc.call(BillingRpc.listDocuments, { tenantId, status: 'draft', pageSize: 100 })).total).toBe(before);
    });

    it('edits a draft: client, kind, lines, dates, terms and notes are all replaced', async () => {
      const saved = await draft();
      const edited = await rpc.call(BillingRpc.updateDraft, {
        tenantId,
        id: saved.id,
        clientId: otherClientId,
        kind: 'remission',
        series: '0004',
        issueDate: '2024-04-01',
        paymentTermsDays: 30,
        lines: [{ description: 'Licencia anual', quantity: '2', unitPrice: '100.00', discountPercent: '10' }],
        notes: 'Corregida',
      });
      expect(edited).toMatchObject({
        id: saved.id,
        status: 'draft',
        number: 0,
        kind: 'remission',
        series: '0004',
        clientId: otherClientId,
        clientName: 'Galac Software, C.A.',
        issueDate: '2024-04-01',
        dueDate: '2024-05-01',
        paymentTermsDays: 30,
        total: '180.00',
        notes: 'Corregida',
      });
      expect(edited.lines).toHaveLength(1);
      // A refused edit changes nothing.
      await expect(rpc.call(BillingRpc.updateDraft, { tenantId, id: saved.id, clientId, kind: 'invoice', lines: [] })).rejects.toMatchObject({
        code: 'validation_failed',
        details: { lines: expect.any(String) },
      });
      expect(await rpc.call(BillingRpc.getDocument, { tenantId, id: saved.id })).toEqual(edited);
      await expect(
        rpc.call(BillingRpc.updateDraft, { tenantId, id: '00000000-0000-4000-8000-000000000000', clientId, kind: 'invoice', lines: [line] }),
      ).rejects.toMatchObject({ code: 'document.not_found', status: 404 });
    });

    it('deletes a draft', async () => {
      const saved = await draft();
      expect(await rpc.call(BillingRpc.deleteDraft, { tenantId, id: saved.id })).toMatchObject({ id: saved.id, status: 'draft' });
      await expect(rpc.call(BillingRpc.getDocument, { tenantId, id: saved.id })).rejects.toMatchObject({ code: 'document.not_found' });
      await expect(rpc.call(BillingRpc.deleteDraft, { tenantId, id: saved.id })).rejects.toMatchObject({ code: 'document.not_found' });
    });

    it('keeps consecutive numbering: drafts take no number, and issuing one takes the next', async () => {
      const first = await issue({ series: '0005' });
      const pending = await draft({ series: '0005', issueDate: '2024-03-20', issueTime: '09:30:00' });
      const second = await issue({ series: '0005' });
      expect(second.number).toBe(first.number + 1);
      const issued = await rpc.call(BillingRpc.issueDraft, { tenantId, id: pending.id });
      expect(issued).toMatchObject({
        id: pending.id,
        status: 'issued',
        number: first.number + 2,
        displayNumber: `0005-${String(first.number + 2).padStart(8, '0')}`,
        issueDate: '2024-03-20',
        issueTime: '09:30:00',
        dueDate: '2024-04-04',
        total: '417.60',
      });
      expect((await issue({ series: '0005' })).number).toBe(first.number + 3);

      // evt.billing.document.issued, through the outbox like any issue.
      const jsm = await nats.jetstreamManager();
      const event = await eventually(async () => {
        const msg = await jsm.streams.getMessage('EVT_BILLING', { last_by_subj: 'evt.billing.document.issued' }).catch(() => undefined);
        const doc = msg && fromBinary(DocumentIssuedSchema, msg.data).document;
        return doc?.number === first.number + 3 ? msg : undefined;
      }, 'the last document.issued event');
      const earlier = [];
      for (let seq = event.seq - 1; seq > Math.max(0, event.seq - 6); seq--) {
        const msg = await jsm.streams.getMessage('EVT_BILLING', { seq });
        if (msg.subject === 'evt.billing.document.issued') earlier.push(fromBinary(DocumentIssuedSchema, msg.data).document);
      }
      expect(earlier.find((d) => d?.id === pending.id)).toMatchObject({ status: 'issued', number: first.number + 2, displayNumber: issued.displayNumber });
    });

    it('dates a draft saved without a date on the day it is issued', async () => {
      const pending = await draft({ paymentTermsDays: 0 });
      const issued = await rpc.call(BillingRpc.issueDraft, { tenantId, id: pending.id });
      expect(issued.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(issued.issueTime).toMatch(/^\d{2}:\d{2}:\d{2}$/);
      expect(issued.dueDate).toBe(issued.issueDate);
      expect(Math.abs(Date.parse(`${issued.issueDate}T12:00:00Z`) - Date.now())).toBeLessThan(2 * 86_400_000);
    });

    it('issues a draft once per idempotency key, also to concurrent retries', async () => {
      const pending = await draft({ series: '0006' });
      const key = `borrador-${pending.id}`;
      const results = await Promise.all(Array.from({ length: 6 }, () => rpc.call(BillingRpc.issueDraft, { tenantId, id: pending.id, idempotencyKey: key })));
      expect(new Set(results.map((d) => d.id))).toEqual(new Set([pending.id]));
      expect(new Set(results.map((d) => d.number)).size).toBe(1);
      expect(results[0]).toMatchObject({ status: 'issued', number: 1, displayNumber: '0006-00000001' });
      expect(await rpc.call(BillingRpc.issueDraft, { tenantId, id: pending.id, idempotencyKey: key })).toEqual(results[0]);
      // Without the key, a second issue is refused; the key on another draft is a conflict.
      await expect(rpc.call(BillingRpc.issueDraft, { tenantId, id: pending.id })).rejects.toMatchObject({ code: 'draft.not_editable', status: 409 });
      const other = await draft({ series: '0006' });
      await expect(rpc.call(BillingRpc.issueDraft, { tenantId, id: other.id, idempotencyKey: key })).rejects.toMatchObject({
        code: 'document.idempotency_conflict',
        status: 422,
      });
      // The losers of the race took no number.
      expect((await rpc.call(BillingRpc.issueDraft, { tenantId, id: other.id })).number).toBe(2);
    });

    it('refuses to edit, delete or re-issue an issued document, and to void a draft', async () => {
      const issued = await issue();
      const error = (await failure(rpc.call(BillingRpc.updateDraft, { tenantId, id: issued.id, clientId, kind: 'invoice', lines: [line], notes: 'cambio' }))) as DomainError;
      expect(error).toMatchObject({ code: 'draft.not_editable', status: 409 });
      expect(error.message).toContain(issued.displayNumber);
      await expect(rpc.call(BillingRpc.deleteDraft, { tenantId, id: issued.id })).rejects.toMatchObject({ code: 'draft.not_editable' });
      await expect(rpc.call(BillingRpc.issueDraft, { tenantId, id: issued.id })).rejects.toMatchObject({ code: 'draft.not_editable' });
      expect(await rpc.call(BillingRpc.getDocument, { tenantId, id: issued.id })).toEqual(issued);

      const pending = await draft();
      await expect(rpc.call(BillingRpc.voidDocument, { tenantId, id: pending.id, reason: 'x' })).rejects.toMatchObject({
        code: 'document.not_voidable',
        status: 409,
      });
      // Nothing is made from a draft: it has no number yet.
      await expect(issue({ kind: 'credit_note', sourceDocumentId: pending.id })).rejects.toMatchObject({
        code: 'validation_failed',
        details: { sourceDocumentId: expect.any(String) },
      });
    });

    it('leaves drafts out of the statement, receivables, payments and the sales history', async () => {
      const shop = (await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Ferretería El Tornillo' })).id;
      const invoice = await issue({ clientId: shop, issueDate: '2024-03-01' });
      const historyBefore = await rpc.call(BillingRpc.getSalesHistory, { tenantId, clientId: shop });
      const pendingInvoice = await draft({ clientId: shop, issueDate: '2024-03-02' });
      const pendingRemission = await draft({ clientId: shop, kind: 'remission', issueDate: '2024-03-02' });
      await draft({ clientId: shop, kind: 'quote', issueDate: '2024-03-02' });
      // A draft invoice made from a remission does not count as its invoice either.
      const remission = await issue({ clientId: shop, kind: 'remission', issueDate: '2024-03-01' });
      await draft({ clientId: shop, kind: 'invoice', sourceDocumentId: remission.id, issueDate: '2024-03-02' });

      const statement = await rpc.call(BillingRpc.getStatement, { tenantId, clientId: shop, asOf: '2024-03-31' });
      expect(statement.rows.map((r) => r.documentId).sort()).toEqual([invoice.id, remission.id].sort());
      expect(statement.totals?.balance).toBe('835.20');

      const history = await rpc.call(BillingRpc.getSalesHistory, { tenantId, clientId: shop });
      expect({ quotes: history.quotes, invoices: history.invoices, remissions: history.remissions }).toEqual({
        quotes: historyBefore.quotes,
        invoices: historyBefore.invoices,
        remissions: historyBefore.remissions + 1,
      });
      const shown = history.operations.flatMap((o) => [o.quote, o.order, o.remission, o.invoice].filter(Boolean).map((d) => d!.id));
      expect(shown).not.toContain(pendingInvoice.id);
      expect(shown).not.toContain(pendingRemission.id);
      expect(history.pendingBalance).toBe('835.20');

      const pay = await failure(
        rpc.call(BillingRpc.recordPayment, {
          tenantId,
          clientId: shop,
          date: '2024-03-10',
          amount: '10.00',
          currency: 'VES',
          method: 'cash',
          allocations: [{ documentId: pendingInvoice.id, amount: '10.00' }],
        }),
      );
      expect(pay).toMatchObject({ code: 'validation_failed', details: { 'allocations[0].documentId': expect.any(String) } });
      // Paid oldest first, a payment never lands on a draft.
      const payment = await rpc.call(BillingRpc.recordPayment, { tenantId, clientId: shop, date: '2024-03-10', amount: '835.20', currency: 'VES', method: 'cash' });
      expect(payment.allocations.map((a) => a.documentId).sort()).toEqual([invoice.id, remission.id].sort());
      expect(await rpc.call(BillingRpc.getDocument, { tenantId, id: pendingInvoice.id })).toMatchObject({ status: 'draft', paid: '0.00' });
    });
  });

  describe('payment report receipts', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const report = async () => {
      const invoice = await issue({ issueDate: '2024-03-20' });
      return rpc.call(BillingRpc.reportPayment, {
        tenantId,
        clientId,
        date: '2024-03-21',
        amount: '17.60',
        currency: 'VES',
        method: 'mobile_payment',
        reference: 'PM-0102-778899',
        allocations: [{ documentId: invoice.id, amount: '17.60' }],
      });
    };
    const receipt = (kind = 'payment_receipt', tenant = tenantId) =>
      store.put({ tenantId: tenant, kind, mediaType: 'application/pdf', fileName: 'Comprobante.pdf' }, pdf);

    it('stores the receipt artifact id on a pending report, and a new receipt replaces it', async () => {
      const pending = await report();
      expect(pending.receiptArtifactId).toBe('');
      const first = await receipt();
      const attached = await rpc.call(BillingRpc.attachPaymentReceipt, { tenantId, id: pending.id, artifactId: first.id });
      expect(attached).toMatchObject({ id: pending.id, status: 'pending', receiptArtifactId: first.id });
      const second = await receipt();
      expect(await rpc.call(BillingRpc.attachPaymentReceipt, { tenantId, id: pending.id, artifactId: second.id })).toMatchObject({
        receiptArtifactId: second.id,
      });
      const listed = await rpc.call(BillingRpc.listPaymentReports, { tenantId, clientId });
      expect(listed.items.find((r) => r.id === pending.id)).toMatchObject({ receiptArtifactId: second.id });
      // Confirming keeps it.
      expect(await rpc.call(BillingRpc.confirmPaymentReport, { tenantId, id: pending.id })).toMatchObject({
        status: 'confirmed',
        receiptArtifactId: second.id,
      });
    });

    it("refuses a decided report, an unknown report, and an artifact that is not this tenant's receipt", async () => {
      const pending = await report();
      const file = await receipt();
      const otherTenant = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Galac Software, C.A.', email: 'cobranzas@galac.com' })).id;
      for (const artifactId of [(await receipt('statement_pdf')).id, (await receipt('payment_receipt', otherTenant)).id, '00000000-0000-4000-8000-000000000000', 'x']) {
        const error = await failure(rpc.call(BillingRpc.attachPaymentReceipt, { tenantId, id: pending.id, artifactId }));
        expect({ artifactId, error }).toMatchObject({ artifactId, error: { code: 'validation_failed', details: { artifactId: expect.any(String) } } });
      }
      await expect(
        rpc.call(BillingRpc.attachPaymentReceipt, { tenantId, id: '00000000-0000-4000-8000-000000000000', artifactId: file.id }),
      ).rejects.toMatchObject({ code: 'payment_report.not_found', status: 404 });
      await expect(rpc.call(BillingRpc.attachPaymentReceipt, { tenantId: otherTenant, id: pending.id, artifactId: file.id })).rejects.toMatchObject({
        code: 'payment_report.not_found',
      });
      await rpc.call(BillingRpc.rejectPaymentReport, { tenantId, id: pending.id, reason: 'No aparece en el banco' });
      await expect(rpc.call(BillingRpc.attachPaymentReceipt, { tenantId, id: pending.id, artifactId: file.id })).rejects.toMatchObject({
        code: 'payment_report.already_decided',
        status: 409,
      });
      const [stored] = (await rpc.call(BillingRpc.listPaymentReports, { tenantId, status: 'rejected' })).items.filter((r) => r.id === pending.id);
      expect(stored.receiptArtifactId).toBe('');
    });
  });
});
