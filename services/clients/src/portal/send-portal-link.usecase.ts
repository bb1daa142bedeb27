import type { SendPortalLinkRequest } from '@cobranza/contracts';
import { Injectable } from '@nestjs/common';
import { ClientsUseCases } from '../clients/clients.usecases';
import { FieldErrors } from '../common/errors';
import { IssuePortalLinkUseCase } from './issue-portal-link.usecase';
import { languageOfLocale, PortalMailer } from './portal-mailer';
import { toLinkMessage } from './portal.mapper';

/**
 * The company sends a client the link to its statement (seed 004): a link of its own for the
 * recipient (one of the client's addresses or any address the company types), emailed at once.
 */
@Injectable()
export class SendPortalLinkUseCase {
  constructor(
    private readonly clients: ClientsUseCases,
    private readonly issue: IssuePortalLinkUseCase,
    private readonly mailer: PortalMailer,
  ) {}

  async execute(request: SendPortalLinkRequest) {
    const errors = new FieldErrors();
    if (request.language && !['es', 'en'].includes(request.language)) errors.add('language', 'portal.language_invalid', { value: request.language });
    errors.throwIfAny();
    const tenant = await this.clients.tenant(request.tenantId);
    const client = await this.clients.find(request.tenantId, request.clientId);
    const issued = await this.issue.execute(request, { emailOnly: true });
    const language = (request.language || languageOfLocale(tenant.locale)) as 'es' | 'en';
    const delivery = await this.mailer.send('link', issued, tenant, client, language);
    return { ...toLinkMessage(issued.row, issued), deliveryId: delivery.id, deliveryStatus: delivery.status };
  }
}
