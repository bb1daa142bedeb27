import type { Client, DeliveryPreferences } from '@cobranza/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageInfoDto } from '../http/page.dto';
import { notFound } from '../http/problem-responses';
import { field } from '../http/request-shape';

export class DeliveryPreferencesDto {
  @ApiProperty({ example: true, description: 'Send this client its invoices automatically.' })
  autoSend!: boolean;

  @ApiProperty({ example: false, description: 'Send only when one batch produced more than one invoice for this client.' })
  onlyWhenSeveral!: boolean;

  @ApiProperty({ type: [String], example: ['email', 'whatsapp'], description: 'Preferred channels in order: email, whatsapp.' })
  channels!: string[];
}

export class ClientDto {
  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  id!: string;

  @ApiProperty({ example: '0000000012', description: 'Unique per tenant.' })
  code!: string;

  @ApiProperty({ example: 'client', enum: ['client', 'prospect'] })
  kind!: string;

  @ApiProperty({ example: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' })
  legalName!: string;

  @ApiProperty({ example: 'J-31234567-8' })
  taxId!: string;

  @ApiProperty({ example: 'Av. Urdaneta, Edif. Galipán, piso 3, Caracas' })
  address!: string;

  @ApiProperty({ example: 'VE', description: 'ISO 3166-1 alpha-2; decides how the WhatsApp number is validated.' })
  country!: string;

  @ApiProperty({ example: 'VES', description: 'ISO 4217.' })
  currency!: string;

  @ApiProperty({ type: [String], example: ['usuario@galac.com'] })
  emails!: string[];

  @ApiProperty({ example: '04247181811', description: 'Mobile number in national form; empty when none.' })
  whatsapp!: string;

  @ApiProperty({ example: '+584247181811', description: 'The same number in E.164.' })
  whatsappE164!: string;

  @ApiProperty({ example: 'Cobrar los primeros cinco días del mes.' })
  notes!: string;

  @ApiProperty({ example: true })
  active!: boolean;

  @ApiProperty({ type: DeliveryPreferencesDto })
  delivery!: DeliveryPreferencesDto;

  @ApiProperty({ example: '2026-11-23T12:23:45.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-24T09:10:00.000Z' })
  updatedAt!: string;
}

export class ClientListDto {
  @ApiProperty({ type: [ClientDto] })
  items!: ClientDto[];

  @ApiProperty({ type: PageInfoDto })
  page!: PageInfoDto;
}

export class DeliveryPreferencesInputDto {
  @ApiPropertyOptional({ example: true })
  autoSend?: boolean;

  @ApiPropertyOptional({ example: false })
  onlyWhenSeveral?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['email', 'whatsapp'] })
  channels?: string[];
}

export class CreateClientDto {
  @ApiProperty({ example: '0000000012', description: 'Unique per tenant.' })
  code!: string;

  @ApiPropertyOptional({ example: 'client', enum: ['client', 'prospect'], description: 'Default: client.' })
  kind?: string;

  @ApiProperty({ example: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' })
  legalName!: string;

  @ApiPropertyOptional({ example: 'J-31234567-8' })
  taxId?: string;

  @ApiPropertyOptional({ example: 'Av. Urdaneta, Edif. Galipán, piso 3, Caracas' })
  address?: string;

  @ApiPropertyOptional({ example: 'VE', description: "Default: the tenant's country." })
  country?: string;

  @ApiPropertyOptional({ example: 'VES', description: "Default: the tenant's currency." })
  currency?: string;

  @ApiPropertyOptional({ type: [String], example: ['usuario@galac.com'] })
  emails?: string[];

  @ApiPropertyOptional({ example: '04247181811', description: 'A mobile number of the client’s country, in national form.' })
  whatsapp?: string;

  @ApiPropertyOptional({ example: 'Cobrar los primeros cinco días del mes.' })
  notes?: string;

  @ApiPropertyOptional({ example: true, description: 'Default: true.' })
  active?: boolean;

  @ApiPropertyOptional({ type: DeliveryPreferencesInputDto })
  delivery?: DeliveryPreferencesInputDto;
}

export class UpdateClientDto {
  @ApiPropertyOptional({ example: '0000000012' })
  code?: string;

  @ApiPropertyOptional({ example: 'client', enum: ['client', 'prospect'] })
  kind?: string;

  @ApiPropertyOptional({ example: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' })
  legalName?: string;

  @ApiPropertyOptional({ example: 'J-31234567-8' })
  taxId?: string;

  @ApiPropertyOptional({ example: 'Av. Urdaneta, Edif. Galipán, piso 3, Caracas' })
  address?: string;

  @ApiPropertyOptional({ example: 'VE' })
  country?: string;

  @ApiPropertyOptional({ example: 'VES' })
  currency?: string;

  @ApiPropertyOptional({ type: [String], example: ['usuario@galac.com'], description: 'Replaces the whole list.' })
  emails?: string[];

  @ApiPropertyOptional({ example: '04247181811', description: 'An empty string removes the number.' })
  whatsapp?: string;

  @ApiPropertyOptional({ example: 'Cobrar los primeros cinco días del mes.' })
  notes?: string;

  @ApiPropertyOptional({ example: false })
  active?: boolean;

  @ApiPropertyOptional({ type: DeliveryPreferencesInputDto, description: 'Replaces the delivery preferences as a whole.' })
  delivery?: DeliveryPreferencesInputDto;
}

const DELIVERY = field.object({ autoSend: field.boolean, onlyWhenSeveral: field.boolean, channels: field.strings });

export const CREATE_CLIENT = {
  code: field.string,
  kind: field.string,
  legalName: field.string,
  taxId: field.string,
  address: field.string,
  country: field.string,
  currency: field.string,
  emails: field.strings,
  whatsapp: field.string,
  notes: field.string,
  active: field.boolean,
  delivery: DELIVERY,
} as const;

export const UPDATE_CLIENT = CREATE_CLIENT;

export const LIST_CLIENTS_QUERY = {
  query: 'string',
  kind: 'string',
  active: 'boolean',
  sort: 'string',
  page: 'positiveInt',
  pageSize: 'positiveInt',
} as const;

export function deliveryJson(d: DeliveryPreferences | undefined): DeliveryPreferencesDto {
  return { autoSend: d?.autoSend ?? false, onlyWhenSeveral: d?.onlyWhenSeveral ?? false, channels: [...(d?.channels ?? [])] };
}

export function clientJson(c: Client): ClientDto {
  return {
    id: c.id,
    code: c.code,
    kind: c.kind,
    legalName: c.legalName,
    taxId: c.taxId,
    address: c.address,
    country: c.country,
    currency: c.currency,
    emails: [...c.emails],
    whatsapp: c.whatsapp,
    whatsappE164: c.whatsappE164,
    notes: c.notes,
    active: c.active,
    delivery: deliveryJson(c.delivery),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export const CLIENT_NOT_FOUND = notFound('client.not_found', 'No existe el cliente indicado.');
export const CLIENT_ID_PARAM = { name: 'id', description: 'Client id (UUID).', example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' };
