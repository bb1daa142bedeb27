import type { DeliverySchema } from '@cobranza/contracts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { message } from '../common/messages';
import type { Delivery, DeliveryStatusEvent } from './delivery.entity';

/**
 * History is shown in the lifecycle's order: each status appears once, and provider timestamps
 * (whole seconds) may fall before the instant this service recorded "accepted".
 */
const LIFECYCLE = ['sending', 'unknown', 'accepted', 'sent', 'delivered', 'read', 'failed'];
const lifecycleRank = (status: string): number => {
  const rank = LIFECYCLE.indexOf(status);
  return rank < 0 ? LIFECYCLE.length : rank;
};

/** What a delivery's outcome means for people, in the request's language. */
export function noteOf(d: Delivery): string {
  if (d.fallback === 'portal_link') return message('note.portal_link');
  if (d.status === 'unknown') return message('note.unknown');
  if (d.status === 'failed') return message(d.errorKind === 'transient' ? 'note.transient' : 'note.permanent');
  if (d.status === 'accepted' && d.channel === 'email') return message('note.accepted_email');
  return '';
}

export function toDeliveryMessage(d: Delivery, history: DeliveryStatusEvent[], replayed = false): MessageInitShape<typeof DeliverySchema> {
  return {
    id: d.id,
    tenantId: d.tenantId,
    deliveryKey: d.deliveryKey,
    attempt: d.attempt,
    channel: d.channel,
    clientId: d.clientId ?? '',
    documentKind: d.documentKind,
    recipients: d.recipients,
    copyTo: d.copyTo ?? '',
    artifactIds: d.artifactIds,
    referenceIds: d.referenceIds ?? [],
    providerMessageId: d.providerMessageId ?? '',
    status: d.status,
    history: [...history]
      .sort((a, b) => lifecycleRank(a.status) - lifecycleRank(b.status) || a.occurredAt.getTime() - b.occurredAt.getTime() || Number(a.id) - Number(b.id))
      .map((h) => ({
        status: h.status,
        at: h.occurredAt.toISOString(),
        source: h.source,
        errorCode: h.errorCode ?? '',
        detail: h.detail ?? '',
      })),
    errorCode: d.errorCode ?? '',
    errorMessage: d.errorMessage ?? '',
    errorKind: d.errorKind ?? '',
    fallback: d.fallback ?? '',
    note: noteOf(d),
    subject: d.subject ?? '',
    sender: d.sender ?? '',
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    replayed,
  };
}
