import type { ArtifactStore } from '@cobranza/platform';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';

/**
 * `attachment; filename="Estado_de_Cuenta_0000000012_2024-03-26.pdf"` plus the RFC 6266
 * `filename*` form, so a name with accents (none today) would survive too. Quotes, backslashes
 * and anything outside printable ASCII never reach the quoted form.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a stored artifact of the tenant as the response: Content-Type, Content-Length and a
 * Content-Disposition with its Spanish file name. The bytes go from the object store to the client
 * chunk by chunk; nothing holds the whole file. An unknown id (or another tenant's) is 404
 * `artifact.not_found`, raised before any header is written.
 */
export async function sendArtifact(res: Response, store: ArtifactStore, tenantId: string, artifactId: string): Promise<void> {
  const { info, content } = await store.read(tenantId, artifactId);
  res.status(200);
  res.setHeader('Content-Type', info.mediaType);
  res.setHeader('Content-Length', String(info.size));
  res.setHeader('Content-Disposition', contentDisposition(info.fileName));
  res.setHeader('X-Artifact-Id', info.id);
  res.setHeader('ETag', `"${info.sha256}"`);
  res.setHeader('Cache-Control', 'private, no-cache');
  try {
    await pipeline(content, res);
  } catch (error) {
    // The headers are gone: the only honest signal left is a cut connection.
    res.destroy(error as Error);
  }
}
