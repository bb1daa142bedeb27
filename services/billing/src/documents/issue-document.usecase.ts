import { BillingEvents, IssueDocumentRequestSchema, SALES_DOCUMENT_KINDS, type IssueDocumentRequest } from '@cobranza/contracts';
import { OutboxRelay, recordEvent, type ProvisionedTenant } from '@cobranza/platform';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { domainError, fieldErrors, isUuid, notFound } from '../common/messages';
import { requestHash } from '../common/request-hash';
import { localTimeOf } from '../common/local-time';
import { dueDateOf, isLocalDate, localDateOf } from '../domain/calendar';
import { computeTotals, validateLine, type LineInput } from '../domain/document-totals';
import { minorUnits } from '../domain/money';
import { BillingTenants } from '../tenants/billing-tenants';
import { canBeMadeFrom, isClockTime, isSalesDocumentKind } from './document-rules';
import { toDocumentMessage } from './document.mapper';
import { SalesDocument, type StoredLine } from './sales-document.entity';

const MAX_LINES = 500;

export interface IssueOptions {
  /** Set by batch issuing: the run the document belongs to. */
  batchId?: string;
}

/** A request checked and resolved (tenant, client, source, totals): what issuing and drafts share. */
export interface PreparedDocument {
  tenant: ProvisionedTenant;
  client: { id: string; code: string; legalName: string };
  kind: string;
  series: string;
  letter: string;
  currency: string;
  /** As requested: empty means today (issuing) or the day it is issued (a draft). */
  issueDate: string;
  issueTime: string;
  paymentTermsDays: number;
  lines: StoredLine[];
  totals: { gross: string; discount: string; net: string; tax: string; total: string };
  source: SalesDocument | null;
  notes: string;
}

/** The fields of IssueDocumentRequest that describe the document (not the call). */
export type DocumentFields = Omit<IssueDocumentRequest, '$typeName' | '$unknown' | 'idempotencyKey'>;

/**
 * Issues a sales document with the next number of its series. The number comes from a counter
 * row locked in the same transaction, so concurrent issues get consecutive numbers and a
 * rolled-back one leaves no gap. An idempotency key returns the first document for every retry.
 * Drafts (DraftsUseCases) go through the same `prepare` and `number`.
 */
@Injectable()
export class IssueDocumentUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: BillingTenants,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(request: IssueDocumentRequest, options: IssueOptions = {}) {
    const hash = requestHash(IssueDocumentRequestSchema, request);
    const key = request.idempotencyKey.trim() || null;
    if (key) {
      const existing = await this.byKey(request.tenantId, key, hash);
      if (existing) return existing;
    }
    const prepared = await this.prepare(request);
    const now = new Date();
    try {
      const document = await this.em.transactional(async (tx) => {
        const id = randomUUID();
        const doc = tx.create(SalesDocument, {
          id,
          ...documentData(prepared, now, false),
          status: 'issued',
          operationId: prepared.source?.operationId ?? id,
          batchId: options.batchId ?? '',
          idempotencyKey: key,
          requestHash: hash,
          createdAt: now,
          voidReason: '',
        });
        await this.number(tx, doc);
        return doc;
      });
      this.relay.kick();
      return toDocumentMessage(document);
    } catch (error) {
      // A concurrent retry with the same key won the race: answer with its document.
      if (key && error instanceof UniqueConstraintViolationException) {
        const existing = await this.byKey(request.tenantId, key, hash);
        if (existing) return existing;
      }
      throw error;
    }
  }

  /**
   * Every check of issuing (fields, tenant, client, source) and the totals, without storing
   * anything: a draft is saved from it, and issuing a draft checks it again.
   */
  async prepare(request: DocumentFields & { idempotencyKey?: string }): Promise<PreparedDocument> {
    const { lines, series, letter } = this.validate(request);
    const tenant = await this.tenants.get(request.tenantId);
    const client = await this.tenants.client(request.tenantId, request.clientId);
    const currency = (request.currency || client.currency).toUpperCase();
    const source = request.sourceDocumentId ? await this.source(request, client.id) : null;
    const totals = computeTotals(lines, currency);
    return {
      tenant,
      client: { id: client.id, code: client.code, legalName: client.legalName },
      kind: request.kind,
      series,
      letter,
      currency,
      issueDate: request.issueDate,
      issueTime: request.issueTime,
      paymentTermsDays: request.paymentTermsDays,
      lines: lines.map((line, i) => ({ ...line, ...totals.lines[i] })),
      totals: { gross: totals.gross, discount: totals.discount, net: totals.net, tax: totals.tax, total: totals.total },
      source,
      notes: request.notes.trim(),
    };
  }

  /**
   * Takes the next number of the document's series and marks it issued, recording
   * `document.issued` in the caller's transaction: the counter row stays locked until it ends.
   */
  async number(tx: EntityManager, doc: SalesDocument): Promise<void> {
    doc.number = await nextNumber(tx, doc.tenantId, doc.kind, doc.series, doc.letter);
    doc.status = 'issued';
    recordEvent(tx, BillingEvents.documentIssued, { document: toDocumentMessage(doc) });
  }

  /** Every field problem of the request at once; throws validation_failed when there is any. */
  validate(request: DocumentFields & { idempotencyKey?: string }): { lines: LineInput[]; series: string; letter: string } {
    const key = request.idempotencyKey?.trim() || null;
    const lines = request.lines.map<LineInput>((l) => ({
      description: l.description.trim(),
      quantity: l.quantity.trim(),
      unitPrice: l.unitPrice.trim(),
      discountPercent: l.discountPercent.trim() || '0',
      taxRatePercent: l.taxRatePercent.trim() || '0',
    }));
    const errors = fieldErrors();
    const series = (request.series.trim() || '0001').padStart(4, '0');
    const letter = request.letter.trim();
    if (!isSalesDocumentKind(request.kind)) errors.add('kind', 'kind_invalid', { value: request.kind, allowed: SALES_DOCUMENT_KINDS.join(', ') });
    if (!/^\d{1,4}$/.test(series)) errors.add('series', 'series_invalid');
    if (letter && !/^[A-Z]$/.test(letter)) errors.add('letter', 'letter_invalid');
    if (request.issueDate && !isLocalDate(request.issueDate)) errors.add('issueDate', 'date_invalid');
    if (request.issueTime && !isClockTime(request.issueTime)) errors.add('issueTime', 'time_invalid');
    if (request.paymentTermsDays > 3650) errors.add('paymentTermsDays', 'terms_invalid');
    if (request.notes.length > 2000) errors.add('notes', 'too_long', { max: 2000 });
    if (key && key.length > 200) errors.add('idempotencyKey', 'too_long', { max: 200 });
    if (lines.length === 0) errors.add('lines', 'lines_required');
    if (lines.length > MAX_LINES) errors.add('lines', 'too_many_lines', { max: MAX_LINES });
    lines.forEach((line, i) => validateLine(line).forEach((p) => errors.add(`lines[${i}].${p.field}`, p.code)));
    if (request.currency && !validCurrency(request.currency)) errors.add('currency', 'currency_invalid');
    errors.throwIfAny();
    return { lines, series, letter };
  }

  private async byKey(tenantId: string, key: string, hash: string) {
    if (!isUuid(tenantId)) throw notFound('tenant.not_found');
    const existing = await this.em.fork().findOne(SalesDocument, { tenantId, idempotencyKey: key });
    if (!existing) return null;
    if (existing.requestHash !== hash) throw domainError('document.idempotency_conflict', 422, { key });
    return toDocumentMessage(existing);
  }

  private async source(request: DocumentFields, clientId: string): Promise<SalesDocument> {
    const source = isUuid(request.sourceDocumentId)
      ? await this.em.findOne(SalesDocument, { id: request.sourceDocumentId, tenantId: request.tenantId })
      : null;
    if (!source) throw notFound('document.not_found');
    // A draft has no number yet: nothing is made from it until it is issued.
    if (source.clientId !== clientId || source.status === 'voided' || source.status === 'draft' || !canBeMadeFrom(request.kind, source.kind)) {
      const errors = fieldErrors();
      errors.add('sourceDocumentId', 'source_invalid', { kind: request.kind, source: source.kind });
      errors.throwIfAny();
    }
    return source;
  }
}

/**
 * The stored fields of a prepared document as of `now`. Issuing dates it today and stamps the time
 * when the request did not; a draft keeps what was asked (`datedOnIssue` when no date).
 */
export function documentData(prepared: PreparedDocument, now: Date, draft: boolean) {
  const timezone = prepared.tenant.timezone;
  const issueDate = prepared.issueDate || localDateOf(now, timezone);
  return {
    tenantId: prepared.tenant.id,
    kind: prepared.kind,
    series: prepared.series,
    letter: prepared.letter,
    clientId: prepared.client.id,
    clientCode: prepared.client.code,
    clientName: prepared.client.legalName,
    currency: prepared.currency,
    issueDate,
    issueTime: prepared.issueTime || (draft ? '' : localTimeOf(now, timezone)),
    datedOnIssue: draft && !prepared.issueDate,
    paymentTermsDays: prepared.paymentTermsDays,
    dueDate: dueDateOf(issueDate, prepared.paymentTermsDays),
    lines: prepared.lines,
    ...prepared.totals,
    paid: '0',
    sourceDocumentId: prepared.source?.id ?? null,
    notes: prepared.notes,
  };
}

function validCurrency(code: string): boolean {
  if (!/^[A-Za-z]{3}$/.test(code)) return false;
  try {
    minorUnits(code.toUpperCase());
    return true;
  } catch {
    return false;
  }
}

/** UPSERT on the counter row: it stays locked until the issuing transaction ends. */
async function nextNumber(tx: EntityManager, tenantId: string, kind: string, series: string, letter: string): Promise<number> {
  const [row] = await tx.getConnection().execute<Array<{ number: number }>>(
    `insert into numbering_counter (tenant_id, kind, series, letter, next_number) values (?, ?, ?, ?, 2)
     on conflict (tenant_id, kind, series, letter) do update set next_number = numbering_counter.next_number + 1
     returning next_number - 1 as number`,
    [tenantId, kind, series, letter],
    'all',
    tx.getTransactionContext(),
  );
  return Number(row.number);
}
