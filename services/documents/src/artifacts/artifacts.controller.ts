import { DocumentsRpc, type GetArtifactRequest } from '@cobranza/contracts';
import { ArtifactStore } from '@cobranza/platform';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { isUuid, notFound } from '../common/messages';
import { toArtifactMessage } from './artifact-message';

/** `rpc.documents.artifact.get`: what a stored file is (kind, name, size, hash), never its bytes. */
@Controller()
export class ArtifactsController {
  constructor(private readonly store: ArtifactStore) {}

  @MessagePattern(DocumentsRpc.getArtifact.subject)
  async get(@Payload() request: GetArtifactRequest) {
    if (!isUuid(request.tenantId)) throw notFound('tenant.not_found');
    return toArtifactMessage(await this.store.info(request.tenantId, request.id));
  }
}
