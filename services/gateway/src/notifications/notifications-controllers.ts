import { DeliveriesController } from './deliveries.controller';
import { NotificationSettingsController } from './notification-settings.controller';
import { NotificationTemplatesController } from './notification-templates.controller';
import { WhatsAppWebhooksController } from './whatsapp-webhooks.controller';

/** The HTTP routes of the notifications service: channel settings, templates, delivery log and WhatsApp webhooks. */
export const NOTIFICATIONS_CONTROLLERS = [NotificationSettingsController, NotificationTemplatesController, DeliveriesController, WhatsAppWebhooksController];
