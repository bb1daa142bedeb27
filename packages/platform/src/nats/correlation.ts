import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What follows one request across processes: its correlation id (`x-correlation-id`) and the
 * language its messages are written in (`accept-language`), carried in NATS and HTTP headers.
 */
export const CORRELATION_HEADER = 'x-correlation-id';
export const LOCALE_HEADER = 'accept-language';

interface RequestScope {
  correlationId: string;
  locale?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** The request's language as given by the caller (for example "en" or "es-VE"), if any. */
export function currentLocale(): string | undefined {
  return storage.getStore()?.locale;
}

/** "en" when the caller asked for English first, else "es" (Spanish is the default). */
export function messageLanguage(locale = currentLocale()): 'es' | 'en' {
  return locale?.trim().toLowerCase().startsWith('en') ? 'en' : 'es';
}

export function withRequestScope<T>(scope: { correlationId?: string; locale?: string }, fn: () => T): T {
  const id = scope.correlationId && scope.correlationId.length <= 128 ? scope.correlationId : randomUUID();
  const locale = scope.locale?.slice(0, 64) || undefined;
  return storage.run({ correlationId: id, locale }, fn);
}

export function withCorrelationId<T>(id: string | undefined, fn: () => T): T {
  return withRequestScope({ correlationId: id }, fn);
}
