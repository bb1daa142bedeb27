import { toJsonString, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { createHash } from 'node:crypto';

/** Fingerprint of a request, to tell a retry (same data) from a reuse of its idempotency key. */
export function requestHash<D extends DescMessage>(schema: D, request: MessageShape<D>): string {
  return createHash('sha256').update(toJsonString(schema, request)).digest('hex');
}
