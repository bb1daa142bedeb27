import { createLogger, envInt, metricsText, startTracing, stopTracing } from '@cobranza/platform';
import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import type { Logger } from 'pino';

const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * Process-wide telemetry of the worker, installed once before any Temporal connection: the SDK's
 * own logs (workflow and activity `log`, core) go to the same JSON logger as everything else, and
 * the SDK's worker metrics (task slots, poll latency, workflow and activity outcomes) are
 * exported by core on a local Prometheus port that /metrics merges with our own series.
 */
export function installWorkerTelemetry(): { logger: Logger; metrics: () => Promise<string>; stop: () => Promise<void> } {
  startTracing('workflows');
  const logger = createLogger('workflows');
  const corePort = envInt('TEMPORAL_METRICS_PORT', 9464);
  Runtime.install({
    // main.ts stops the worker on SIGTERM itself, after the NATS consumers.
    shutdownSignals: [],
    logger: new DefaultLogger('INFO', (entry: LogEntry) => logger[PINO_LEVEL[entry.level]]({ ...entry.meta, sdk: 'temporal' }, entry.message)),
    telemetryOptions: {
      logging: { forward: {} },
      metrics: { prometheus: { bindAddress: `127.0.0.1:${corePort}` } },
    },
  });
  return {
    logger,
    async metrics() {
      const core = await fetch(`http://127.0.0.1:${corePort}/metrics`)
        .then((res) => (res.ok ? res.text() : ''))
        .catch(() => '');
      return `${await metricsText()}\n${core}`;
    },
    stop: stopTracing,
  };
}
