import { LOGGER } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { isUuid, notFound } from '../common/messages';
import { Delivery } from '../deliveries/delivery.entity';
import { DeliveryLog } from '../deliveries/delivery-log';
import { ChannelSettingsService } from '../settings/channel-settings.service';
import { WhatsAppCloudClient } from './cloud-api.client';

/**
 * Deletes the media uploaded for a message once it is no longer needed: when the message was
 * delivered, read or failed, or when asked (rpc.notifications.whatsapp.delete_media).
 * Uploaded media would otherwise stay 30 days on Meta's servers.
 */
@Injectable()
export class WhatsAppMediaService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: ChannelSettingsService,
    private readonly log: DeliveryLog,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async deleteFor(tenantId: string, deliveryId: string): Promise<number> {
    if (!isUuid(tenantId) || !isUuid(deliveryId)) throw notFound('delivery.not_found');
    const delivery = await this.em.fork().findOne(Delivery, { id: deliveryId, tenantId, channel: 'whatsapp' });
    if (!delivery) throw notFound('delivery.not_found');
    if (delivery.mediaDeletedAt || delivery.mediaIds.length === 0) return 0;
    const api = new WhatsAppCloudClient(await this.settings.whatsappConfig(tenantId));
    let deleted = 0;
    for (const id of delivery.mediaIds) {
      try {
        await api.deleteMedia(id);
        deleted += 1;
      } catch (error) {
        // Already gone (expired or deleted) counts as done; anything else is tried again later.
        const code = (error as { code?: number }).code;
        if (code !== 100) throw error;
      }
    }
    await this.log.markMediaDeleted(delivery.id);
    return deleted;
  }

  /** Best effort, after a webhook; failures are logged and left for an explicit call. */
  async deleteQuietly(tenantId: string, deliveryId: string): Promise<void> {
    await this.deleteFor(tenantId, deliveryId).catch((error) => this.logger.warn({ err: error, deliveryId }, 'could not delete WhatsApp media'));
  }
}
