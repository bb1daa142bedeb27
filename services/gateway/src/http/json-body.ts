import { DomainError, messageLanguage } from '@cobranza/platform';
import { json, raw, type NextFunction, type Request, type Response } from 'express';
import { bodyNotJsonError } from './request-shape';

/** A request whose body bytes are kept exactly as received. */
export interface RawBodyRequest extends Request {
  rawBody?: Buffer;
}

const keepRaw = (req: Request, _res: Response, buffer: Buffer): void => {
  (req as RawBodyRequest).rawBody = buffer;
};

const parse = json({ limit: '100kb', verify: keepRaw });

/**
 * Webhooks are signed over their exact bytes, and an unsigned or badly signed call must be
 * answered 401 even when it is not JSON: their bodies are kept raw and never parsed here (the
 * service that verifies the signature parses them).
 */
const WEBHOOK_PATH = /^\/v1\/webhooks\//;
const parseRaw = raw({ type: () => true, limit: '1mb' });

/**
 * Uploads (a payment report's receipt, the tenant's logo) are read as a stream by their route,
 * which checks the declared type, the size and the magic bytes while storing them: nothing here
 * touches their body.
 */
const STREAMED_UPLOADS: { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/v1\/payment-reports\/[^/]+\/receipt\/?$/ },
  { method: 'PUT', path: /^\/v1\/tenant\/logo\/?$/ },
];

/**
 * The JSON body parser, whose failures become problems with stable codes (the default parser's
 * errors other than malformed JSON would end as 500). The bytes read are kept as `req.rawBody`.
 */
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  if (STREAMED_UPLOADS.some((upload) => req.method === upload.method && upload.path.test(req.path))) {
    next();
    return;
  }
  if (WEBHOOK_PATH.test(req.path)) {
    parseRaw(req, res, (error?: unknown) => {
      if (error === undefined) {
        (req as RawBodyRequest).rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        req.body = undefined;
      }
      next(error === undefined ? undefined : toProblemError(error, '1 MB'));
    });
    return;
  }
  parse(req, res, (error?: unknown) => next(error === undefined ? undefined : toProblemError(error)));
}

function toProblemError(error: unknown, limit = '100 kB'): unknown {
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  const en = messageLanguage() === 'en';
  if (type === 'entity.parse.failed') return bodyNotJsonError();
  if (type === 'entity.too.large')
    return new DomainError('request.too_large', en ? `The body is larger than ${limit}.` : `El cuerpo ocupa más de ${limit}.`, 413);
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return new DomainError(
      'request.unsupported_encoding',
      en ? 'The body must be UTF-8 JSON, uncompressed or gzip/deflate.' : 'El cuerpo debe ser JSON en UTF-8, sin comprimir o en gzip/deflate.',
      415,
    );
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new DomainError('request.invalid', en ? 'The body could not be read.' : 'No se pudo leer el cuerpo.', status);
  return error;
}
