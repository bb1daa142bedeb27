import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from 'prom-client';

/**
 * The process's Prometheus registry, served at /metrics by every service, the gateway and the
 * worker. Metric objects are created once per process and shared: several services started in
 * one process (the tests) add their `service` label instead of registering twice.
 */
export const metricsRegistry = new Registry();
// The standard process_* and nodejs_* series, under the names dashboards expect.
collectDefaultMetrics({ register: metricsRegistry });

/** Seconds buckets from 5 ms to 2 min: NATS requests are fast, renders and sends are not. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

function existing<T>(name: string): T | undefined {
  return metricsRegistry.getSingleMetric(name) as T | undefined;
}

export function histogram<L extends string>(config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
  return existing<Histogram<L>>(config.name) ?? new Histogram({ buckets: LATENCY_BUCKETS, ...config, registers: [metricsRegistry] });
}

export function counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
  return existing<Counter<L>>(config.name) ?? new Counter({ ...config, registers: [metricsRegistry] });
}

export function gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
  return existing<Gauge<L>>(config.name) ?? new Gauge({ ...config, registers: [metricsRegistry] });
}

/** ok, or the error's class: client_error (4xx, the caller's fault) or server_error (5xx, ours). */
export function outcomeOf(status: number): 'ok' | 'client_error' | 'server_error' {
  if (status < 400) return 'ok';
  return status < 500 ? 'client_error' : 'server_error';
}

/** Request rate, errors and latency of every NATS subject a service answers. */
export const rpcServerDuration = histogram({
  name: 'cobranza_rpc_server_duration_seconds',
  help: 'Time to answer a NATS request, by service, subject and outcome (ok, client_error, server_error).',
  labelNames: ['service', 'subject', 'outcome'] as const,
});

/** The caller's view of the same requests: includes the network and "no responders". */
export const rpcClientDuration = histogram({
  name: 'cobranza_rpc_client_duration_seconds',
  help: 'Time a NATS request took as seen by the caller, by subject and outcome (ok, client_error, server_error, unavailable).',
  labelNames: ['subject', 'outcome'] as const,
});

/** Request rate, errors and latency of every HTTP route of the gateway (the route, not the URL). */
export const httpRequestDuration = histogram({
  name: 'cobranza_http_request_duration_seconds',
  help: 'Time to answer an HTTP request at the gateway, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
});

/** The text Prometheus scrapes, plus whatever else the process exposes (the Temporal worker's own). */
export async function metricsText(): Promise<string> {
  return metricsRegistry.metrics();
}

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;
