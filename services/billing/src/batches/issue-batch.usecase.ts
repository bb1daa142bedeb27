import { BillingEvents, type IssueBatchRequest, type IssueDocumentRequest } from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { FieldErrors as BaseFieldErrors, OutboxRelay, recordEvent, ValidationError } from '@cobranza/platform';
import { fieldErrors, message } from '../common/messages';
import { IssueDocumentUseCase } from '../documents/issue-document.usecase';
import { BillingTenants } from '../tenants/billing-tenants';
import { BatchRun } from './batch-run.entity';

const MAX_ITEMS = 500;

/**
 * Issues many documents under one batch id (seed 003's "tareas comunes"). Every item is checked
 * first, so a bad one issues nothing; each item has the idempotency key `batch:<id>:<index>`, so
 * a batch retried after a failure continues where it stopped and never issues an item twice.
 * When all are issued, `batch.completed` says how many invoices each client got, once.
 */
@Injectable()
export class IssueBatchUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly issue: IssueDocumentUseCase,
    private readonly tenants: BillingTenants,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(request: IssueBatchRequest) {
    const errors = fieldErrors();
    const batchId = request.batchId.trim();
    if (!/^[\w.:-]{1,100}$/.test(batchId)) errors.add('batchId', 'batch_id_invalid');
    if (request.items.length === 0) errors.add('items', 'lines_required');
    if (request.items.length > MAX_ITEMS) errors.add('items', 'too_many_lines', { max: MAX_ITEMS });
    errors.throwIfAny();
    const items: IssueDocumentRequest[] = request.items.map((item, index) => ({
      ...item,
      tenantId: request.tenantId,
      idempotencyKey: `batch:${batchId}:${index}`,
    }));
    this.validateAll(items);
    await this.tenants.get(request.tenantId);
    for (const clientId of new Set(items.map((i) => i.clientId))) await this.tenants.client(request.tenantId, clientId);

    const documents = [];
    for (const item of items) documents.push(await this.issue.execute(item, { batchId }));
    // Automatic sending (seed 003) reads which invoices each client got, in issue order.
    const invoicesOf = new Map<string, string[]>();
    for (const doc of documents) if (doc.kind === 'invoice') invoicesOf.set(doc.clientId!, [...(invoicesOf.get(doc.clientId!) ?? []), doc.id!]);
    const perClient = [...invoicesOf].map(([clientId, ids]) => ({ clientId, invoices: ids.length, invoiceIds: ids }));
    await this.complete(request.tenantId, batchId, documents.length, perClient);
    return { batchId, documents, perClient };
  }

  /** All items' problems in one answer, named `items[i].field`. */
  private validateAll(items: IssueDocumentRequest[]): void {
    const all = new BaseFieldErrors(message);
    items.forEach((item, index) => {
      try {
        this.issue.validate(item);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        for (const [field, text] of Object.entries(error.details)) all.add(`items[${index}].${field}`, 'raw', { text });
      }
    });
    all.throwIfAny();
  }

  private async complete(tenantId: string, batchId: string, documents: number, perClient: Array<{ clientId: string; invoices: number; invoiceIds: string[] }>) {
    const done = await this.em.fork().findOne(BatchRun, { tenantId, batchId });
    if (done) return;
    try {
      await this.em.transactional(async (tx) => {
        tx.create(BatchRun, { tenantId, batchId, documents, completedAt: new Date() });
        recordEvent(tx, BillingEvents.batchCompleted, { tenantId, batchId, perClient, documents });
      });
      this.relay.kick();
    } catch (error) {
      // A concurrent run of the same batch completed it first: its event stands.
      if (!(await this.em.fork().findOne(BatchRun, { tenantId, batchId }))) throw error;
    }
  }
}
