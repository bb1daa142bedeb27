import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { NatsConnection, ObjectInfo, ObjectStore, ObjectStoreOptions } from 'nats';
import { StorageType } from 'nats';
import { NotFoundError } from '../errors';
import { messageCatalog } from '../i18n';

/** What is known of a stored file without reading it. */
export interface ArtifactInfo {
  id: string;
  tenantId: string;
  /** What the file is: invoice_pdf, invoice_xml, statement_pdf, statement_xlsx, payment_receipt, ... */
  kind: string;
  mediaType: string;
  /** The name a person downloading it sees, e.g. Estado_de_Cuenta_0000000012_2024-03-26.pdf. */
  fileName: string;
  size: number;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  createdAt: Date;
}

export interface NewArtifact {
  tenantId: string;
  kind: string;
  mediaType: string;
  fileName: string;
}

export type ArtifactContent = Uint8Array | AsyncIterable<Uint8Array>;

export const ARTIFACT_BUCKET = 'ARTIFACTS';

/**
 * Files (PDF, XML, XLSX, receipts) live in the JetStream Object Store, chunked, so every service
 * reaches them through its own NATS connection and request/reply messages only ever carry ids.
 * The bucket has no TTL: invoices are kept for years (see docs/operations.md on retention and
 * backups). Objects are named `<tenantId>/<artifactId>`, so a lookup with another tenant's id
 * finds nothing.
 */
export class ArtifactStore {
  private constructor(private readonly bucket: ObjectStore) {}

  static async open(connection: NatsConnection, bucket = ARTIFACT_BUCKET): Promise<ArtifactStore> {
    const replicas = Number(process.env.ARTIFACT_REPLICAS ?? '1');
    // nats.js copies its `replicas` option into the stream config verbatim, which the server
    // refuses; the stream's own field name is passed instead.
    const options = {
      storage: StorageType.File,
      num_replicas: replicas,
      description: 'Rendered documents and uploaded receipts; kept until deleted on purpose',
    } as unknown as Partial<ObjectStoreOptions>;
    const store = await connection.jetstream().views.os(bucket, options);
    return new ArtifactStore(store);
  }

  async put(artifact: NewArtifact, content: ArtifactContent): Promise<ArtifactInfo> {
    const id = randomUUID();
    const createdAt = new Date();
    const meta = {
      name: objectName(artifact.tenantId, id),
      description: artifact.fileName,
      metadata: {
        tenantId: artifact.tenantId,
        kind: artifact.kind,
        mediaType: artifact.mediaType,
        fileName: artifact.fileName,
        createdAt: createdAt.toISOString(),
      },
    };
    const info =
      content instanceof Uint8Array
        ? await this.bucket.putBlob(meta, content)
        : await this.bucket.put(meta, Readable.toWeb(Readable.from(content)) as ReadableStream<Uint8Array>);
    return toArtifactInfo(id, info);
  }

  /** The artifact's description, or NotFoundError when the tenant has no such artifact. */
  async info(tenantId: string, id: string): Promise<ArtifactInfo> {
    const info = isArtifactId(id) ? await this.bucket.info(objectName(tenantId, id)) : null;
    if (!info || info.deleted) throw artifactNotFound(id);
    return toArtifactInfo(id, info);
  }

  /** Streams the content; the stream errors if a chunk is missing or the digest does not match. */
  async read(tenantId: string, id: string): Promise<{ info: ArtifactInfo; content: Readable }> {
    const result = isArtifactId(id) ? await this.bucket.get(objectName(tenantId, id)) : null;
    if (!result || result.info.deleted) throw artifactNotFound(id);
    const content = Readable.fromWeb(result.data as import('node:stream/web').ReadableStream<Uint8Array>);
    void result.error.then((error) => {
      if (error) content.destroy(error);
    });
    return { info: toArtifactInfo(id, result.info), content };
  }

  async readAll(tenantId: string, id: string): Promise<{ info: ArtifactInfo; bytes: Buffer }> {
    const { info, content } = await this.read(tenantId, id);
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(Buffer.from(chunk as Uint8Array));
    return { info, bytes: Buffer.concat(chunks) };
  }

  async delete(tenantId: string, id: string): Promise<void> {
    await this.info(tenantId, id);
    await this.bucket.delete(objectName(tenantId, id));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isArtifactId(id: string): boolean {
  return UUID.test(id);
}

function objectName(tenantId: string, id: string): string {
  return `${tenantId}/${id.toLowerCase()}`;
}

const message = messageCatalog({
  es: { 'artifact.not_found': 'No existe el archivo {id}.' },
  en: { 'artifact.not_found': 'File {id} does not exist.' },
});

function artifactNotFound(id: string): NotFoundError {
  return new NotFoundError('artifact.not_found', message('artifact.not_found', { id }));
}

function toArtifactInfo(id: string, info: ObjectInfo): ArtifactInfo {
  const metadata = info.metadata ?? {};
  // The object store keeps "SHA-256=<base64url>"; callers compare hex digests.
  const digest = info.digest.replace(/^SHA-256=/i, '');
  return {
    id: id.toLowerCase(),
    tenantId: metadata.tenantId ?? '',
    kind: metadata.kind ?? '',
    mediaType: metadata.mediaType ?? 'application/octet-stream',
    fileName: metadata.fileName ?? info.description ?? id,
    size: info.size,
    sha256: Buffer.from(digest, 'base64').toString('hex'),
    createdAt: new Date(metadata.createdAt ?? info.mtime),
  };
}
