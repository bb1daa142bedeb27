import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * X-Hub-Signature-256 is "sha256=" and the lowercase hex HMAC-SHA256 of the raw body with the
 * app secret. Compared in constant time over the bytes exactly as received.
 */
export function verifySignature(rawBody: Uint8Array, header: string, appSecret: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signBody(rawBody: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** One status of one message, as the webhook carries it. */
export interface WebhookStatus {
  messageId: string;
  status: string;
  occurredAt: Date;
  recipientId: string;
  callbackData: string;
  errorCode: string;
  errorMessage: string;
}

const KNOWN = new Set(['sent', 'delivered', 'read', 'failed']);

/**
 * The statuses of a `whatsapp_business_account` payload (entry[].changes[].value.statuses[]).
 * Incoming customer messages and unknown statuses ("played") are left out.
 */
export function parseStatuses(payload: unknown): WebhookStatus[] {
  const out: WebhookStatus[] = [];
  const entries = asArray((payload as { entry?: unknown })?.entry);
  for (const entry of entries) {
    for (const change of asArray((entry as { changes?: unknown })?.changes)) {
      const value = (change as { value?: { statuses?: unknown } })?.value;
      for (const raw of asArray(value?.statuses)) {
        const s = raw as Record<string, unknown>;
        if (typeof s.id !== 'string' || typeof s.status !== 'string' || !KNOWN.has(s.status)) continue;
        const seconds = Number(s.timestamp);
        const errors = asArray(s.errors) as Array<{ code?: unknown; title?: unknown; message?: unknown; error_data?: { details?: unknown } }>;
        const first = errors[0];
        out.push({
          messageId: s.id,
          status: s.status,
          occurredAt: Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date(),
          recipientId: typeof s.recipient_id === 'string' ? s.recipient_id : '',
          callbackData: typeof s.biz_opaque_callback_data === 'string' ? s.biz_opaque_callback_data : '',
          errorCode: first && typeof first.code === 'number' ? `whatsapp.${first.code}` : '',
          errorMessage: first
            ? [first.title, first.message, first.error_data?.details].filter((v): v is string => typeof v === 'string' && v !== '').join(': ')
            : '',
        });
      }
    }
  }
  return out;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
