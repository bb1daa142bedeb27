import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry tracing, on only when an OTLP endpoint is configured
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, the standard variables).
 * Off, the API is a no-op: no spans, no trace headers, no cost.
 */
let active: { provider: NodeTracerProvider; exporter: SpanExporter; resource: Resource } | undefined;

export function tracingEnabled(): boolean {
  return Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Called once at process start, before anything else runs; a second call is ignored. */
export function startTracing(serviceName: string): void {
  if (active || !tracingEnabled()) return;
  const resource = new Resource({ 'service.name': process.env.OTEL_SERVICE_NAME || serviceName });
  const exporter = new OTLPTraceExporter();
  const provider = new NodeTracerProvider({ resource });
  provider.addSpanProcessor(new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000 }));
  provider.register({ propagator: new W3CTraceContextPropagator() });
  active = { provider, exporter, resource };
}

/** Flushes and stops the exporter; spans still buffered are sent first. */
export async function stopTracing(): Promise<void> {
  const current = active;
  active = undefined;
  await current?.provider.shutdown();
}

/** The exporter and resource, for the Temporal worker's workflow span exporter (a sink). */
export function tracingExport(): { exporter: SpanExporter; resource: Resource } | undefined {
  return active && { exporter: active.exporter, resource: active.resource };
}

const tracer = () => trace.getTracer('cobranza');

/** Writes the current trace context into a header carrier (NATS headers, an outbox row). */
export function injectTraceContext(set: (key: string, value: string) => void, from: Context = context.active()): void {
  propagation.inject(from, undefined, { set: (_carrier, key, value) => set(key, value) });
}

/** Reads a trace context written by injectTraceContext; headers without one give the active context. */
export function extractTraceContext(get: (key: string) => string | undefined, keys: () => string[]): Context {
  return propagation.extract(context.active(), undefined, { get: (_carrier, key) => get(key), keys: () => keys() });
}

/**
 * Runs `fn` in a new span, child of `parent` (default: the active context). The span records
 * an error and ends when `fn` settles; `onResult` may add attributes from the result.
 */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, options.parent ?? context.active(), async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
      throw error;
    } finally {
      span.end();
    }
  });
}

export { context as traceContext, SpanKind, SpanStatusCode, trace };
