import type { PortalLink, PortalSettings } from '@cobranza/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { notFound, type ProblemExample } from '../http/problem-responses';

export class PortalSettingsDto {
  @ApiProperty({ example: true, description: '"Habilitar Portal de Clientes": links can be issued and opened. Default false.' })
  enabled!: boolean;

  @ApiProperty({ example: true, description: '"Enviar correo de portal automáticamente": invoice emails carry the client\'s portal link.' })
  linkInInvoiceEmails!: boolean;

  @ApiProperty({ example: 30, minimum: 1, maximum: 365, description: 'How long a new link is valid, in days (default 30).' })
  linkTtlDays!: number;

  @ApiProperty({
    example: 'https://cobranza.infotax.com.ve',
    description: 'The public address of the portal pages (this gateway); empty: the service default (PORTAL_BASE_URL).',
  })
  baseUrl!: string;
}

export class UpdatePortalSettingsDto {
  @ApiProperty({ required: false, example: true })
  enabled?: boolean;

  @ApiProperty({ required: false, example: true })
  linkInInvoiceEmails?: boolean;

  @ApiProperty({ required: false, example: 15, minimum: 1, maximum: 365 })
  linkTtlDays?: number;

  @ApiProperty({ required: false, example: 'https://cobranza.infotax.com.ve' })
  baseUrl?: string;
}

export class SendPortalLinkDto {
  @ApiProperty({
    example: 'pedro.gomez@infotax.com.ve',
    description: "The address the link is emailed to: one of the client's or its contacts' addresses, or any valid address.",
  })
  recipient!: string;

  @ApiProperty({ required: false, example: 30, minimum: 1, maximum: 365, description: "Default: the tenant's linkTtlDays." })
  ttlDays?: number;

  @ApiProperty({ required: false, example: 'es', enum: ['es', 'en'], description: "The email's language; default the tenant's." })
  language?: string;
}

export class PortalLinkDto {
  @ApiProperty({ example: '0c8f4e1b-2d3a-4b5c-9e6f-7a8b9c0d1e2f' })
  id!: string;

  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' })
  clientId!: string;

  @ApiProperty({ example: 'pedro.gomez@infotax.com.ve' })
  recipient!: string;

  @ApiProperty({ example: 'valid', enum: ['valid', 'expired', 'revoked'] })
  status!: string;

  @ApiProperty({
    example: 'https://cobranza.infotax.com.ve/portal/AQx…',
    description: 'The link itself, only in the answer that issues it (only its hash is stored); empty in lists.',
  })
  url!: string;

  @ApiProperty({ example: '2026-12-23T14:05:00.000Z' })
  expiresAt!: string;

  @ApiProperty({ example: '', description: 'Empty unless revoked.' })
  revokedAt!: string;

  @ApiProperty({ example: '2026-11-23T14:05:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '5e2b7c90-3f1a-4d6e-8b2c-9a0f1e3d5c7b', description: 'Only when sent: the email (GET /v1/deliveries/{id}).' })
  deliveryId!: string;

  @ApiProperty({ example: 'accepted', description: 'Only when sent: accepted, failed or unknown.' })
  deliveryStatus!: string;
}

export class PortalLinkListDto {
  @ApiProperty({ type: [PortalLinkDto], description: 'Newest first, at most 200.' })
  items!: PortalLinkDto[];
}

export const settingsJson = (s: PortalSettings): PortalSettingsDto => ({
  enabled: s.enabled,
  linkInInvoiceEmails: s.linkInInvoiceEmails,
  linkTtlDays: s.linkTtlDays,
  baseUrl: s.baseUrl,
});

export const linkJson = (l: PortalLink): PortalLinkDto => ({
  id: l.id,
  clientId: l.clientId,
  recipient: l.recipient,
  status: l.status,
  url: l.url,
  expiresAt: l.expiresAt,
  revokedAt: l.revokedAt,
  createdAt: l.createdAt,
  deliveryId: l.deliveryId,
  deliveryStatus: l.deliveryStatus,
});

export const PORTAL_DISABLED: ProblemExample = {
  status: 409,
  code: 'portal.disabled',
  detail: 'El portal de clientes está deshabilitado: habilítelo en la configuración del portal antes de enviar enlaces.',
};
export const PORTAL_LINK_NOT_FOUND = notFound('portal_link.not_found', 'No existe el enlace al portal indicado.');
export const PORTAL_LINK_ID_PARAM = { name: 'linkId', description: 'Portal link id (UUID).', example: '0c8f4e1b-2d3a-4b5c-9e6f-7a8b9c0d1e2f' };
