import {
  ClientsRpc,
  type AddClientContactRequest,
  type CreateContactRequest,
  type GetContactRequest,
  type ListClientContactsRequest,
  type ListContactsRequest,
  type RemoveClientContactRequest,
  type UpdateClientContactRequest,
  type UpdateContactRequest,
} from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { toContactMessage } from './contact.mapper';
import { ContactsUseCases } from './contacts.usecases';

@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsUseCases) {}

  @MessagePattern(ClientsRpc.createContact.subject)
  create(@Payload() request: CreateContactRequest) {
    return this.contacts.create(request);
  }

  @MessagePattern(ClientsRpc.getContact.subject)
  async get(@Payload() request: GetContactRequest) {
    return toContactMessage(await this.contacts.find(request.tenantId, request.id));
  }

  @MessagePattern(ClientsRpc.updateContact.subject)
  update(@Payload() request: UpdateContactRequest) {
    return this.contacts.update(request);
  }

  @MessagePattern(ClientsRpc.listContacts.subject)
  list(@Payload() request: ListContactsRequest) {
    return this.contacts.list(request);
  }

  @MessagePattern(ClientsRpc.addClientContact.subject)
  add(@Payload() request: AddClientContactRequest) {
    return this.contacts.addToClient(request);
  }

  @MessagePattern(ClientsRpc.updateClientContact.subject)
  updateLink(@Payload() request: UpdateClientContactRequest) {
    return this.contacts.updateLink(request);
  }

  @MessagePattern(ClientsRpc.removeClientContact.subject)
  remove(@Payload() request: RemoveClientContactRequest) {
    return this.contacts.removeLink(request);
  }

  @MessagePattern(ClientsRpc.listClientContacts.subject)
  listOfClient(@Payload() request: ListClientContactsRequest) {
    return this.contacts.listOfClient(request);
  }
}
