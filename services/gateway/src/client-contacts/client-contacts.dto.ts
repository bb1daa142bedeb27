import type { ClientContact } from '@cobranza/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ContactDto, contactJson, CREATE_CONTACT, CreateContactDto } from '../contacts/contacts.dto';
import { field } from '../http/request-shape';

const DOCUMENT_KINDS = ['quote', 'order', 'remission', 'invoice', 'statement', 'reminder'];

export class ClientContactDto {
  @ApiProperty({ example: 'c41e7b09-5f3a-4d62-b8e0-91a2d7c6f305', description: 'Id of the link between client and contact.' })
  id!: string;

  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  clientId!: string;

  @ApiProperty({ type: ContactDto })
  contact!: ContactDto;

  @ApiProperty({ example: 'Administración' })
  department!: string;

  @ApiProperty({ example: 'Gerente de cobranzas' })
  role!: string;

  @ApiProperty({ example: false, description: 'True: offered for every kind of document; false: only for `documentKinds`.' })
  offeredForAll!: boolean;

  @ApiProperty({ type: [String], enum: DOCUMENT_KINDS, example: ['invoice', 'statement'] })
  documentKinds!: string[];
}

export class ClientContactListDto {
  @ApiProperty({ type: [ClientContactDto] })
  items!: ClientContactDto[];
}

export class AddClientContactDto {
  @ApiPropertyOptional({ example: '3b9d6e21-7a4c-4f0e-8d15-2c6a9b0e4f77', description: 'A contact of the catalog; or give `newContact`.' })
  contactId?: string;

  @ApiPropertyOptional({ type: CreateContactDto, description: 'A new contact, added to the catalog and linked.' })
  newContact?: CreateContactDto;

  @ApiPropertyOptional({ example: 'Administración' })
  department?: string;

  @ApiPropertyOptional({ example: 'Gerente de cobranzas' })
  role?: string;

  @ApiPropertyOptional({ example: false })
  offeredForAll?: boolean;

  @ApiPropertyOptional({ type: [String], enum: DOCUMENT_KINDS, example: ['invoice', 'statement'] })
  documentKinds?: string[];
}

export class UpdateClientContactDto {
  @ApiPropertyOptional({ example: 'Administración' })
  department?: string;

  @ApiPropertyOptional({ example: 'Gerente de cobranzas' })
  role?: string;

  @ApiPropertyOptional({ example: true })
  offeredForAll?: boolean;

  @ApiPropertyOptional({ type: [String], enum: DOCUMENT_KINDS, example: ['invoice'], description: 'Replaces the whole list.' })
  documentKinds?: string[];
}

export const ADD_CLIENT_CONTACT = {
  contactId: field.string,
  newContact: field.object(CREATE_CONTACT),
  department: field.string,
  role: field.string,
  offeredForAll: field.boolean,
  documentKinds: field.strings,
} as const;

export const UPDATE_CLIENT_CONTACT = {
  department: field.string,
  role: field.string,
  offeredForAll: field.boolean,
  documentKinds: field.strings,
} as const;

export function clientContactJson(link: ClientContact): ClientContactDto {
  return {
    id: link.id,
    clientId: link.clientId,
    contact: contactJson(link.contact),
    department: link.department,
    role: link.role,
    offeredForAll: link.offeredForAll,
    documentKinds: [...link.documentKinds],
  };
}
