import { extractTraceContext, httpRequestDuration, SpanKind, SpanStatusCode, trace, traceContext } from '@cobranza/platform';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/**
 * Times and logs every request by its route pattern (/v1/clients/:id, never the URL, so ids
 * neither explode the series nor reach the logs) and, with tracing on, opens the server span the
 * NATS calls continue.
 */
export const observabilityMiddleware = (logger: Logger) => (req: Request, res: Response, next: NextFunction): void => {
  const stopTimer = httpRequestDuration.startTimer({ method: req.method });
  const parent = extractTraceContext((key) => req.header(key) ?? undefined, () => Object.keys(req.headers));
  const span = trace.getTracer('cobranza').startSpan(`HTTP ${req.method}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent);
  res.once('finish', () => {
    const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
    const seconds = stopTimer({ route, status: String(res.statusCode) });
    const correlationId = res.getHeader('x-correlation-id')?.toString();
    logger.info({ correlationId, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request completed');
    span.updateName(`${req.method} ${route}`);
    span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  traceContext.with(trace.setSpan(parent, span), next);
};
