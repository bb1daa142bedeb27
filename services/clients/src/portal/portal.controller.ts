import {
  PortalRpc,
  type GetPortalSettingsRequest,
  type IssuePortalLinkRequest,
  type ListPortalLinksRequest,
  type RequestPortalRenewalRequest,
  type RevokePortalLinkRequest,
  type SendPortalLinkRequest,
  type UpdatePortalSettingsRequest,
  type VerifyPortalLinkRequest,
} from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ClientsUseCases } from '../clients/clients.usecases';
import { isUuid, notFound } from '../common/errors';
import { IssuePortalLinkUseCase } from './issue-portal-link.usecase';
import { PortalLinkRow } from './portal-link.entity';
import { PortalSettingsService } from './portal-settings.service';
import { toLinkMessage, toSettingsMessage } from './portal.mapper';
import { RequestPortalRenewalUseCase } from './request-portal-renewal.usecase';
import { SendPortalLinkUseCase } from './send-portal-link.usecase';
import { VerifyPortalLinkUseCase } from './verify-portal-link.usecase';

/** The customer portal's settings and links (seeds 002 and 004). The gateway only verifies and renders. */
@Controller()
export class PortalController {
  constructor(
    private readonly em: EntityManager,
    private readonly clients: ClientsUseCases,
    private readonly settings: PortalSettingsService,
    private readonly issueLink: IssuePortalLinkUseCase,
    private readonly sendLink: SendPortalLinkUseCase,
    private readonly verifyLink: VerifyPortalLinkUseCase,
    private readonly renewal: RequestPortalRenewalUseCase,
  ) {}

  @MessagePattern(PortalRpc.getSettings.subject)
  async getSettings(@Payload() request: GetPortalSettingsRequest) {
    return toSettingsMessage(await this.settings.get(request.tenantId));
  }

  @MessagePattern(PortalRpc.updateSettings.subject)
  async updateSettings(@Payload() request: UpdatePortalSettingsRequest) {
    return toSettingsMessage(await this.settings.update(request));
  }

  @MessagePattern(PortalRpc.issueLink.subject)
  async issue(@Payload() request: IssuePortalLinkRequest) {
    const issued = await this.issueLink.execute(request);
    return toLinkMessage(issued.row, issued);
  }

  @MessagePattern(PortalRpc.sendLink.subject)
  async send(@Payload() request: SendPortalLinkRequest) {
    return this.sendLink.execute(request);
  }

  @MessagePattern(PortalRpc.verifyLink.subject)
  async verify(@Payload() request: VerifyPortalLinkRequest) {
    const verified = await this.verifyLink.execute(request.token);
    if (verified.status === 'valid') return { status: 'valid', link: toLinkMessage(verified.row) };
    // An expired link says only which link it was, for the renewal page; nothing about whose.
    if (verified.status === 'expired') return { status: 'expired', link: { id: verified.row.id, expiresAt: verified.row.expiresAt.toISOString(), status: 'expired' } };
    return { status: verified.status };
  }

  @MessagePattern(PortalRpc.requestRenewal.subject)
  async requestRenewal(@Payload() request: RequestPortalRenewalRequest) {
    return this.renewal.execute(request);
  }

  @MessagePattern(PortalRpc.revokeLink.subject)
  async revoke(@Payload() request: RevokePortalLinkRequest) {
    const row =
      isUuid(request.tenantId) && isUuid(request.id) ? await this.em.findOne(PortalLinkRow, { id: request.id, tenantId: request.tenantId }) : null;
    if (!row || (request.clientId && row.clientId !== request.clientId)) throw notFound('portal_link.not_found');
    row.revokedAt ??= new Date();
    await this.em.flush();
    return toLinkMessage(row);
  }

  @MessagePattern(PortalRpc.listLinks.subject)
  async list(@Payload() request: ListPortalLinksRequest) {
    const client = await this.clients.find(request.tenantId, request.clientId);
    const rows = await this.em.find(PortalLinkRow, { tenantId: client.tenantId, clientId: client.id }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 200 });
    return { items: rows.map((row) => toLinkMessage(row)) };
  }
}
