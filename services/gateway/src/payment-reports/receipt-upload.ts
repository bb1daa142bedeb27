import { ArtifactStore, DomainError, messageLanguage, type ArtifactInfo } from '@cobranza/platform';
import type { Request } from 'express';
import { Transform, type TransformCallback } from 'node:stream';
import type { ProblemExample } from '../http/problem-responses';

/** The largest receipt accepted: a phone photo or a bank's PDF fits well under it. */
export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;

/** The artifact kind billing requires of a payment report's receipt. */
export const RECEIPT_ARTIFACT_KIND = 'payment_receipt';

/** The file types a receipt may be, their extension, and the magic bytes their content starts with. */
const RECEIPT_TYPES: Record<string, { extension: string; matches: (head: Buffer) => boolean }> = {
  'application/pdf': { extension: 'pdf', matches: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
  'image/jpeg': { extension: 'jpg', matches: (h) => h.length >= 3 && h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  'image/png': { extension: 'png', matches: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/webp': {
    extension: 'webp',
    matches: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
};

export const RECEIPT_MEDIA_TYPES = Object.keys(RECEIPT_TYPES);

/** Bytes needed to tell the types apart (WEBP: "RIFF" + size + "WEBP"). */
const HEAD_BYTES = 12;

type Lang = 'es' | 'en';
const MESSAGES = {
  typeNotAllowed: (lang: Lang, type: string) =>
    lang === 'en'
      ? `A receipt must be sent as image/jpeg, image/png, image/webp or application/pdf, not ${type || 'without Content-Type'}.`
      : `El comprobante debe enviarse como image/jpeg, image/png, image/webp o application/pdf, no ${type || 'sin Content-Type'}.`,
  typeMismatch: (lang: Lang, type: string) =>
    lang === 'en'
      ? `The file content is not ${type}: its first bytes do not match the declared Content-Type.`
      : `El contenido del archivo no es ${type}: sus primeros bytes no corresponden al Content-Type declarado.`,
  tooLarge: (lang: Lang) => (lang === 'en' ? 'The receipt is larger than 5 MB.' : 'El comprobante ocupa más de 5 MB.'),
  empty: (lang: Lang) => (lang === 'en' ? 'The receipt is empty: send the file as the body.' : 'El comprobante está vacío: envíe el archivo como cuerpo.'),
};

export const RECEIPT_TYPE_NOT_ALLOWED: ProblemExample = {
  status: 415,
  code: 'receipt.type_not_allowed',
  detail: 'El comprobante debe enviarse como image/jpeg, image/png, image/webp o application/pdf, no text/plain.',
};
export const RECEIPT_TYPE_MISMATCH: ProblemExample = {
  status: 415,
  code: 'receipt.type_mismatch',
  detail: 'El contenido del archivo no es application/pdf: sus primeros bytes no corresponden al Content-Type declarado.',
};
export const RECEIPT_TOO_LARGE: ProblemExample = { status: 413, code: 'receipt.too_large', detail: 'El comprobante ocupa más de 5 MB.' };
export const RECEIPT_EMPTY: ProblemExample = {
  status: 400,
  code: 'receipt.empty',
  detail: 'El comprobante está vacío: envíe el archivo como cuerpo.',
};

const lang = (): Lang => messageLanguage();
const tooLarge = () => new DomainError('receipt.too_large', MESSAGES.tooLarge(lang()), 413);

/** The declared media type (without parameters) when a receipt may be of it; else 415 `receipt.type_not_allowed`. */
export function receiptMediaType(header: string | undefined): string {
  const type = (header ?? '').split(';')[0].trim().toLowerCase();
  if (Object.prototype.hasOwnProperty.call(RECEIPT_TYPES, type)) return type;
  throw new DomainError('receipt.type_not_allowed', MESSAGES.typeNotAllowed(lang(), type.slice(0, 100)), 415);
}

/**
 * Passes the body through while checking it: its first bytes must be those of the declared type
 * (415 `receipt.type_mismatch`), it must not be empty (400 `receipt.empty`) nor pass 5 MB
 * (413 `receipt.too_large`). The failure is kept, since the object store reports it wrapped.
 */
class ReceiptGuard extends Transform {
  failure?: DomainError;
  private head: Buffer[] = [];
  private headSize = 0;
  private checked = false;
  private size = 0;

  constructor(private readonly mediaType: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > RECEIPT_MAX_BYTES) return done(this.fail(tooLarge()));
    if (this.checked) return done(null, chunk);
    this.head.push(chunk);
    this.headSize += chunk.length;
    if (this.headSize < HEAD_BYTES) return done();
    this.releaseHead(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.checked) return done();
    if (this.headSize === 0) return done(this.fail(new DomainError('receipt.empty', MESSAGES.empty(lang()), 400)));
    this.releaseHead(done);
  }

  private releaseHead(done: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.checked = true;
    if (!RECEIPT_TYPES[this.mediaType].matches(head))
      return done(this.fail(new DomainError('receipt.type_mismatch', MESSAGES.typeMismatch(lang(), this.mediaType), 415)));
    done(null, head);
  }

  private fail(error: DomainError): DomainError {
    this.failure = error;
    return error;
  }
}

/**
 * Streams the request body into the artifact store as the report's receipt, chunk by chunk (the
 * whole file is never held), named `Comprobante_<report id>.<ext>`. A refused body leaves nothing
 * stored: the object store removes the chunks of a put that fails.
 */
export async function storeReceipt(req: Request, store: ArtifactStore, tenantId: string, reportId: string): Promise<ArtifactInfo> {
  const mediaType = receiptMediaType(req.header('content-type'));
  const declared = Number(req.header('content-length') ?? '0');
  // Refused before a byte is read; Node discards the unread body once the answer is sent.
  if (declared > RECEIPT_MAX_BYTES) throw tooLarge();
  const guard = new ReceiptGuard(mediaType);
  req.on('error', (error) => guard.destroy(error));
  req.pipe(guard);
  try {
    return await store.put(
      { tenantId, kind: RECEIPT_ARTIFACT_KIND, mediaType, fileName: `Comprobante_${reportId}.${RECEIPT_TYPES[mediaType].extension}` },
      guard,
    );
  } catch (error) {
    // The rest of a refused body is read and dropped, so the answer reaches the client.
    req.unpipe(guard);
    req.resume();
    throw guard.failure ?? error;
  }
}
