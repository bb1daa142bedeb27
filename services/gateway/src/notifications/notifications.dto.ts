import type { ChannelSettings, Delivery, MessageTemplate, WhatsAppEntitlement } from '@cobranza/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { billingField } from '../documents/billing-request';

export class SmtpSettingsDto {
  @ApiProperty({ example: true, description: 'Whether a server and a From address are stored.' }) configured!: boolean;
  @ApiProperty({ example: 'smtp.gmail.com' }) host!: string;
  @ApiProperty({ example: 587 }) port!: number;
  @ApiProperty({ example: 'starttls', enum: ['starttls', 'tls', 'none'] }) tlsMode!: string;
  @ApiProperty({ example: 'facturacion@infotax.com.ve' }) user!: string;
  @ApiProperty({ example: true, description: 'The password itself is never answered.' }) passwordConfigured!: boolean;
  @ApiProperty({ example: 'facturacion@infotax.com.ve' }) fromAddress!: string;
}

export class WhatsAppTemplateNameDto {
  @ApiProperty({ example: 'statement', enum: ['quote', 'order', 'remission', 'invoice', 'statement', 'reminder'] }) documentKind!: string;
  @ApiProperty({ example: 'estado_de_cuenta', description: 'Approved template with a document header.' }) name!: string;
  @ApiProperty({
    example: 'estado_de_cuenta_enlace',
    description: 'Approved template whose last body parameter is the portal link; sent when a spreadsheet is refused in the document header.',
  })
  linkName!: string;
  @ApiProperty({ example: 'es' }) language!: string;
}

export class WhatsAppSettingsDto {
  @ApiProperty({ example: true }) configured!: boolean;
  @ApiProperty({ example: '106540352242922' }) phoneNumberId!: string;
  @ApiProperty({ example: true, description: 'The token itself is never answered.' }) accessTokenConfigured!: boolean;
  @ApiProperty({ example: 'x9Qz', description: 'The last 4 characters of the stored token (empty for short tokens).' }) accessTokenLast4!: string;
  @ApiProperty({ example: true }) appSecretConfigured!: boolean;
  @ApiProperty({ example: true }) verifyTokenConfigured!: boolean;
  @ApiProperty({ type: [WhatsAppTemplateNameDto] }) templates!: WhatsAppTemplateNameDto[];
  @ApiProperty({ example: '', description: 'Empty: https://graph.facebook.com.' }) apiBaseUrl!: string;
  @ApiProperty({ example: '', description: 'Empty: the service default (v22.0).' }) apiVersion!: string;
  @ApiProperty({ example: '/v1/webhooks/whatsapp/5a1f3c9e-2b7d-4e8a-9c61-0d2f4b6a8e13', description: 'The callback URL path to register in Meta’s app dashboard.' })
  webhookPath!: string;
}

export class WhatsAppEntitlementDto {
  @ApiProperty({ example: 'free_until', enum: ['disabled', 'free_until', 'contracted'] }) mode!: string;
  @ApiProperty({ example: '2024-07-01', description: 'Last free day (mode free_until).' }) freeUntil!: string;
  @ApiProperty({ example: true }) allowed!: boolean;
  @ApiProperty({ example: 'El envío por WhatsApp está disponible sin costo hasta el 01/07/2024.' }) explanation!: string;
}

export class ChannelSettingsDto {
  @ApiProperty({ type: SmtpSettingsDto }) smtp!: SmtpSettingsDto;
  @ApiProperty({ type: WhatsAppSettingsDto }) whatsapp!: WhatsAppSettingsDto;
  @ApiProperty({ type: WhatsAppEntitlementDto }) entitlement!: WhatsAppEntitlementDto;
  @ApiProperty({ example: 3 }) version!: number;
  @ApiProperty({ example: '2024-03-26T15:04:05.000Z' }) updatedAt!: string;
}

export class SmtpSettingsInputDto {
  @ApiProperty({ example: 'smtp.gmail.com' }) host!: string;
  @ApiProperty({ example: 587 }) port!: number;
  @ApiProperty({ example: 'starttls', enum: ['starttls', 'tls', 'none'] }) tlsMode!: string;
  @ApiProperty({ example: 'facturacion@infotax.com.ve', required: false }) user?: string;
  @ApiProperty({ example: 'contraseña-de-aplicación', required: false, description: 'Absent: keep the stored password. Empty: none.' }) password?: string;
  @ApiProperty({ example: 'facturacion@infotax.com.ve' }) fromAddress!: string;
}

export class WhatsAppSettingsInputDto {
  @ApiProperty({ example: '106540352242922' }) phoneNumberId!: string;
  @ApiProperty({ example: 'EAAG...', required: false, description: 'Absent: keep the stored token.' }) accessToken?: string;
  @ApiProperty({ example: '4f1c...', required: false, description: 'The Meta app secret that signs webhooks. Absent: keep it.' }) appSecret?: string;
  @ApiProperty({ example: 'mi-token-de-verificacion', required: false, description: 'The token of the webhook subscription challenge. Absent: keep it.' })
  verifyToken?: string;
  @ApiProperty({ type: [WhatsAppTemplateNameDto], required: false }) templates?: WhatsAppTemplateNameDto[];
  @ApiProperty({ example: '', required: false }) apiBaseUrl?: string;
  @ApiProperty({ example: 'v22.0', required: false }) apiVersion?: string;
}

export class UpdateChannelSettingsDto {
  @ApiProperty({ type: SmtpSettingsInputDto, required: false, description: 'Present: replaces the SMTP settings (the password is kept when absent).' })
  smtp?: SmtpSettingsInputDto;
  @ApiProperty({ type: WhatsAppSettingsInputDto, required: false, description: 'Present: replaces the WhatsApp settings (secrets are kept when absent).' })
  whatsapp?: WhatsAppSettingsInputDto;
}

export const UPDATE_SETTINGS = {
  smtp: billingField.object({
    host: billingField.string,
    port: billingField.count,
    tlsMode: billingField.string,
    user: billingField.string,
    password: billingField.string,
    fromAddress: billingField.string,
  }),
  whatsapp: billingField.object({
    phoneNumberId: billingField.string,
    accessToken: billingField.string,
    appSecret: billingField.string,
    verifyToken: billingField.string,
    templates: billingField.list({ documentKind: billingField.string, name: billingField.string, linkName: billingField.string, language: billingField.string }),
    apiBaseUrl: billingField.string,
    apiVersion: billingField.string,
  }),
} as const;

export class TemplateVariableDto {
  @ApiProperty({ example: 'clientName' }) name!: string;
  @ApiProperty({ example: 'Nombre o razón social del cliente' }) description!: string;
  @ApiProperty({ example: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' }) example!: string;
}

export class MessageTemplateDto {
  @ApiProperty({ example: 'invoice' }) documentKind!: string;
  @ApiProperty({ example: 'es', enum: ['es', 'en'] }) language!: string;
  @ApiProperty({ example: 'Adjuntamos su factura Nro. {{documentNumber}}' }) subject!: string;
  @ApiProperty({
    example:
      'Estimado cliente {{clientName}}:\n\nLe informamos que hemos emitido la factura {{#if documentLetter}}{{documentLetter}} {{/if}}Nro. {{documentNumber}} por el valor de {{amount}} con vencimiento el {{dueDate}}.',
  })
  body!: string;
  @ApiProperty({ example: 'built_in', enum: ['built_in', 'tenant', 'last_used'] }) source!: string;
  @ApiProperty({ example: '' }) updatedAt!: string;
}

export class TemplateListDto {
  @ApiProperty({ type: [MessageTemplateDto] }) items!: MessageTemplateDto[];
  @ApiProperty({ type: [TemplateVariableDto], description: 'The variables templates may use, as {{name}}; values are HTML-escaped in the HTML part.' })
  variables!: TemplateVariableDto[];
}

export class SaveTemplateDto {
  @ApiProperty({ example: 'Adjuntamos su factura Nro. {{documentNumber}}' }) subject!: string;
  @ApiProperty({ example: 'Estimado cliente {{clientName}}:\n\n...' }) body!: string;
}

export const SAVE_TEMPLATE = { subject: billingField.string, body: billingField.string } as const;

export class DeliveryStatusChangeDto {
  @ApiProperty({ example: 'accepted' }) status!: string;
  @ApiProperty({ example: '2024-03-26T15:04:05.000Z' }) at!: string;
  @ApiProperty({ example: 'system', enum: ['system', 'webhook'] }) source!: string;
  @ApiProperty({ example: '' }) errorCode!: string;
  @ApiProperty({ example: '250 2.0.0 Ok: queued' }) detail!: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'invoice:8f0c2a57:email' }) deliveryKey!: string;
  @ApiProperty({ example: 1 }) attempt!: number;
  @ApiProperty({ example: 'email', enum: ['email', 'whatsapp'] }) channel!: string;
  @ApiProperty({ example: '8f0c2a57-6d1e-4b3a-a9f2-7c5e1d3b9a40' }) clientId!: string;
  @ApiProperty({ example: 'invoice' }) documentKind!: string;
  @ApiProperty({ type: [String], example: ['usuario@galac.com'] }) recipients!: string[];
  @ApiProperty({ example: 'maria.perez@infotax.com.ve' }) copyTo!: string;
  @ApiProperty({ type: [String] }) artifactIds!: string[];
  @ApiProperty({ example: '<3b1e...@infotax.com.ve>' }) providerMessageId!: string;
  @ApiProperty({
    example: 'accepted',
    enum: ['sending', 'accepted', 'sent', 'delivered', 'read', 'failed', 'unknown'],
    description: 'E-mail: accepted by the mail server, never "delivered". unknown: interrupted after the provider may have accepted it; never resent automatically.',
  })
  status!: string;
  @ApiProperty({ type: [DeliveryStatusChangeDto] }) history!: DeliveryStatusChangeDto[];
  @ApiProperty({ example: '' }) errorCode!: string;
  @ApiProperty({ example: '' }) errorMessage!: string;
  @ApiProperty({ example: '', enum: ['', 'transient', 'permanent'] }) errorKind!: string;
  @ApiProperty({ example: '', enum: ['', 'portal_link'] }) fallback!: string;
  @ApiProperty({ example: 'El servidor de correo aceptó el mensaje; eso no garantiza que haya llegado al buzón.' }) note!: string;
  @ApiProperty({ example: 'Adjuntamos su factura Nro. 0001-00000012' }) subject!: string;
  @ApiProperty({ example: '"Infotax, S.A." <facturacion@infotax.com.ve>' }) sender!: string;
  @ApiProperty({ example: '2024-03-26T15:04:05.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2024-03-26T15:04:06.000Z' }) updatedAt!: string;
}

export class DeliveryListDto {
  @ApiProperty({ type: [DeliveryDto] }) items!: DeliveryDto[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 50 }) pageSize!: number;
}

export function settingsJson(s: ChannelSettings): ChannelSettingsDto {
  const smtp = s.smtp;
  const wa = s.whatsapp;
  return {
    smtp: {
      configured: smtp?.configured ?? false,
      host: smtp?.host ?? '',
      port: smtp?.port ?? 0,
      tlsMode: smtp?.tlsMode ?? '',
      user: smtp?.user ?? '',
      passwordConfigured: smtp?.passwordConfigured ?? false,
      fromAddress: smtp?.fromAddress ?? '',
    },
    whatsapp: {
      configured: wa?.configured ?? false,
      phoneNumberId: wa?.phoneNumberId ?? '',
      accessTokenConfigured: wa?.accessTokenConfigured ?? false,
      accessTokenLast4: wa?.accessTokenLast4 ?? '',
      appSecretConfigured: wa?.appSecretConfigured ?? false,
      verifyTokenConfigured: wa?.verifyTokenConfigured ?? false,
      templates: (wa?.templates ?? []).map((t) => ({ documentKind: t.documentKind, name: t.name, linkName: t.linkName, language: t.language })),
      apiBaseUrl: wa?.apiBaseUrl ?? '',
      apiVersion: wa?.apiVersion ?? '',
      webhookPath: `/v1/webhooks/whatsapp/${s.tenantId}`,
    },
    entitlement: entitlementJson(s.entitlement),
    version: s.version,
    updatedAt: s.updatedAt,
  };
}

export function entitlementJson(e: WhatsAppEntitlement | undefined): WhatsAppEntitlementDto {
  return { mode: e?.mode ?? 'disabled', freeUntil: e?.freeUntil ?? '', allowed: e?.allowed ?? false, explanation: e?.explanation ?? '' };
}

export function templateJson(t: MessageTemplate): MessageTemplateDto {
  return { documentKind: t.documentKind, language: t.language, subject: t.subject, body: t.body, source: t.source, updatedAt: t.updatedAt };
}

export function deliveryJson(d: Delivery): DeliveryDto {
  return {
    id: d.id,
    deliveryKey: d.deliveryKey,
    attempt: d.attempt,
    channel: d.channel,
    clientId: d.clientId,
    documentKind: d.documentKind,
    recipients: [...d.recipients],
    copyTo: d.copyTo,
    artifactIds: [...d.artifactIds],
    providerMessageId: d.providerMessageId,
    status: d.status,
    history: d.history.map((h) => ({ status: h.status, at: h.at, source: h.source, errorCode: h.errorCode, detail: h.detail })),
    errorCode: d.errorCode,
    errorMessage: d.errorMessage,
    errorKind: d.errorKind,
    fallback: d.fallback,
    note: d.note,
    subject: d.subject,
    sender: d.sender,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
