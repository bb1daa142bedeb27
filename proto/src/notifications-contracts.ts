import { DeliverySchema, DeliveryUpdatedSchema, GetDeliveryRequestSchema, ListDeliveriesReplySchema, ListDeliveriesRequestSchema } from './gen/cobranza/notifications/v1/delivery_pb';
import { DeleteWhatsAppMediaReplySchema, DeleteWhatsAppMediaRequestSchema, SendEmailRequestSchema, SendWhatsAppDocumentRequestSchema } from './gen/cobranza/notifications/v1/send_pb';
import {
  ChannelSettingsSchema,
  GetChannelSettingsRequestSchema,
  GetWhatsAppEntitlementRequestSchema,
  SetWhatsAppEntitlementRequestSchema,
  UpdateChannelSettingsRequestSchema,
  WhatsAppEntitlementSchema,
} from './gen/cobranza/notifications/v1/settings_pb';
import {
  GetTemplateRequestSchema,
  ListTemplatesReplySchema,
  ListTemplatesRequestSchema,
  MessageTemplateSchema,
  ResetTemplateRequestSchema,
  SaveTemplateRequestSchema,
} from './gen/cobranza/notifications/v1/template_pb';
import {
  ReceiveWhatsAppWebhookReplySchema,
  ReceiveWhatsAppWebhookRequestSchema,
  VerifyWhatsAppWebhookReplySchema,
  VerifyWhatsAppWebhookRequestSchema,
} from './gen/cobranza/notifications/v1/webhook_pb';
import { event, rpc, type RpcContract } from './contract';
import { SystemRpc, TenancyRpc } from './subjects';

export * from './gen/cobranza/notifications/v1/delivery_pb';
export * from './gen/cobranza/notifications/v1/send_pb';
export * from './gen/cobranza/notifications/v1/settings_pb';
export * from './gen/cobranza/notifications/v1/template_pb';
export * from './gen/cobranza/notifications/v1/webhook_pb';

/**
 * Requests the notifications service answers. Sends wait for the mail server or the Cloud API
 * (uploads included): callers pass `{ timeoutMs: NOTIFICATIONS_SEND_TIMEOUT_MS }`. A caller that
 * times out retries with the same delivery key and never gets a second message.
 */
export const NotificationsRpc = {
  sendEmail: rpc('rpc.notifications.email.send', SendEmailRequestSchema, DeliverySchema),
  sendWhatsAppDocument: rpc('rpc.notifications.whatsapp.send_document', SendWhatsAppDocumentRequestSchema, DeliverySchema),
  deleteWhatsAppMedia: rpc('rpc.notifications.whatsapp.delete_media', DeleteWhatsAppMediaRequestSchema, DeleteWhatsAppMediaReplySchema),

  getSettings: rpc('rpc.notifications.settings.get', GetChannelSettingsRequestSchema, ChannelSettingsSchema),
  updateSettings: rpc('rpc.notifications.settings.update', UpdateChannelSettingsRequestSchema, ChannelSettingsSchema),
  getEntitlement: rpc('rpc.notifications.entitlement.get', GetWhatsAppEntitlementRequestSchema, WhatsAppEntitlementSchema),
  /** For operators: what the tenant contracted. The gateway never exposes it to tenants. */
  setEntitlement: rpc('rpc.notifications.entitlement.set', SetWhatsAppEntitlementRequestSchema, WhatsAppEntitlementSchema),

  listTemplates: rpc('rpc.notifications.template.list', ListTemplatesRequestSchema, ListTemplatesReplySchema),
  getTemplate: rpc('rpc.notifications.template.get', GetTemplateRequestSchema, MessageTemplateSchema),
  saveTemplate: rpc('rpc.notifications.template.save', SaveTemplateRequestSchema, MessageTemplateSchema),
  resetTemplate: rpc('rpc.notifications.template.reset', ResetTemplateRequestSchema, MessageTemplateSchema),

  listDeliveries: rpc('rpc.notifications.delivery.list', ListDeliveriesRequestSchema, ListDeliveriesReplySchema),
  getDelivery: rpc('rpc.notifications.delivery.get', GetDeliveryRequestSchema, DeliverySchema),

  verifyWhatsAppWebhook: rpc('rpc.notifications.whatsapp_webhook.verify', VerifyWhatsAppWebhookRequestSchema, VerifyWhatsAppWebhookReplySchema),
  receiveWhatsAppWebhook: rpc('rpc.notifications.whatsapp_webhook.receive', ReceiveWhatsAppWebhookRequestSchema, ReceiveWhatsAppWebhookReplySchema),
} as const;

/** A generous timeout for send requests: an upload, a send and maybe a fallback send. */
export const NOTIFICATIONS_SEND_TIMEOUT_MS = 120_000;

export const NotificationsEvents = {
  /** A delivery's current status changed (accepted, sent, delivered, read, failed, unknown). */
  deliveryUpdated: event('evt.notifications.delivery.updated', DeliveryUpdatedSchema),
} as const;

/** Every subject the notifications service answers. */
export const NOTIFICATIONS_CONTRACTS: RpcContract[] = [
  SystemRpc.status.notifications,
  TenancyRpc.provision.notifications,
  ...Object.values(NotificationsRpc),
];
