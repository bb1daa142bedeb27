import { SendWhatsAppDocumentRequestSchema, type Client, type SendWhatsAppDocumentRequest } from '@cobranza/contracts';
import { ArtifactStore, LOGGER } from '@cobranza/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { domainError, fieldErrors, isUuid, notFound } from '../common/messages';
import { DeliveryLog, type Outcome } from '../deliveries/delivery-log';
import { toDeliveryMessage } from '../deliveries/delivery.mapper';
import { areReferenceIds, isDeliveryKey, referenceIdsOf } from '../deliveries/domain/delivery-status';
import { requestHash } from '../deliveries/domain/request-hash';
import { ChannelSettingsService } from '../settings/channel-settings.service';
import { TEMPLATE_KINDS } from '../templates/domain/built-in-templates';
import { NotificationTenants } from '../tenants/notification-tenants';
import { CloudApiError, CloudApiNetworkError, WhatsAppCloudClient } from './cloud-api.client';
import { MEDIA_REFUSED_CODES } from './domain/cloud-api-errors';
import { toE164 } from './domain/phone';

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a document by WhatsApp (seed 000): upload the PDF or XLSX, then the tenant's approved
 * template with the document in its header (what opens a conversation). A spreadsheet refused in
 * the header is replaced by the template that carries the portal link, and the outcome says so.
 */
@Injectable()
export class SendWhatsAppUseCase {
  constructor(
    private readonly tenants: NotificationTenants,
    private readonly settings: ChannelSettingsService,
    private readonly log: DeliveryLog,
    private readonly artifacts: ArtifactStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(request: SendWhatsAppDocumentRequest) {
    const key = request.deliveryKey.trim();
    const documentKind = request.documentKind.trim();
    const errors = fieldErrors();
    if (!isDeliveryKey(key)) errors.add('deliveryKey', 'delivery_key.invalid');
    if (!areReferenceIds(request.referenceIds)) errors.add('referenceIds', 'reference_ids.invalid');
    if (!(TEMPLATE_KINDS as readonly string[]).includes(documentKind))
      errors.add('documentKind', 'kind.invalid', { value: documentKind, allowed: TEMPLATE_KINDS.join(', ') });
    if (!request.artifactId.trim()) errors.add('artifactId', 'artifact.required');
    errors.throwIfAny();
    const tenant = await this.tenants.get(request.tenantId);
    const hash = requestHash(SendWhatsAppDocumentRequestSchema, request);
    const replay = await this.log.peek(tenant.id, key, hash);
    if (replay) return toDeliveryMessage(replay.delivery, replay.history, true);

    await this.settings.assertWhatsAppAllowed(tenant);
    const config = await this.settings.whatsappConfig(tenant.id);
    const template = config.templates.find((t) => t.documentKind === documentKind);
    if (!template) throw domainError('whatsapp.template_not_configured', 422, { kind: documentKind });

    const clientId = request.clientId.trim() || null;
    if (clientId && !isUuid(clientId)) throw notFound('client.not_found');
    let client: Client | undefined;
    if (clientId && (!request.to.trim() || (!request.variables?.clientName.trim() && request.bodyParameters.length === 0))) {
      client = await this.tenants.client(tenant.id, clientId);
    }
    const typed = request.to.trim() || client?.whatsappE164 || '';
    const to = toE164(typed);
    if (!to) errors.add('to', typed ? 'phone.invalid' : 'required', { input: typed });
    const info = await this.artifacts.info(tenant.id, request.artifactId.trim());
    if (![PDF, XLSX].includes(info.mediaType)) errors.add('artifactId', 'artifact.type_unsupported', { mediaType: info.mediaType });
    errors.throwIfAny();
    const { bytes } = await this.artifacts.readAll(tenant.id, info.id);
    const clientName = request.variables?.clientName.trim() || client?.legalName || '';
    const bodyParameters = request.bodyParameters.length ? request.bodyParameters : clientName ? [clientName] : [];
    const portalLink = request.variables?.portalLink.trim() ?? '';

    const started = await this.log.begin({
      tenantId: tenant.id,
      deliveryKey: key,
      requestHash: hash,
      channel: 'whatsapp',
      clientId,
      documentKind,
      recipients: [to as string],
      copyTo: null,
      artifactIds: [info.id],
      referenceIds: referenceIdsOf(request.referenceIds),
      subject: template.name,
      sender: config.phoneNumberId,
    });
    if (started.replay) return toDeliveryMessage(started.delivery, started.history, true);
    const delivery = started.delivery;
    const api = new WhatsAppCloudClient(config);
    const language = template.language || 'es';

    let outcome: Outcome;
    let mediaId: string | undefined;
    try {
      mediaId = await api.uploadMedia(bytes, info.mediaType, info.fileName);
      try {
        const messageId = await api.sendTemplate({
          to: to as string,
          templateName: template.name,
          language,
          document: { id: mediaId, filename: info.fileName },
          bodyParameters,
          callbackData: key,
        });
        outcome = { status: 'accepted', providerMessageId: messageId, mediaIds: [mediaId] };
      } catch (error) {
        const refusedSpreadsheet = info.mediaType === XLSX && error instanceof CloudApiError && MEDIA_REFUSED_CODES.has(error.code);
        if (!refusedSpreadsheet) throw error;
        await this.deleteQuietly(api, mediaId, delivery.id);
        mediaId = undefined;
        if (!template.linkName || !portalLink) throw error;
        const messageId = await api.sendTemplate({
          to: to as string,
          templateName: template.linkName,
          language,
          bodyParameters: [...bodyParameters, portalLink],
          callbackData: key,
        });
        outcome = { status: 'accepted', providerMessageId: messageId, fallback: 'portal_link', detail: `${(error as CloudApiError).providerCode}: ${(error as Error).message}` };
      }
    } catch (error) {
      outcome = this.failure(error);
      // The media of a message that was not accepted is no longer needed.
      if (mediaId && outcome.status === 'failed') {
        await this.deleteQuietly(api, mediaId, delivery.id);
        mediaId = undefined;
      } else if (mediaId) outcome.mediaIds = [mediaId];
    }
    const recorded = await this.log.recordOutcome(delivery.id, outcome);
    return toDeliveryMessage(recorded.delivery, recorded.history);
  }

  private failure(error: unknown): Outcome {
    if (error instanceof CloudApiError) {
      return {
        status: 'failed',
        errorCode: error.providerCode,
        errorMessage: [error.message, error.details].filter(Boolean).join(': '),
        errorKind: error.kind,
      };
    }
    if (error instanceof CloudApiNetworkError) {
      return error.certainlyNotSent
        ? { status: 'failed', errorCode: 'whatsapp.network', errorMessage: error.message, errorKind: 'transient' }
        : { status: 'unknown', errorCode: 'whatsapp.no_answer', errorMessage: error.message };
    }
    this.logger.error({ err: error }, 'unexpected WhatsApp send failure');
    return { status: 'unknown', errorCode: 'whatsapp.unexpected', errorMessage: (error as Error).message };
  }

  private async deleteQuietly(api: WhatsAppCloudClient, mediaId: string, deliveryId: string): Promise<void> {
    await api.deleteMedia(mediaId).catch((error) => this.logger.warn({ err: error, deliveryId }, 'could not delete WhatsApp media'));
  }
}
