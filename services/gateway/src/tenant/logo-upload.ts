import type { ArtifactInfo, ArtifactStore } from '@cobranza/platform';
import type { Request } from 'express';
import { storeUpload, type UploadPolicy } from '../http/file-upload';
import type { ProblemExample } from '../http/problem-responses';

/** The largest logo accepted: it is embedded in every PDF of the tenant. */
export const LOGO_MAX_BYTES = 1024 * 1024;

/** The artifact kind of a tenant's logo. */
export const LOGO_ARTIFACT_KIND = 'tenant_logo';

/** A logo: PNG or JPEG (what every PDF viewer shows), at most 1 MB. */
export const LOGO_UPLOAD: UploadPolicy = {
  code: 'logo',
  kind: LOGO_ARTIFACT_KIND,
  maxBytes: LOGO_MAX_BYTES,
  mediaTypes: ['image/png', 'image/jpeg'],
  messages: {
    typeNotAllowed: (lang, type) =>
      lang === 'en'
        ? `A logo must be sent as image/png or image/jpeg, not ${type || 'without Content-Type'}.`
        : `El logo debe enviarse como image/png o image/jpeg, no ${type || 'sin Content-Type'}.`,
    tooLarge: (lang) => (lang === 'en' ? 'The logo is larger than 1 MB.' : 'El logo ocupa más de 1 MB.'),
    empty: (lang) => (lang === 'en' ? 'The logo is empty: send the image as the body.' : 'El logo está vacío: envíe la imagen como cuerpo.'),
  },
};

export const LOGO_MEDIA_TYPES = [...LOGO_UPLOAD.mediaTypes];

export const LOGO_TYPE_NOT_ALLOWED: ProblemExample = {
  status: 415,
  code: 'logo.type_not_allowed',
  detail: 'El logo debe enviarse como image/png o image/jpeg, no image/gif.',
};
export const LOGO_TYPE_MISMATCH: ProblemExample = {
  status: 415,
  code: 'logo.type_mismatch',
  detail: 'El contenido del archivo no es image/png: sus primeros bytes no corresponden al Content-Type declarado.',
};
export const LOGO_TOO_LARGE: ProblemExample = { status: 413, code: 'logo.too_large', detail: 'El logo ocupa más de 1 MB.' };
export const LOGO_EMPTY: ProblemExample = { status: 400, code: 'logo.empty', detail: 'El logo está vacío: envíe la imagen como cuerpo.' };

/** Streams the request body into the artifact store as the tenant's logo, named `Logo.png` or `Logo.jpg`. */
export function storeLogo(req: Request, store: ArtifactStore, tenantId: string): Promise<ArtifactInfo> {
  return storeUpload(req, store, tenantId, LOGO_UPLOAD, (extension) => `Logo.${extension}`);
}
