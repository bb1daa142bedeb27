/** Where a message attempt stands. E-mail: sending, accepted, failed, unknown. WhatsApp adds sent, delivered, read. */
export const DELIVERY_STATUSES = ['sending', 'accepted', 'sent', 'delivered', 'read', 'failed', 'unknown'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const isDeliveryStatus = (value: string): value is DeliveryStatus => (DELIVERY_STATUSES as readonly string[]).includes(value);

/** Statuses reachable from each; anything else would move a status backwards or contradict it. */
const NEXT: Record<DeliveryStatus, readonly DeliveryStatus[]> = {
  sending: ['accepted', 'sent', 'delivered', 'read', 'failed', 'unknown'],
  // Unknown is reconciled by whatever the provider later says.
  unknown: ['accepted', 'sent', 'delivered', 'read', 'failed'],
  accepted: ['sent', 'delivered', 'read', 'failed'],
  sent: ['delivered', 'read', 'failed'],
  delivered: ['read'],
  read: [],
  failed: [],
};

/**
 * Whether a status may replace the current one. Webhooks arrive at least once and out of order:
 * a repeated or older status (delivered after read, sent after delivered) changes nothing, and a
 * message that reached the phone never becomes failed.
 */
export function canMove(from: string, to: string): boolean {
  if (!isDeliveryStatus(from) || !isDeliveryStatus(to)) return false;
  return NEXT[from].includes(to);
}

/** The outcome of an earlier attempt that a repeated delivery key answers instead of sending. */
export function decideForExistingAttempt(latest: { status: string; errorKind?: string | null } | undefined): 'send_first' | 'replay' | 'retry' | 'in_progress' {
  if (!latest) return 'send_first';
  if (latest.status === 'sending') return 'in_progress';
  if (latest.status === 'failed' && latest.errorKind === 'transient') return 'retry';
  return 'replay';
}

const DELIVERY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;
export const isDeliveryKey = (key: string): boolean => DELIVERY_KEY.test(key);

const REFERENCE_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const MAX_REFERENCE_IDS = 50;

/** Reference ids as stored and filtered on: trimmed, lowercased (uuids), once each. */
export function referenceIdsOf(ids: string[]): string[] {
  return [...new Set(ids.map((id) => id.trim().toLowerCase()).filter(Boolean))];
}

/** Up to 50 ids of 1 to 100 of [A-Za-z0-9._:-]. */
export const areReferenceIds = (ids: string[]): boolean => referenceIdsOf(ids).length <= MAX_REFERENCE_IDS && referenceIdsOf(ids).every((id) => REFERENCE_ID.test(id));
