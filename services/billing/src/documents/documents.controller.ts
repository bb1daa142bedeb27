import {
  BillingEvents,
  BillingRpc,
  type CreateDraftRequest,
  type DeleteDraftRequest,
  type GetDocumentRequest,
  type IssueBatchRequest,
  type IssueDocumentRequest,
  type IssueDraftRequest,
  type ListDocumentsRequest,
  type UpdateDraftRequest,
  type VoidDocumentRequest,
} from '@cobranza/contracts';
import { OutboxRelay, recordEvent } from '@cobranza/platform';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IssueBatchUseCase } from '../batches/issue-batch.usecase';
import { domainError, fieldErrors, isUuid, message, notFound } from '../common/messages';
import { Dec } from '../domain/decimal';
import { toDocumentMessage } from './document.mapper';
import { isSalesDocumentKind } from './document-rules';
import { DraftsUseCases } from './drafts.usecases';
import { IssueDocumentUseCase } from './issue-document.usecase';
import { SalesDocument } from './sales-document.entity';

@Controller()
export class DocumentsController {
  constructor(
    private readonly issue: IssueDocumentUseCase,
    private readonly batch: IssueBatchUseCase,
    private readonly drafts: DraftsUseCases,
    private readonly em: EntityManager,
    private readonly relay: OutboxRelay,
  ) {}

  @MessagePattern(BillingRpc.issueDocument.subject)
  issueDocument(@Payload() request: IssueDocumentRequest) {
    return this.issue.execute(request);
  }

  @MessagePattern(BillingRpc.issueBatch.subject)
  issueBatch(@Payload() request: IssueBatchRequest) {
    return this.batch.execute(request);
  }

  @MessagePattern(BillingRpc.createDraft.subject)
  createDraft(@Payload() request: CreateDraftRequest) {
    return this.drafts.create(request);
  }

  @MessagePattern(BillingRpc.updateDraft.subject)
  updateDraft(@Payload() request: UpdateDraftRequest) {
    return this.drafts.update(request);
  }

  @MessagePattern(BillingRpc.deleteDraft.subject)
  deleteDraft(@Payload() request: DeleteDraftRequest) {
    return this.drafts.delete(request);
  }

  @MessagePattern(BillingRpc.issueDraft.subject)
  issueDraft(@Payload() request: IssueDraftRequest) {
    return this.drafts.issueDraft(request);
  }

  @MessagePattern(BillingRpc.getDocument.subject)
  async get(@Payload() request: GetDocumentRequest) {
    return toDocumentMessage(await this.find(request.tenantId, request.id));
  }

  @MessagePattern(BillingRpc.listDocuments.subject)
  async list(@Payload() request: ListDocumentsRequest) {
    const errors = fieldErrors();
    const pageSize = request.pageSize || 20;
    if (pageSize > 100) errors.add('pageSize', 'page_size_invalid');
    if (request.kind && !isSalesDocumentKind(request.kind)) errors.add('kind', 'kind_invalid', { value: request.kind, allowed: 'quote, order, remission, invoice, credit_note' });
    if (request.clientId && !isUuid(request.clientId)) errors.add('clientId', 'filter_invalid', { value: request.clientId });
    errors.throwIfAny();
    if (!isUuid(request.tenantId)) throw notFound('tenant.not_found');
    const where: Record<string, unknown> = { tenantId: request.tenantId };
    if (request.clientId) where.clientId = request.clientId;
    if (request.kind) where.kind = request.kind;
    // Drafts are listed only when asked for (status=draft).
    where.status = request.status ? request.status : { $ne: 'draft' };
    const page = Math.max(1, request.page || 1);
    const [items, total] = await this.em.findAndCount(SalesDocument, where, {
      orderBy: { issueDate: 'desc', createdAt: 'desc', id: 'asc' },
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items: items.map(toDocumentMessage), page, pageSize, total };
  }

  /** Voiding keeps the number (no gaps) and takes the document off the statement. */
  @MessagePattern(BillingRpc.voidDocument.subject)
  async void(@Payload() request: VoidDocumentRequest) {
    const voided = await this.em.transactional(async (tx) => {
      const doc = isUuid(request.id) && isUuid(request.tenantId)
        ? await tx.findOne(SalesDocument, { id: request.id, tenantId: request.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!doc) throw notFound('document.not_found');
      if (doc.status === 'voided') throw domainError('document.not_voidable', 409, { reason: message('already_voided') });
      if (doc.status === 'draft') throw domainError('document.not_voidable', 409, { reason: message('is_draft') });
      if (!new Dec(doc.paid).isZero()) throw domainError('document.not_voidable', 409, { reason: message('has_payments') });
      doc.status = 'voided';
      doc.voidedAt = new Date();
      doc.voidReason = request.reason.trim().slice(0, 500);
      recordEvent(tx, BillingEvents.documentVoided, { document: toDocumentMessage(doc) });
      return doc;
    });
    this.relay.kick();
    return toDocumentMessage(voided);
  }

  private async find(tenantId: string, id: string): Promise<SalesDocument> {
    const doc = isUuid(id) && isUuid(tenantId) ? await this.em.findOne(SalesDocument, { id, tenantId }) : null;
    if (!doc) throw notFound('document.not_found');
    return doc;
  }
}
