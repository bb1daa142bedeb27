import type { MessageInitShape } from '@bufbuild/protobuf';
import type { SalesDocumentSchema } from '@cobranza/contracts';
import { Dec } from '../domain/decimal';
import { roundMoney } from '../domain/money';
import { displayNumber } from './document-rules';
import type { SalesDocument } from './sales-document.entity';

/** What is still owed; a voided document owes nothing. */
export function balanceOf(doc: SalesDocument): string {
  return roundMoney(doc.status === 'voided' ? 0 : new Dec(doc.total).minus(doc.paid), doc.currency);
}

export function toDocumentMessage(doc: SalesDocument): MessageInitShape<typeof SalesDocumentSchema> {
  const money = (value: string) => roundMoney(value, doc.currency);
  // A draft without a date of its own shows none: it is dated on the day it is issued.
  const undated = doc.status === 'draft' && doc.datedOnIssue;
  return {
    id: doc.id,
    tenantId: doc.tenantId,
    kind: doc.kind,
    status: doc.status,
    series: doc.series,
    letter: doc.letter,
    number: doc.number ?? 0,
    displayNumber: displayNumber(doc.series, doc.number, doc.letter),
    clientId: doc.clientId,
    clientCode: doc.clientCode,
    clientName: doc.clientName,
    currency: doc.currency,
    issueDate: undated ? '' : doc.issueDate,
    issueTime: doc.issueTime,
    paymentTermsDays: doc.paymentTermsDays,
    dueDate: undated ? '' : doc.dueDate,
    lines: doc.lines,
    gross: money(doc.gross),
    discount: money(doc.discount),
    net: money(doc.net),
    tax: money(doc.tax),
    total: money(doc.total),
    paid: money(doc.paid),
    balance: balanceOf(doc),
    operationId: doc.operationId,
    sourceDocumentId: doc.sourceDocumentId ?? '',
    batchId: doc.batchId,
    notes: doc.notes,
    createdAt: doc.createdAt.toISOString(),
  };
}
