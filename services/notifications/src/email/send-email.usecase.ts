import { SendEmailRequestSchema, type Client, type SendEmailRequest } from '@cobranza/contracts';
import { ArtifactStore, LOGGER, ValidationError } from '@cobranza/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { domainError, fieldErrors, isUuid, notFound, message } from '../common/messages';
import { DeliveryLog } from '../deliveries/delivery-log';
import { toDeliveryMessage } from '../deliveries/delivery.mapper';
import { areReferenceIds, isDeliveryKey, referenceIdsOf } from '../deliveries/domain/delivery-status';
import { requestHash } from '../deliveries/domain/request-hash';
import { ChannelSettingsService } from '../settings/channel-settings.service';
import { renderMessage } from '../templates/domain/render';
import { templateValues } from '../templates/domain/variables';
import { TemplatesService } from '../templates/templates.service';
import { languageOf, NotificationTenants } from '../tenants/notification-tenants';
import { normalizeEmail, parseEmailList } from '@cobranza/contact-rules';
import { classifySmtpError } from './domain/smtp-errors';
import { SmtpTransports } from './smtp-transports';

const MAX_RECIPIENTS = 50;
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * Sends one e-mail (seeds 002 and 004): From the tenant's legal name unless the sender changes
 * it, To one or more addresses, the copy to the sender, the chosen template filled in, the
 * artifacts attached. Idempotent by delivery key; the outcome says "accepted" by the mail
 * server or why not, never "delivered".
 */
@Injectable()
export class SendEmailUseCase {
  constructor(
    private readonly tenants: NotificationTenants,
    private readonly settings: ChannelSettingsService,
    private readonly templates: TemplatesService,
    private readonly log: DeliveryLog,
    private readonly transports: SmtpTransports,
    private readonly artifacts: ArtifactStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(request: SendEmailRequest) {
    const key = request.deliveryKey.trim();
    const documentKind = request.documentKind.trim();
    const errors = fieldErrors();
    if (!isDeliveryKey(key)) errors.add('deliveryKey', 'delivery_key.invalid');
    if (!areReferenceIds(request.referenceIds)) errors.add('referenceIds', 'reference_ids.invalid');
    this.templates.checkChoice(errors, { documentKind, language: request.language, choice: request.template });
    errors.throwIfAny();
    const tenant = await this.tenants.get(request.tenantId);
    const hash = requestHash(SendEmailRequestSchema, request);
    const replay = await this.log.peek(tenant.id, key, hash);
    if (replay) return toDeliveryMessage(replay.delivery, replay.history, true);

    const language = (request.language || languageOf(tenant.locale)) as 'es' | 'en';
    const clientId = request.clientId.trim() || null;
    if (clientId && !isUuid(clientId)) throw notFound('client.not_found');
    const variables = request.variables;
    let client: Client | undefined;
    const needClient = clientId && (!request.to.trim() || !variables?.clientName.trim());
    if (needClient) client = await this.tenants.client(tenant.id, clientId);

    const to = parseEmailList(request.to.trim() || (client?.emails ?? []).join(','));
    if (!to.ok) errors.add('to', to.problem.code, to.problem.params);
    else if (to.value.length === 0) errors.add('to', 'email.required');
    else if (to.value.length > MAX_RECIPIENTS) errors.add('to', 'email.too_many', { max: MAX_RECIPIENTS });

    let copyTo: string | null = null;
    if (request.sendCopy) {
      const typed = request.copyTo.trim() || (await this.tenants.email(tenant.id));
      const copy = normalizeEmail(typed);
      if (!typed) errors.add('copyTo', 'email.copy_address_missing');
      else if (!copy.ok) errors.add('copyTo', 'email.invalid', copy.problem.params);
      else copyTo = copy.value;
    }

    const chosen = await this.templates.choose(tenant.id, documentKind, language, request.template || 'original', clientId);
    const template = { language: chosen.language, subject: request.subject ?? chosen.subject, body: request.body ?? chosen.body };
    this.templates.checkSource(errors, template.subject, template.body);
    const fromName = (request.fromName.trim() || tenant.legalName).replace(/[\r\n]+/g, ' ').slice(0, 200);
    errors.throwIfAny();

    const attachments = await this.readAttachments(tenant.id, request.artifactIds);
    const smtp = await this.settings.smtpConfig(tenant.id);
    const values = templateValues(
      {
        clientName: variables?.clientName || client?.legalName || '',
        documentLetter: variables?.documentLetter ?? '',
        documentNumber: variables?.documentNumber ?? '',
        amount: variables?.amount ?? '',
        currency: variables?.currency ?? '',
        dueDate: variables?.dueDate ?? '',
        portalLink: variables?.portalLink ?? '',
        customText: variables?.customText ?? '',
      },
      documentKind,
      tenant.legalName,
      template.language as 'es' | 'en',
    );
    let rendered;
    try {
      rendered = renderMessage(template, values);
    } catch (error) {
      throw new ValidationError(message('validation_failed'), { body: message('template.render_failed', { detail: (error as Error).message }) });
    }
    const recipients = to.ok ? to.value : [];
    const sender = `"${fromName.replace(/"/g, "'")}" <${smtp.fromAddress}>`;

    const started = await this.log.begin({
      tenantId: tenant.id,
      deliveryKey: key,
      requestHash: hash,
      channel: 'email',
      clientId,
      documentKind,
      recipients,
      copyTo,
      artifactIds: attachments.map((a) => a.artifactId),
      referenceIds: referenceIdsOf(request.referenceIds),
      subject: rendered.subject,
      sender,
    });
    if (started.replay) return toDeliveryMessage(started.delivery, started.history, true);
    const delivery = started.delivery;
    const domain = smtp.fromAddress.split('@')[1] ?? 'cobranza.local';
    const messageId = `<${delivery.id}.${delivery.attempt}@${domain}>`;

    let outcome;
    try {
      const info = await this.transports.get(tenant.id, smtp).sendMail({
        messageId,
        from: { name: fromName, address: smtp.fromAddress },
        to: recipients,
        bcc: copyTo ?? undefined,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        attachments: attachments.map((a) => ({ filename: a.fileName, content: a.bytes, contentType: a.mediaType })),
        headers: { 'X-Cobranza-Delivery-Key': key },
      });
      const rejected = ((info.rejected ?? []) as Array<string | { address: string }>).map((r) => (typeof r === 'string' ? r : r.address));
      outcome = await this.log.recordOutcome(delivery.id, {
        status: 'accepted',
        providerMessageId: info.messageId || messageId,
        detail: [String(info.response ?? ''), rejected.length ? `refused: ${rejected.join(', ')}` : ''].filter(Boolean).join('; '),
      });
      if (clientId) await this.templates.remember(tenant.id, clientId, documentKind, template);
    } catch (error) {
      const failure = classifySmtpError(error);
      this.logger.warn({ deliveryId: delivery.id, code: failure.code, kind: failure.kind }, 'e-mail not accepted');
      outcome = await this.log.recordOutcome(
        delivery.id,
        failure.kind === 'unknown'
          ? { status: 'unknown', providerMessageId: messageId, errorCode: failure.code, errorMessage: failure.message }
          : { status: 'failed', errorCode: failure.code, errorMessage: failure.message, errorKind: failure.kind },
      );
    }
    return toDeliveryMessage(outcome.delivery, outcome.history);
  }

  private async readAttachments(tenantId: string, ids: string[]) {
    const out: Array<{ artifactId: string; fileName: string; mediaType: string; bytes: Buffer }> = [];
    let total = 0;
    for (const id of [...new Set(ids.map((i) => i.trim().toLowerCase()).filter(Boolean))]) {
      const { info, bytes } = await this.artifacts.readAll(tenantId, id);
      total += bytes.length;
      if (total > MAX_ATTACHMENT_BYTES)
        throw domainError('artifact.too_large', 413, { size: (total / 1048576).toFixed(1), max: String(MAX_ATTACHMENT_BYTES / 1048576) });
      out.push({ artifactId: info.id, fileName: info.fileName, mediaType: info.mediaType, bytes });
    }
    return out;
  }
}
