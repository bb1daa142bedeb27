import { DomainError, messageLanguage } from '@cobranza/platform';
import { json, type NextFunction, type Request, type Response } from 'express';
import { bodyNotJsonError } from './request-shape';

const parse = json({ limit: '100kb' });

/**
 * The JSON body parser, whose failures become problems with stable codes (the default parser's
 * errors other than malformed JSON would end as 500).
 */
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  parse(req, res, (error?: unknown) => next(error === undefined ? undefined : toProblemError(error)));
}

function toProblemError(error: unknown): unknown {
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  const en = messageLanguage() === 'en';
  if (type === 'entity.parse.failed') return bodyNotJsonError();
  if (type === 'entity.too.large')
    return new DomainError('request.too_large', en ? 'The body is larger than 100 kB.' : 'El cuerpo ocupa más de 100 kB.', 413);
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
