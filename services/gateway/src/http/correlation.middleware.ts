import { CORRELATION_HEADER, withRequestScope } from '@cobranza/platform';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Gives every request a correlation id (the caller's, if sane) and its Accept-Language, both of
 * which follow it over NATS to the services.
 */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(CORRELATION_HEADER);
  const id = incoming && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader(CORRELATION_HEADER, id);
  withRequestScope({ correlationId: id, locale: req.header('accept-language') ?? undefined }, next);
}
