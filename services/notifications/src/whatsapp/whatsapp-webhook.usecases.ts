import type { ReceiveWhatsAppWebhookRequest, VerifyWhatsAppWebhookRequest } from '@cobranza/contracts';
import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { domainError, isUuid } from '../common/messages';
import { DeliveryLog } from '../deliveries/delivery-log';
import { ChannelSettingsService } from '../settings/channel-settings.service';
import { parseStatuses, verifySignature } from './domain/webhook';
import { WhatsAppMediaService } from './whatsapp-media.service';

const TERMINAL = new Set(['delivered', 'read', 'failed']);

/**
 * The tenant's status webhook (/v1/webhooks/whatsapp/{tenant id} at the gateway): the GET
 * subscription challenge and the signed POSTs. The app secret and verify token never leave this
 * service; the gateway forwards the raw body and the signature header.
 */
@Injectable()
export class WhatsAppWebhookUseCases {
  constructor(
    private readonly settings: ChannelSettingsService,
    private readonly log: DeliveryLog,
    private readonly media: WhatsAppMediaService,
  ) {}

  async verify(request: VerifyWhatsAppWebhookRequest) {
    const expected = isUuid(request.tenantId) ? await this.settings.verifyToken(request.tenantId) : undefined;
    const given = Buffer.from(request.verifyToken, 'utf8');
    const ok =
      request.mode === 'subscribe' &&
      expected !== undefined &&
      given.length === Buffer.byteLength(expected) &&
      timingSafeEqual(given, Buffer.from(expected, 'utf8'));
    if (!ok) throw domainError('webhook.verify_refused', 403);
    return { challenge: request.challenge };
  }

  async receive(request: ReceiveWhatsAppWebhookRequest) {
    const secret = isUuid(request.tenantId) ? await this.settings.appSecret(request.tenantId) : undefined;
    // An unknown tenant, a tenant without an app secret and a bad signature look the same.
    if (!secret || !verifySignature(request.body, request.signature, secret)) throw domainError('webhook.signature_invalid', 401);
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(request.body).toString('utf8'));
    } catch {
      throw domainError('webhook.body_invalid', 400);
    }
    const statuses = parseStatuses(payload);
    let changed = 0;
    const cleanup: string[] = [];
    for (const status of statuses) {
      const result = await this.log.applyWebhook(request.tenantId, status);
      if (result.changed) changed += 1;
      const d = result.delivery;
      if (d && TERMINAL.has(d.status) && d.mediaIds.length > 0 && !d.mediaDeletedAt) cleanup.push(d.id);
    }
    for (const id of new Set(cleanup)) await this.media.deleteQuietly(request.tenantId, id);
    return { statuses: statuses.length, changed, ignored: statuses.length - changed };
  }
}
