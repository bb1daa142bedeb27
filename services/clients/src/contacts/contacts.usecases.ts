import type {
  AddClientContactRequest,
  CreateContactRequest,
  ListClientContactsRequest,
  ListContactsRequest,
  RemoveClientContactRequest,
  UpdateClientContactRequest,
  UpdateContactRequest,
} from '@cobranza/contracts';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ClientsUseCases } from '../clients/clients.usecases';
import { conflict, FieldErrors, isUuid, notFound } from '../common/errors';
import { searchPageByName } from '../common/search-page';
import { searchable } from '../common/text';
import { ClientContact } from './client-contact.entity';
import { normalizeContactFields, normalizeLinkFields } from './contact-fields';
import { Contact } from './contact.entity';
import { toClientContactMessage, toContactMessage } from './contact.mapper';

@Injectable()
export class ContactsUseCases {
  constructor(
    private readonly em: EntityManager,
    private readonly clients: ClientsUseCases,
  ) {}

  async find(tenantId: string, id: string): Promise<Contact> {
    const contact = isUuid(id) && isUuid(tenantId) ? await this.em.findOne(Contact, { id, tenantId }) : null;
    if (!contact) throw notFound('contact.not_found');
    return contact;
  }

  async create(request: CreateContactRequest) {
    const contact = await this.build(request);
    await this.em.flush();
    return toContactMessage(contact);
  }

  async update(request: UpdateContactRequest) {
    const contact = await this.find(request.tenantId, request.id);
    const tenant = await this.clients.tenant(request.tenantId);
    const errors = new FieldErrors();
    const fields = normalizeContactFields(
      { name: request.name ?? contact.name, email: request.email ?? contact.email, phone: request.phone ?? contact.phone },
      tenant.country,
      errors,
    );
    errors.throwIfAny();
    this.em.assign(contact, { ...fields, searchText: searchable(fields.name, fields.email) });
    await this.em.flush();
    return toContactMessage(contact);
  }

  async list(request: ListContactsRequest) {
    return searchPageByName(this.em, Contact, request, toContactMessage);
  }

  /** Links a catalog contact, or a new one created in the same transaction. */
  async addToClient(request: AddClientContactRequest) {
    const client = await this.clients.find(request.tenantId, request.clientId);
    const errors = new FieldErrors();
    const hasId = request.contactId.trim() !== '';
    if (hasId === !!request.newContact) errors.add('contactId', 'contact_choice');
    const link = normalizeLinkFields(
      {
        department: request.department,
        role: request.role,
        offeredForAll: request.offeredForAll ?? request.documentKinds.length === 0,
        documentKinds: request.documentKinds,
      },
      errors,
    );
    errors.throwIfAny();
    const contact = hasId
      ? await this.find(request.tenantId, request.contactId)
      : await this.build({ ...request.newContact!, tenantId: request.tenantId }, 'newContact.');
    const entity = this.em.create(ClientContact, { ...link, tenantId: client.tenantId, client, contact, createdAt: new Date() });
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw conflict('client_contact.already_linked');
      throw error;
    }
    return toClientContactMessage(entity);
  }

  async updateLink(request: UpdateClientContactRequest) {
    const link = await this.findLink(request.tenantId, request.clientId, request.id);
    const errors = new FieldErrors();
    const fields = normalizeLinkFields(
      {
        department: request.department ?? link.department,
        role: request.role ?? link.role,
        offeredForAll: request.offeredForAll ?? (request.documentKinds ? false : link.offeredForAll),
        documentKinds: request.documentKinds ? request.documentKinds.values : link.documentKinds,
      },
      errors,
    );
    errors.throwIfAny();
    this.em.assign(link, fields);
    await this.em.flush();
    return toClientContactMessage(link);
  }

  async removeLink(request: RemoveClientContactRequest) {
    const link = await this.findLink(request.tenantId, request.clientId, request.id);
    await this.em.remove(link).flush();
    return { id: request.id };
  }

  async listOfClient(request: ListClientContactsRequest) {
    const client = await this.clients.find(request.tenantId, request.clientId);
    const links = await this.em.find(ClientContact, { client }, { populate: ['contact'], orderBy: { createdAt: 'asc', id: 'asc' } });
    return { items: links.map(toClientContactMessage) };
  }

  private async findLink(tenantId: string, clientId: string, id: string): Promise<ClientContact> {
    const client = await this.clients.find(tenantId, clientId);
    const link = isUuid(id) ? await this.em.findOne(ClientContact, { id, client }, { populate: ['contact'] }) : null;
    if (!link) throw notFound('client_contact.not_found');
    return link;
  }

  private async build(request: CreateContactRequest, fieldPrefix = ''): Promise<Contact> {
    const tenant = await this.clients.tenant(request.tenantId);
    const errors = new FieldErrors();
    const fields = normalizeContactFields(request, tenant.country, errors, fieldPrefix);
    errors.throwIfAny();
    return this.em.create(Contact, {
      ...fields,
      tenantId: tenant.id,
      searchText: searchable(fields.name, fields.email),
      createdAt: new Date(),
    });
  }
}
