import type { MessageInitShape } from '@bufbuild/protobuf';
import type { ClientContactSchema, ContactSchema } from '@cobranza/contracts';
import type { ClientContact } from './client-contact.entity';
import type { Contact } from './contact.entity';

export function toContactMessage(contact: Contact): MessageInitShape<typeof ContactSchema> {
  return {
    id: contact.id,
    tenantId: contact.tenantId,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    phoneE164: contact.phoneE164,
    createdAt: contact.createdAt.toISOString(),
  };
}

export function toClientContactMessage(link: ClientContact): MessageInitShape<typeof ClientContactSchema> {
  return {
    id: link.id,
    clientId: link.client.id,
    contact: toContactMessage(link.contact),
    department: link.department,
    role: link.role,
    offeredForAll: link.offeredForAll,
    documentKinds: link.documentKinds,
  };
}
