import type { Recipient, ResolveRecipientsReply } from '@cobranza/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class RecipientDto {
  @ApiProperty({ example: 'contact', enum: ['client', 'contact'], description: "client: the client's own address; contact: a linked contact." })
  source!: string;

  @ApiProperty({ example: 'María González' })
  name!: string;

  @ApiProperty({ example: 'usuario@galac.com' })
  email!: string;

  @ApiProperty({ example: '+584247181811', description: 'E.164; empty when none.' })
  whatsappE164!: string;

  @ApiProperty({ example: '3b9d6e21-7a4c-4f0e-8d15-2c6a9b0e4f77', description: 'Empty for the client’s own addresses.' })
  contactId!: string;

  @ApiProperty({ example: 'Administración' })
  department!: string;

  @ApiProperty({ example: 'Gerente de cobranzas' })
  role!: string;
}

export class RecipientsDto {
  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  clientId!: string;

  @ApiProperty({ example: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' })
  clientName!: string;

  @ApiProperty({ example: 'es-VE', description: 'Language the documents are written in.' })
  locale!: string;

  @ApiProperty({
    type: [RecipientDto],
    description: "One entry per client e-mail address (the WhatsApp number on the first), then the contacts offered for the kind.",
  })
  recipients!: RecipientDto[];
}

export const RESOLVE_RECIPIENTS_QUERY = { documentKind: 'string' } as const;

function recipientJson(r: Recipient): RecipientDto {
  return {
    source: r.source,
    name: r.name,
    email: r.email,
    whatsappE164: r.whatsappE164,
    contactId: r.contactId,
    department: r.department,
    role: r.role,
  };
}

export function recipientsJson(reply: ResolveRecipientsReply): RecipientsDto {
  return { clientId: reply.clientId, clientName: reply.clientName, locale: reply.locale, recipients: reply.recipients.map(recipientJson) };
}
