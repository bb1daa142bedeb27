import { defaultPayloadConverter, type Headers } from '@temporalio/common';

/**
 * The request's correlation id travels through Temporal as a header on workflow starts, signals,
 * updates, activities and children, so the logs of a workflow's activities, and the NATS calls
 * they make, name the HTTP request or event that started it. Deterministic: usable in workflows.
 */
export const CORRELATION_TEMPORAL_HEADER = 'x-correlation-id';

export function withCorrelationHeader(headers: Headers, correlationId: string | undefined): Headers {
  if (!correlationId) return headers;
  return { ...headers, [CORRELATION_TEMPORAL_HEADER]: defaultPayloadConverter.toPayload(correlationId) };
}

export function correlationFromHeaders(headers: Headers | undefined): string | undefined {
  const payload = headers?.[CORRELATION_TEMPORAL_HEADER];
  if (!payload) return undefined;
  const value = defaultPayloadConverter.fromPayload<unknown>(payload);
  return typeof value === 'string' ? value : undefined;
}
