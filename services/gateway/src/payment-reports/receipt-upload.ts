import type { ArtifactInfo, ArtifactStore } from '@cobranza/platform';
import type { Request } from 'express';
import { storeUpload, type UploadPolicy } from '../http/file-upload';
import type { ProblemExample } from '../http/problem-responses';

/** The largest receipt accepted: a phone photo or a bank's PDF fits well under it. */
export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;

/** The artifact kind billing requires of a payment report's receipt. */
export const RECEIPT_ARTIFACT_KIND = 'payment_receipt';

/** A receipt: a photo or scan (JPEG, PNG, WEBP) or a PDF, at most 5 MB. */
export const RECEIPT_UPLOAD: UploadPolicy = {
  code: 'receipt',
  kind: RECEIPT_ARTIFACT_KIND,
  maxBytes: RECEIPT_MAX_BYTES,
  mediaTypes: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
  messages: {
    typeNotAllowed: (lang, type) =>
      lang === 'en'
        ? `A receipt must be sent as image/jpeg, image/png, image/webp or application/pdf, not ${type || 'without Content-Type'}.`
        : `El comprobante debe enviarse como image/jpeg, image/png, image/webp o application/pdf, no ${type || 'sin Content-Type'}.`,
    tooLarge: (lang) => (lang === 'en' ? 'The receipt is larger than 5 MB.' : 'El comprobante ocupa más de 5 MB.'),
    empty: (lang) => (lang === 'en' ? 'The receipt is empty: send the file as the body.' : 'El comprobante está vacío: envíe el archivo como cuerpo.'),
  },
};

export const RECEIPT_MEDIA_TYPES = [...RECEIPT_UPLOAD.mediaTypes];

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

/**
 * Streams the request body into the artifact store as the report's receipt (checked by
 * `storeUpload`: type, magic bytes, size), named `Comprobante_<report id>.<ext>`.
 */
export function storeReceipt(req: Request, store: ArtifactStore, tenantId: string, reportId: string): Promise<ArtifactInfo> {
  return storeUpload(req, store, tenantId, RECEIPT_UPLOAD, (extension) => `Comprobante_${reportId}.${extension}`);
}
