import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import {
  IssueDocumentRequestSchema,
  IssueDraftRequestSchema,
  type CreateDraftRequest,
  type DeleteDraftRequest,
  type IssueDocumentRequest,
  type IssueDraftRequest,
  type UpdateDraftRequest,
} from '@cobranza/contracts';
import { DomainError, OutboxRelay } from '@cobranza/platform';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { domainError, fieldErrors, isUuid, notFound } from '../common/messages';
import { requestHash } from '../common/request-hash';
import { displayNumber } from './document-rules';
import { toDocumentMessage } from './document.mapper';
import { documentData, IssueDocumentUseCase, type PreparedDocument } from './issue-document.usecase';
import { SalesDocument } from './sales-document.entity';

const NOT_A_DRAFT = 'draft.not_editable';

/**
 * Drafts: sales documents saved with status `draft` and no number, to edit, delete or issue later.
 * They are checked exactly like an issue (IssueDocumentUseCase.prepare) when saved and again when
 * issued; issuing takes the number through IssueDocumentUseCase.number, in the same locked-counter
 * transaction as any issue, so drafts never use, hold or skip a number. Statements, receivables,
 * payments and the sales history never see them.
 */
@Injectable()
export class DraftsUseCases {
  constructor(
    private readonly em: EntityManager,
    private readonly issue: IssueDocumentUseCase,
    private readonly relay: OutboxRelay,
  ) {}

  async create(request: CreateDraftRequest) {
    const prepared = await this.issue.prepare(asIssueRequest(request));
    const now = new Date();
    const id = randomUUID();
    const draft = this.em.create(SalesDocument, {
      id,
      ...documentData(prepared, now, true),
      status: 'draft',
      number: null,
      operationId: prepared.source?.operationId ?? id,
      batchId: '',
      idempotencyKey: null,
      requestHash: '',
      createdAt: now,
      voidReason: '',
    });
    await this.em.flush();
    return toDocumentMessage(draft);
  }

  /** Replaces every field of the draft; an issued document answers 409 `draft.not_editable`. */
  async update(request: UpdateDraftRequest) {
    await this.draft(this.em.fork(), request.tenantId, request.id);
    const prepared = await this.issue.prepare(asIssueRequest(request));
    const updated = await this.em.transactional(async (tx) => {
      const draft = await this.draft(tx, request.tenantId, request.id, true);
      Object.assign(draft, draftFields(draft, prepared, new Date()));
      return draft;
    });
    return toDocumentMessage(updated);
  }

  /** Deletes a draft; a numbered document is never deleted (it is voided instead). */
  async delete(request: DeleteDraftRequest) {
    return this.em.transactional(async (tx) => {
      const draft = await this.draft(tx, request.tenantId, request.id, true);
      const reply = toDocumentMessage(draft);
      tx.remove(draft);
      return reply;
    });
  }

  /**
   * Issues the draft: the same checks as issuing (the client's data is taken again), the next
   * number from the locked counter, status issued and `document.issued` in one transaction. The
   * same idempotency key answers the same document, also to a concurrent retry.
   */
  async issueDraft(request: IssueDraftRequest) {
    const key = request.idempotencyKey.trim() || null;
    const hash = requestHash(IssueDraftRequestSchema, request);
    if (key) {
      if (key.length > 200) {
        const errors = fieldErrors();
        errors.add('idempotencyKey', 'too_long', { max: 200 });
        errors.throwIfAny();
      }
      const existing = await this.byKey(request.tenantId, key, hash);
      if (existing) return existing;
    }
    try {
      const stored = await this.draft(this.em.fork(), request.tenantId, request.id);
      const prepared = await this.issue.prepare(storedRequest(stored));
      const issued = await this.em.transactional(async (tx) => {
        const draft = await this.draft(tx, request.tenantId, request.id, true);
        const now = new Date();
        Object.assign(draft, documentData(prepared, now, false), {
          operationId: prepared.source?.operationId ?? draft.id,
          idempotencyKey: key,
          requestHash: hash,
          createdAt: now,
        });
        await this.issue.number(tx, draft);
        return draft;
      });
      this.relay.kick();
      return toDocumentMessage(issued);
    } catch (error) {
      // A concurrent retry with the same key issued it first: answer with that document.
      const lostRace = error instanceof UniqueConstraintViolationException || (error instanceof DomainError && error.code === NOT_A_DRAFT);
      if (key && lostRace) {
        const existing = await this.byKey(request.tenantId, key, hash);
        if (existing) return existing;
      }
      throw error;
    }
  }

  /** The tenant's draft (404 for an unknown or malformed id, 409 once issued), locked when asked. */
  private async draft(em: EntityManager, tenantId: string, id: string, lock = false): Promise<SalesDocument> {
    const found =
      isUuid(id) && isUuid(tenantId)
        ? await em.findOne(SalesDocument, { id, tenantId }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {})
        : null;
    if (!found) throw notFound('document.not_found');
    if (found.status !== 'draft')
      throw domainError(NOT_A_DRAFT, 409, { number: displayNumber(found.series, found.number, found.letter), status: found.status });
    return found;
  }

  private async byKey(tenantId: string, key: string, hash: string) {
    if (!isUuid(tenantId)) throw notFound('tenant.not_found');
    const existing = await this.em.fork().findOne(SalesDocument, { tenantId, idempotencyKey: key });
    if (!existing) return null;
    if (existing.requestHash !== hash) throw domainError('document.idempotency_conflict', 422, { key });
    return toDocumentMessage(existing);
  }
}

/** A draft's fields from a prepared request: as asked, without a number. */
function draftFields(draft: SalesDocument, prepared: PreparedDocument, now: Date) {
  return { ...documentData(prepared, now, true), operationId: prepared.source?.operationId ?? draft.id };
}

/** The issue request a draft's fields make, so that they are checked by the same rules. */
function asIssueRequest(request: CreateDraftRequest | UpdateDraftRequest): IssueDocumentRequest {
  return create(IssueDocumentRequestSchema, {
    tenantId: request.tenantId,
    kind: request.kind,
    clientId: request.clientId,
    series: request.series,
    letter: request.letter,
    currency: request.currency,
    issueDate: request.issueDate,
    issueTime: request.issueTime,
    paymentTermsDays: request.paymentTermsDays,
    lines: request.lines,
    sourceDocumentId: request.sourceDocumentId,
    notes: request.notes,
  });
}

/** The issue request a stored draft stands for. */
function storedRequest(draft: SalesDocument): IssueDocumentRequest {
  return create(IssueDocumentRequestSchema, {
    tenantId: draft.tenantId,
    kind: draft.kind,
    clientId: draft.clientId,
    series: draft.series,
    letter: draft.letter,
    currency: draft.currency,
    issueDate: draft.datedOnIssue ? '' : draft.issueDate,
    issueTime: draft.issueTime,
    paymentTermsDays: draft.paymentTermsDays,
    lines: draft.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      taxRatePercent: l.taxRatePercent,
    })),
    sourceDocumentId: draft.sourceDocumentId ?? '',
    notes: draft.notes,
  });
}
