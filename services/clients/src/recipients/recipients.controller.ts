import { ClientsRpc, DOCUMENT_KINDS, type ResolveRecipientsRequest } from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ClientsUseCases } from '../clients/clients.usecases';
import { FieldErrors } from '../common/errors';
import { ClientContact } from '../contacts/client-contact.entity';
import { offeredFor } from './offered-for';

/**
 * Who is offered when a kind of document is sent to a client: the client's own addresses, then
 * the linked contacts offered for that kind. Every sending feature asks this; it sends nothing.
 */
@Controller()
export class RecipientsController {
  constructor(
    private readonly em: EntityManager,
    private readonly clients: ClientsUseCases,
  ) {}

  @MessagePattern(ClientsRpc.resolveRecipients.subject)
  async resolve(@Payload() request: ResolveRecipientsRequest) {
    const errors = new FieldErrors();
    if (!(DOCUMENT_KINDS as readonly string[]).includes(request.documentKind))
      errors.add('documentKind', 'document_kind_invalid', { value: request.documentKind, allowed: DOCUMENT_KINDS.join(', ') });
    errors.throwIfAny();
    const client = await this.clients.find(request.tenantId, request.clientId);
    const tenant = await this.clients.tenant(request.tenantId);
    const links = await this.em.find(ClientContact, { client }, { populate: ['contact'], orderBy: { createdAt: 'asc', id: 'asc' } });
    const own = (client.emails.length ? client.emails : ['']).map((email, index) => ({
      source: 'client',
      name: client.legalName,
      email,
      whatsappE164: index === 0 ? client.whatsappE164 : '',
    }));
    const contacts = links
      .filter((link) => offeredFor(link, request.documentKind))
      .map((link) => ({
        source: 'contact',
        name: link.contact.name,
        email: link.contact.email,
        whatsappE164: link.contact.phoneE164,
        contactId: link.contact.id,
        department: link.department,
        role: link.role,
      }));
    return {
      clientId: client.id,
      clientName: client.legalName,
      locale: tenant.locale,
      recipients: [...own.filter((r) => r.email || r.whatsappE164), ...contacts],
    };
  }
}
