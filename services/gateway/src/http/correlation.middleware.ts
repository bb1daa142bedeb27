import { CORRELATION_HEADER, withCorrelationId } from '@cobranza/platform';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Gives every request a correlation id (the caller's, if sane) that follows it over NATS. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(CORRELATION_HEADER);
  const id = incoming && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader(CORRELATION_HEADER, id);
  withCorrelationId(id, next);
}
