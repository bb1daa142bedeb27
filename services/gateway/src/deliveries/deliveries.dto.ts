import type { Delivery, DeliveryRuntimeState } from '@cobranza/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { billingField } from '../documents/billing-request';
import { validationFailed, type ProblemExample } from '../http/problem-responses';

const RECIPIENTS = billingField.object({
  includeClient: billingField.boolean,
  contactIds: billingField.strings,
  staffIds: billingField.strings,
  extraEmails: billingField.string,
});
const REQUESTED_BY = billingField.object({ name: billingField.string, email: billingField.string });

/** POST /v1/clients/{clientId}/statement/deliveries */
export const STATEMENT_DELIVERY = {
  channels: billingField.strings,
  format: billingField.string,
  whatsappTo: billingField.string,
  email: RECIPIENTS,
  template: billingField.string,
  subject: billingField.string,
  body: billingField.string,
  customText: billingField.string,
  includePortalLink: billingField.boolean,
  sendCopy: billingField.boolean,
  requestedBy: REQUESTED_BY,
  language: billingField.string,
} as const;

/** POST /v1/documents/{documentId}/deliveries */
export const DOCUMENT_DELIVERY = {
  channels: billingField.strings,
  to: RECIPIENTS,
  whatsappTo: billingField.string,
  template: billingField.string,
  subject: billingField.string,
  body: billingField.string,
  customText: billingField.string,
  attachStatement: billingField.boolean,
  statementFormat: billingField.string,
  includePortalLink: billingField.boolean,
  sendCopy: billingField.boolean,
  requestedBy: REQUESTED_BY,
  language: billingField.string,
} as const;

/** PUT /v1/deliveries/{workflowId}/recipient */
export const CHANGE_RECIPIENT = { whatsappTo: billingField.string, emails: billingField.string } as const;

class RecipientsDto {
  @ApiPropertyOptional({ description: "The client's own addresses.", example: true }) includeClient?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Linked contacts (their addresses).' }) contactIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Staff members (their addresses).' }) staffIds?: string[];
  @ApiPropertyOptional({ description: 'More addresses, separated by commas or semicolons.', example: 'administracion@galac.com, pagos@galac.com' })
  extraEmails?: string;
}

class RequestedByDto {
  @ApiProperty({ example: 'Ana Rodríguez' }) name!: string;
  @ApiProperty({ example: 'ana.rodriguez@infotax.com.ve', description: 'Receives the copy ("Enviarme una copia") and the notice when every channel failed.' })
  email!: string;
}

export class StatementDeliveryDto {
  @ApiProperty({ type: [String], enum: ['email', 'whatsapp'], example: ['whatsapp', 'email'], description: 'In order of preference.' }) channels!: string[];
  @ApiPropertyOptional({ enum: ['pdf', 'xlsx'], example: 'pdf', description: 'Default pdf.' }) format?: string;
  @ApiPropertyOptional({ example: '04247181811', description: "Shown and editable (seed 000); empty: the client's WhatsApp number. Checked against the client's country." })
  whatsappTo?: string;
  @ApiPropertyOptional({ type: RecipientsDto }) email?: RecipientsDto;
  @ApiPropertyOptional({ enum: ['original', 'last_used'], example: 'original' }) template?: string;
  @ApiPropertyOptional({ example: 'Estado de cuenta al {{dueDate}}' }) subject?: string;
  @ApiPropertyOptional({ example: 'Estimado cliente {{clientName}}: adjuntamos su estado de cuenta. {{customText}}' }) body?: string;
  @ApiPropertyOptional({ example: 'Recuerde que aceptamos pago móvil.' }) customText?: string;
  @ApiPropertyOptional({ description: 'Default: yes when the tenant enabled the portal.' }) includePortalLink?: boolean;
  @ApiPropertyOptional({ example: true }) sendCopy?: boolean;
  @ApiPropertyOptional({ type: RequestedByDto }) requestedBy?: RequestedByDto;
  @ApiPropertyOptional({ enum: ['es', 'en'] }) language?: string;
}

export class DocumentDeliveryDto {
  @ApiPropertyOptional({ type: [String], enum: ['email', 'whatsapp'], example: ['email'], description: 'Default ["email"].' }) channels?: string[];
  @ApiPropertyOptional({ type: RecipientsDto, description: "Default: the client's own addresses." }) to?: RecipientsDto;
  @ApiPropertyOptional({ example: '' }) whatsappTo?: string;
  @ApiPropertyOptional({ enum: ['original', 'last_used'], example: 'last_used', description: 'Seed 002: the original template or the last one used for this client.' })
  template?: string;
  @ApiPropertyOptional({ example: 'Adjuntamos su factura Nro. {{documentNumber}}' }) subject?: string;
  @ApiPropertyOptional() body?: string;
  @ApiPropertyOptional({ example: 'Gracias por su compra.' }) customText?: string;
  @ApiPropertyOptional({ description: "Attach the client's statement; default: the tenant's statementInInvoiceEmails for invoices (seed 004)." })
  attachStatement?: boolean;
  @ApiPropertyOptional({ enum: ['pdf', 'xlsx'] }) statementFormat?: string;
  @ApiPropertyOptional({ description: "Default for invoices: the portal settings' linkInInvoiceEmails (when the portal is enabled)." }) includePortalLink?: boolean;
  @ApiPropertyOptional({ example: true }) sendCopy?: boolean;
  @ApiPropertyOptional({ type: RequestedByDto }) requestedBy?: RequestedByDto;
  @ApiPropertyOptional({ enum: ['es', 'en'] }) language?: string;
}

export class ChangeRecipientDto {
  @ApiPropertyOptional({ example: '04141234567' }) whatsappTo?: string;
  @ApiPropertyOptional({ example: 'pagos@galac.com', description: 'Separated by commas or semicolons; replaces the addressees not yet reached.' }) emails?: string;
}

export class DeliveryTargetDto {
  @ApiProperty({ enum: ['email', 'whatsapp'] }) channel!: string;
  @ApiProperty({ example: '+584247181811' }) recipient!: string;
  @ApiProperty({ example: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.' }) name!: string;
  @ApiProperty({ example: 'statement-delivery:6f1c…:9b2e…:whatsapp:1' }) deliveryKey!: string;
  @ApiProperty({
    enum: ['pending', 'sending', 'retrying', 'accepted', 'awaiting_receipt', 'delivered', 'read', 'sent_receipt_unknown', 'failed', 'unknown', 'cancelled', 'replaced'],
    example: 'retrying',
  })
  status!: string;
  @ApiProperty({ example: 3 }) attempt!: number;
  @ApiProperty({ example: '2026-11-24T10:04:00.000Z' }) nextRetryAt!: string;
  @ApiProperty({ example: '' }) deliveryId!: string;
  @ApiProperty({ example: 'smtp.ECONNECTION' }) lastErrorCode!: string;
  @ApiProperty({ example: 'connect ECONNREFUSED 127.0.0.1:2525' }) lastError!: string;
  @ApiProperty({ enum: ['requested', 'fallback', 'changed'] }) reason!: string;
}

export class DeliveryStateDto {
  @ApiProperty({ example: 'statement-delivery:6f1c…:9b2e…' }) workflowId!: string;
  @ApiProperty({
    enum: ['Preparing', 'Sending', 'AwaitingReceipt', 'Retrying', 'Delivered', 'Sent', 'FellBack', 'PartlyDelivered', 'Unknown', 'Failed', 'Cancelled', 'NoRecipients'],
    example: 'Retrying',
  })
  status!: string;
  @ApiProperty({ example: 'user' }) origin!: string;
  @ApiProperty({ type: [String], example: ['whatsapp'] }) channels!: string[];
  @ApiProperty({ type: [DeliveryTargetDto] }) targets!: DeliveryTargetDto[];
  @ApiProperty({ type: [String] }) artifactIds!: string[];
  @ApiProperty() whatsappArtifactId!: string;
  @ApiProperty() portalLinkIncluded!: boolean;
  @ApiProperty({ example: 'WhatsApp +584141111111: (#131026) Message undeliverable' }) fallbackReason!: string;
  @ApiProperty({ example: '' }) failureNoticeTo!: string;
  @ApiProperty({ example: '' }) failureNoticeStatus!: string;
  @ApiProperty() cancelRequested!: boolean;
  @ApiProperty({ example: 'Retrying, attempt 4 to usuario@galac.com, next at 2026-11-24T10:04:00.000Z; last error: connect ECONNREFUSED' }) summary!: string;
  @ApiProperty({ description: 'The workflow has finished: it takes no more commands.' }) closed!: boolean;
}

export class DocumentDeliveryStatusDto {
  @ApiProperty({ enum: ['email', 'whatsapp'] }) channel!: string;
  @ApiProperty({ example: 'usuario@galac.com' }) recipient!: string;
  @ApiProperty({
    enum: ['sending', 'accepted', 'sent', 'delivered', 'read', 'failed', 'unknown'],
    description: 'accepted: the mail server took it (never "delivered" for e-mail); sent/delivered/read: WhatsApp statuses; unknown: interrupted, never resent.',
  })
  status!: string;
  @ApiProperty({ example: 'El servidor de correo aceptó el mensaje; la entrega al buzón no se puede confirmar.' }) meaning!: string;
  @ApiProperty({ example: '' }) errorCode!: string;
  @ApiProperty({ example: '' }) errorMessage!: string;
  @ApiProperty({ example: 'document-send:3a0e…:b7c1…' }) workflowId!: string;
  @ApiProperty() deliveryId!: string;
  @ApiProperty({ example: 1 }) attempt!: number;
  @ApiProperty({ example: '2026-11-23T18:01:27.321Z' }) updatedAt!: string;
}

export class DocumentDeliveriesDto {
  @ApiProperty({ type: [DocumentDeliveryStatusDto] }) items!: DocumentDeliveryStatusDto[];
}

export const INVALID_DELIVERY: ProblemExample = validationFailed({
  whatsappTo:
    'El número de WhatsApp 0212 5551234 no es válido para VE (phone.landline); escriba un celular de operadora venezolana, por ejemplo 04121234567.',
  'email.extraEmails': 'El correo pagos@galac no es válido; escríbalo como usuario@dominio.com. Separe varios con coma.',
});
export const DELIVERY_NOT_FOUND: ProblemExample = { status: 404, code: 'delivery.not_found', detail: 'No existe el envío indicado.' };
export const DELIVERY_FINISHED: ProblemExample = { status: 409, code: 'delivery.finished', detail: 'El envío ya terminó o se está cancelando; no admite cambios.' };
export const NOT_RETRYING: ProblemExample = { status: 409, code: 'delivery.not_retrying', detail: 'El envío no está esperando un reintento.' };
export const NOT_ISSUED: ProblemExample = {
  status: 409,
  code: 'delivery.document_not_issued',
  detail: 'El documento 0001-00000012 no está emitido (está draft); solo se envían documentos emitidos.',
};

export function stateJson(state: DeliveryRuntimeState): DeliveryStateDto {
  const { $typeName: _type, targets, ...rest } = state;
  return { ...rest, targets: targets.map(({ $typeName: _t, ...t }) => t) };
}

const MEANINGS = {
  es: {
    sending: 'Se está enviando.',
    accepted: 'El servidor de correo aceptó el mensaje; la entrega al buzón no se puede confirmar.',
    sent: 'WhatsApp lo envió; aún no confirma la entrega.',
    delivered: 'WhatsApp lo entregó al teléfono.',
    read: 'El destinatario lo leyó en WhatsApp.',
    failed: 'No se pudo enviar.',
    unknown: 'Se interrumpió el envío; no se sabe si salió. No se reenvía automáticamente.',
  },
  en: {
    sending: 'Being sent.',
    accepted: 'The mail server accepted the message; delivery to the mailbox cannot be confirmed.',
    sent: 'WhatsApp sent it; delivery not confirmed yet.',
    delivered: 'WhatsApp delivered it to the phone.',
    read: 'The recipient read it on WhatsApp.',
    failed: 'It could not be sent.',
    unknown: 'The send was interrupted; whether it left is unknown. It is never resent automatically.',
  },
} as const;

/**
 * One document's deliveries from any path, per delivery key (one recipient on one channel): only
 * the latest attempt counts, so a transient failure followed by an accepted retry shows accepted,
 * and a failed send is never shown as sent.
 */
export function documentDeliveries(items: Delivery[], lang: 'es' | 'en'): DocumentDeliveriesDto {
  const latest = new Map<string, Delivery>();
  for (const d of items) {
    // The notice to the requester is about the send, not a send of the document.
    if (d.deliveryKey.endsWith(':failure-notice')) continue;
    const seen = latest.get(d.deliveryKey);
    if (!seen || seen.attempt < d.attempt) latest.set(d.deliveryKey, d);
  }
  return {
    items: [...latest.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.deliveryKey.localeCompare(b.deliveryKey))
      .map((d) => ({
        channel: d.channel,
        recipient: d.recipients.join(', '),
        status: d.status,
        meaning: MEANINGS[lang][d.status as keyof (typeof MEANINGS)['es']] ?? d.status,
        errorCode: d.errorCode,
        errorMessage: d.errorMessage,
        workflowId: d.deliveryKey.replace(/:(email|whatsapp):\d+$|:failure-notice$/, ''),
        deliveryId: d.id,
        attempt: d.attempt,
        updatedAt: d.updatedAt,
      })),
  };
}
