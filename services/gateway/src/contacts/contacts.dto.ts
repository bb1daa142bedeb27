import type { Contact } from '@cobranza/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageInfoDto } from '../http/page.dto';
import { LANDLINE_MESSAGE, notFound, validationFailed } from '../http/problem-responses';
import { field } from '../http/request-shape';

export class ContactDto {
  @ApiProperty({ example: '3b9d6e21-7a4c-4f0e-8d15-2c6a9b0e4f77' })
  id!: string;

  @ApiProperty({ example: 'María González' })
  name!: string;

  @ApiProperty({ example: 'usuario@galac.com' })
  email!: string;

  @ApiProperty({ example: '04247181811', description: 'Mobile number in national form; may be empty.' })
  phone!: string;

  @ApiProperty({ example: '+584247181811', description: 'The same number in E.164.' })
  phoneE164!: string;

  @ApiProperty({ example: '2026-11-23T12:23:45.000Z' })
  createdAt!: string;
}

export class ContactListDto {
  @ApiProperty({ type: [ContactDto] })
  items!: ContactDto[];

  @ApiProperty({ type: PageInfoDto })
  page!: PageInfoDto;
}

export class CreateContactDto {
  @ApiProperty({ example: 'María González' })
  name!: string;

  @ApiProperty({ example: 'usuario@galac.com' })
  email!: string;

  @ApiPropertyOptional({ example: '04247181811', description: 'A mobile number in national form.' })
  phone?: string;
}

export class UpdateContactDto {
  @ApiPropertyOptional({ example: 'María González' })
  name?: string;

  @ApiPropertyOptional({ example: 'usuario@galac.com' })
  email?: string;

  @ApiPropertyOptional({ example: '04247181811', description: 'An empty string removes the number.' })
  phone?: string;
}

export const CREATE_CONTACT = { name: field.string, email: field.string, phone: field.string } as const;
export const UPDATE_CONTACT = CREATE_CONTACT;
export const LIST_CONTACTS_QUERY = { query: 'string', page: 'positiveInt', pageSize: 'positiveInt' } as const;

export const CONTACT_EXAMPLE = { name: 'María González', email: 'usuario@galac.com', phone: '04247181811' };

export function contactJson(c: Contact | undefined): ContactDto {
  return {
    id: c?.id ?? '',
    name: c?.name ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    phoneE164: c?.phoneE164 ?? '',
    createdAt: c?.createdAt ?? '',
  };
}

export const CONTACT_NOT_FOUND = notFound('contact.not_found', 'No existe el contacto indicado.');
export const INVALID_CONTACT = validationFailed({
  email: 'El correo usuario@galac no es válido; debe tener la forma usuario@dominio.com.',
  phone: LANDLINE_MESSAGE,
});
