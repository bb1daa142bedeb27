import { envInt, METRICS_CONTENT_TYPE } from '@cobranza/platform';
import { createServer } from 'node:http';
import { installWorkerTelemetry } from './observability/worker-telemetry';
import { startWorkerRuntime } from './runtime';

async function main(): Promise<void> {
  const telemetry = installWorkerTelemetry();
  const runtime = await startWorkerRuntime();
  // Liveness, readiness and metrics for Kubernetes; the worker has no other HTTP surface.
  const server = createServer((req, res) => {
    if (req.url === '/health/live') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.url === '/health/ready') {
      void runtime.responder.status().then((checks) => {
        const ready = Object.values(checks).every((v) => v === 'ok');
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ready, checks }));
      });
      return;
    }
    if (req.url === '/metrics') {
      void telemetry.metrics().then((text) => res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text));
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(envInt('HTTP_PORT', 3005), process.env.HTTP_HOST ?? '0.0.0.0');
  const shutdown = () => {
    server.close();
    void runtime
      .stop()
      .then(() => telemetry.stop())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
