import type { MessageInitShape } from '@bufbuild/protobuf';
import type { ArtifactInfoSchema } from '@cobranza/contracts';
import type { ArtifactInfo } from '@cobranza/platform';

export function toArtifactMessage(info: ArtifactInfo): MessageInitShape<typeof ArtifactInfoSchema> {
  return {
    id: info.id,
    tenantId: info.tenantId,
    kind: info.kind,
    mediaType: info.mediaType,
    fileName: info.fileName,
    size: info.size,
    sha256: info.sha256,
    createdAt: info.createdAt.toISOString(),
  };
}
