import { ArtifactStore, DomainError, messageLanguage, type ArtifactInfo } from '@cobranza/platform';
import type { Request } from 'express';
import { Transform, type Readable, type TransformCallback } from 'node:stream';

/** The file types an upload may be, their extension, and the magic bytes their content starts with. */
const FILE_TYPES = {
  'application/pdf': { extension: 'pdf', matches: (h: Buffer) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
  'image/jpeg': { extension: 'jpg', matches: (h: Buffer) => h.length >= 3 && h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  'image/png': {
    extension: 'png',
    matches: (h: Buffer) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  'image/webp': {
    extension: 'webp',
    matches: (h: Buffer) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
} as const;

export type UploadMediaType = keyof typeof FILE_TYPES;

/** Bytes needed to tell the types apart (WEBP: "RIFF" + size + "WEBP"). */
const HEAD_BYTES = 12;

export type Lang = 'es' | 'en';

/**
 * What a route accepts as a raw-body upload. Its problems are `<code>.type_not_allowed` (415),
 * `<code>.type_mismatch` (415), `<code>.too_large` (413) and `<code>.empty` (400).
 */
export interface UploadPolicy {
  /** Prefix of the problem codes, for example `receipt`. */
  code: string;
  /** The artifact kind the file is stored as. */
  kind: string;
  maxBytes: number;
  mediaTypes: readonly UploadMediaType[];
  messages: {
    typeNotAllowed: (lang: Lang, type: string) => string;
    tooLarge: (lang: Lang) => string;
    empty: (lang: Lang) => string;
  };
}

const typeMismatchMessage = (lang: Lang, type: string) =>
  lang === 'en'
    ? `The file content is not ${type}: its first bytes do not match the declared Content-Type.`
    : `El contenido del archivo no es ${type}: sus primeros bytes no corresponden al Content-Type declarado.`;

const lang = (): Lang => messageLanguage();
const tooLarge = (policy: UploadPolicy) => new DomainError(`${policy.code}.too_large`, policy.messages.tooLarge(lang()), 413);

/** The extension of a media type an upload may be (`png`, `jpg`, `pdf`, `webp`). */
export function uploadExtension(mediaType: UploadMediaType): string {
  return FILE_TYPES[mediaType].extension;
}

/** The declared media type (without parameters) when the policy allows it; else 415 `<code>.type_not_allowed`. */
export function uploadMediaType(policy: UploadPolicy, header: string | undefined): UploadMediaType {
  const type = (header ?? '').split(';')[0].trim().toLowerCase();
  const allowed = policy.mediaTypes.find((t) => t === type);
  if (allowed) return allowed;
  throw new DomainError(`${policy.code}.type_not_allowed`, policy.messages.typeNotAllowed(lang(), type.slice(0, 100)), 415);
}

/**
 * Passes the body through while checking it: its first bytes must be those of the declared type
 * (415 `<code>.type_mismatch`), it must not be empty (400 `<code>.empty`) nor pass the policy's
 * size (413 `<code>.too_large`). The failure is kept, since the object store reports it wrapped.
 */
class UploadGuard extends Transform {
  failure?: DomainError;
  private head: Buffer[] = [];
  private headSize = 0;
  private checked = false;
  private size = 0;

  constructor(
    private readonly policy: UploadPolicy,
    private readonly mediaType: UploadMediaType,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.policy.maxBytes) return done(this.fail(tooLarge(this.policy)));
    if (this.checked) return done(null, chunk);
    this.head.push(chunk);
    this.headSize += chunk.length;
    if (this.headSize < HEAD_BYTES) return done();
    this.releaseHead(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.checked) return done();
    if (this.headSize === 0)
      return done(this.fail(new DomainError(`${this.policy.code}.empty`, this.policy.messages.empty(lang()), 400)));
    this.releaseHead(done);
  }

  private releaseHead(done: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.checked = true;
    if (!FILE_TYPES[this.mediaType].matches(head))
      return done(this.fail(new DomainError(`${this.policy.code}.type_mismatch`, typeMismatchMessage(lang(), this.mediaType), 415)));
    done(null, head);
  }

  private fail(error: DomainError): DomainError {
    this.failure = error;
    return error;
  }
}

/**
 * Streams the request body into the artifact store, chunk by chunk (the whole file is never held),
 * named by `fileName(extension)`. A refused body leaves nothing stored: the object store removes
 * the chunks of a put that fails.
 */
export async function storeUpload(
  req: Request,
  store: ArtifactStore,
  tenantId: string,
  policy: UploadPolicy,
  fileName: (extension: string) => string,
): Promise<ArtifactInfo> {
  const mediaType = uploadMediaType(policy, req.header('content-type'));
  const declared = Number(req.header('content-length') ?? '0');
  // Refused before a byte is read; Node discards the unread body once the answer is sent.
  if (declared > policy.maxBytes) throw tooLarge(policy);
  return storeUploadStream(req, mediaType, store, tenantId, policy, fileName);
}

/**
 * The same checks and storing for a file that is one part of a request (a form's file field):
 * `declaredType` is the part's Content-Type. A refused file leaves nothing stored, and the rest
 * of its stream is read and dropped so the parser of the request goes on.
 */
export async function storeUploadStream(
  stream: Readable,
  declaredType: string | undefined,
  store: ArtifactStore,
  tenantId: string,
  policy: UploadPolicy,
  fileName: (extension: string) => string,
): Promise<ArtifactInfo> {
  const mediaType = uploadMediaType(policy, declaredType);
  const guard = new UploadGuard(policy, mediaType);
  stream.on('error', (error) => guard.destroy(error));
  stream.pipe(guard);
  try {
    return await store.put({ tenantId, kind: policy.kind, mediaType, fileName: fileName(uploadExtension(mediaType)) }, guard);
  } catch (error) {
    // The rest of a refused body is read and dropped, so the answer reaches the client.
    stream.unpipe(guard);
    stream.resume();
    throw guard.failure ?? error;
  }
}
