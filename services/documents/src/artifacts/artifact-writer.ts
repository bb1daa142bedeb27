import { ArtifactStore, type ArtifactInfo } from '@cobranza/platform';
import { Injectable } from '@nestjs/common';

export interface ArtifactToStore {
  tenantId: string;
  kind: string;
  mediaType: string;
  fileName: string;
}

/**
 * Stores rendered files in the artifact store (JetStream Object Store, bucket ARTIFACTS, no TTL:
 * invoices are kept for years). Content may be streamed, so a large file never sits whole in memory.
 */
@Injectable()
export class ArtifactWriter {
  constructor(private readonly store: ArtifactStore) {}

  save(artifact: ArtifactToStore, content: Uint8Array | AsyncIterable<Uint8Array>): Promise<ArtifactInfo> {
    return this.store.put(artifact, content);
  }

  /** The stored artifact, or undefined when it was deleted on purpose. */
  async find(tenantId: string, id: string): Promise<ArtifactInfo | undefined> {
    return this.store.info(tenantId, id).catch(() => undefined);
  }
}
