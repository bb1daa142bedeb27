import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The correlation id of the request being handled, carried in the `x-correlation-id` NATS/HTTP header. */
export const CORRELATION_HEADER = 'x-correlation-id';
const storage = new AsyncLocalStorage<string>();

export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}

export function withCorrelationId<T>(id: string | undefined, fn: () => T): T {
  return storage.run(id && id.length <= 128 ? id : randomUUID(), fn);
}
