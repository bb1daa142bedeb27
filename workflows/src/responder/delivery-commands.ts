import { BillingRpc, ClientsRpc, NotificationsRpc, PortalRpc, type DeliveryCommandRequest, type DeliveryRuntimeState, type StartDeliveryRequest } from '@cobranza/contracts';
import { DomainError, messageCatalog, NotFoundError, ValidationError, type RpcClient } from '@cobranza/platform';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { DeliveryRuntimeStateSchema } from '@cobranza/contracts';
import { randomUUID } from 'node:crypto';
import {
  cancelDeliveryUpdate,
  changeRecipientUpdate,
  CHANNEL_KEY,
  CLIENT_DELIVERY_WORKFLOW_TYPE,
  CLIENT_ID_KEY,
  DELIVERY_REFUSED,
  DELIVERY_STATUS_KEY,
  DELIVERY_WORKFLOW_PREFIXES,
  deliveryStateQuery,
  DOCUMENT_KIND_KEY,
  documentSendWorkflowId,
  parseEmails,
  REQUEST_KEY_PATTERN,
  retryNowUpdate,
  statementDeliveryWorkflowId,
  TENANT_ID_KEY,
  type ClientDeliveryRequest,
  type ClientDeliveryState,
  type DeliveryChannel,
} from '../client-delivery/shared';
import { MAIN_TASK_QUEUE } from '../task-queues';
import { normalizeWhatsAppNumber } from '@cobranza/contact-rules';

const message = messageCatalog({
  es: {
    validation_failed: 'Los datos enviados no son válidos; revise los campos indicados.',
    'delivery.not_found': 'No existe el envío indicado.',
    'delivery.finished': 'El envío ya terminó o se está cancelando; no admite cambios.',
    'delivery.not_retrying': 'El envío no está esperando un reintento.',
    'delivery.sending_now': 'Se está enviando en este momento al destinatario actual; intente de nuevo en unos segundos.',
    'delivery.document_not_issued': 'El documento {number} no está emitido (está {status}); solo se envían documentos emitidos.',
    'subject_kind.invalid': 'Indique statement (estado de cuenta) o document (documento).',
    'channels.required': 'Elija al menos un canal: email o whatsapp.',
    'channels.invalid': 'Canal desconocido: {value}. Use email o whatsapp.',
    'format.invalid': 'El formato {value} no es válido; use pdf o xlsx.',
    'template.invalid': 'La plantilla {value} no es válida; use original o last_used.',
    'language.invalid': 'El idioma {value} no es válido; use es o en.',
    'request_key.invalid': 'La clave de idempotencia admite de 1 a 100 letras sin acentos, dígitos, puntos, guiones, guiones bajos o dos puntos.',
    'client.required': 'Indique el cliente.',
    'document.required': 'Indique el documento.',
    'email.invalid': 'El correo {address} no es válido; escríbalo como usuario@dominio.com. Separe varios con coma.',
    'email.no_recipients': 'Elija al menos un destinatario del correo: el cliente (si tiene correo), un contacto, un empleado o un correo adicional.',
    'recipient.required': 'Indique el nuevo número de WhatsApp o los nuevos correos.',
    'channel.not_in_delivery': 'Este envío no usa WhatsApp.',
    'phone.required': 'El cliente no tiene número de WhatsApp; escriba uno para este envío.',
    'phone.problem': 'El número de WhatsApp {input} no es válido para {country} ({code}).',
    'phone.problem_example': 'El número de WhatsApp {input} no es válido para {country} ({code}); por ejemplo {example}.',
    'whatsapp.not_entitled': '{explanation}',
  },
  en: {
    validation_failed: 'The data sent is not valid; check the fields listed.',
    'delivery.not_found': 'The delivery does not exist.',
    'delivery.finished': 'The delivery has finished or is being cancelled; it takes no changes.',
    'delivery.not_retrying': 'The delivery is not waiting for a retry.',
    'delivery.sending_now': 'A message to the current recipient is being sent right now; try again in a few seconds.',
    'delivery.document_not_issued': 'Document {number} is not issued (it is {status}); only issued documents are sent.',
    'subject_kind.invalid': 'Send statement or document.',
    'channels.required': 'Choose at least one channel: email or whatsapp.',
    'channels.invalid': 'Unknown channel: {value}. Use email or whatsapp.',
    'format.invalid': 'The format {value} is not valid; use pdf or xlsx.',
    'template.invalid': 'The template {value} is not valid; use original or last_used.',
    'language.invalid': 'The language {value} is not valid; use es or en.',
    'request_key.invalid': 'The idempotency key takes 1 to 100 unaccented letters, digits, dots, dashes, underscores or colons.',
    'client.required': 'Send the client.',
    'document.required': 'Send the document.',
    'email.invalid': 'The address {address} is not valid; write it as user@domain.com. Separate several with commas.',
    'email.no_recipients': 'Choose at least one e-mail recipient: the client (when it has an address), a contact, a staff member or an extra address.',
    'recipient.required': 'Send the new WhatsApp number or the new addresses.',
    'channel.not_in_delivery': 'This delivery does not use WhatsApp.',
    'phone.required': 'The client has no WhatsApp number; enter one for this send.',
    'phone.problem': 'The WhatsApp number {input} is not valid for {country} ({code}).',
    'phone.problem_example': 'The WhatsApp number {input} is not valid for {country} ({code}); for example {example}.',
    'whatsapp.not_entitled': '{explanation}',
  },
});

type Reply = MessageInitShape<typeof DeliveryRuntimeStateSchema>;

/**
 * Starting a delivery (validated before anything starts) and the operator's commands on a
 * running one: its state, retry now, a new recipient, cancel. Every command checks that the
 * workflow is the tenant's (its TenantId search attribute).
 */
export class DeliveryCommands {
  constructor(
    private readonly temporal: Client,
    private readonly rpc: RpcClient,
  ) {}

  async start(request: StartDeliveryRequest): Promise<Reply> {
    const fields: Record<string, string> = {};
    const tenantId = request.tenantId;
    const kind = request.subjectKind.trim();
    if (kind !== 'statement' && kind !== 'document') fields.subjectKind = message('subject_kind.invalid');
    const channels = [...new Set(request.channels.map((c) => c.trim()).filter(Boolean))];
    if (channels.length === 0) fields.channels = message('channels.required');
    const unknownChannel = channels.find((c) => c !== 'email' && c !== 'whatsapp');
    if (unknownChannel) fields.channels = message('channels.invalid', { value: unknownChannel });
    const format = request.statementFormat.trim() || 'pdf';
    if (format !== 'pdf' && format !== 'xlsx') fields.statementFormat = message('format.invalid', { value: format });
    const template = request.template.trim() || 'original';
    if (template !== 'original' && template !== 'last_used') fields.template = message('template.invalid', { value: template });
    const language = request.language.trim();
    if (language && language !== 'es' && language !== 'en') fields.language = message('language.invalid', { value: language });
    const requestKey = request.requestKey.trim() || randomUUID();
    if (!REQUEST_KEY_PATTERN.test(requestKey)) fields.requestKey = message('request_key.invalid');
    const extra = parseEmails(request.email?.extraEmails ?? []);
    if (extra.invalid.length) fields['email.extraEmails'] = message('email.invalid', { address: extra.invalid[0] });
    const requester = request.requestedByEmail.trim() ? parseEmails(request.requestedByEmail) : { emails: [], invalid: [] };
    if (requester.invalid.length) fields.requestedByEmail = message('email.invalid', { address: requester.invalid[0] });
    if (kind === 'statement' && !request.clientId.trim()) fields.clientId = message('client.required');
    if (kind === 'document' && !request.documentId.trim()) fields.documentId = message('document.required');
    // Without a subject nothing else can be checked; otherwise every field is checked before answering.
    if (fields.subjectKind || fields.clientId || fields.documentId) throw new ValidationError(message('validation_failed'), fields);

    // The document (issued, the client's) and the client, as the services answer (404 as they word it).
    const document = kind === 'document' ? await this.rpc.call(BillingRpc.getDocument, { tenantId, id: request.documentId.trim() }) : undefined;
    if (document && (document.status === 'draft' || document.status === 'voided')) {
      throw new DomainError('delivery.document_not_issued', message('delivery.document_not_issued', { number: document.displayNumber || document.id, status: document.status }), 409);
    }
    const clientId = document ? document.clientId : request.clientId.trim();
    const client = await this.rpc.call(ClientsRpc.getClient, { tenantId, id: clientId });

    let whatsappTo = '';
    if (channels.includes('whatsapp')) {
      const entitlement = await this.rpc.call(NotificationsRpc.getEntitlement, { tenantId });
      if (!entitlement.allowed) throw new DomainError('whatsapp.not_entitled', message('whatsapp.not_entitled', { explanation: entitlement.explanation }), 409);
      const typed = request.whatsappTo.trim() || client.whatsapp;
      if (!typed) fields.whatsappTo = message('phone.required');
      else {
        const phone = normalizeWhatsAppNumber(typed, client.country || 'VE');
        if (phone.ok) whatsappTo = phone.value.e164;
        else fields.whatsappTo = phoneMessage(phone.problem.code, { ...phone.problem.params, country: client.country || 'VE' });
      }
    }
    const email = {
      includeClient: request.email?.includeClient ?? false,
      contactIds: request.email?.contactIds ?? [],
      staffIds: request.email?.staffIds ?? [],
      extraEmails: extra.emails,
    };
    if (channels.includes('email')) {
      const anyone = (email.includeClient && client.emails.length > 0) || email.contactIds.length > 0 || email.staffIds.length > 0 || email.extraEmails.length > 0;
      if (!anyone) fields.email = message('email.no_recipients');
    }
    if (Object.keys(fields).length) throw new ValidationError(message('validation_failed'), fields);

    const isInvoice = document?.kind === 'invoice';
    let attachStatement = kind === 'statement';
    if (kind === 'document') {
      attachStatement = request.attachStatement ?? (isInvoice ? (await this.rpc.call(BillingRpc.getSettings, { tenantId })).statementInInvoiceEmails : false);
    }
    let includePortalLink = request.includePortalLink;
    if (includePortalLink === undefined) {
      const portal = await this.rpc.call(PortalRpc.getSettings, { tenantId }).catch(() => undefined);
      includePortalLink = !!portal?.enabled && (kind === 'statement' || (isInvoice && portal.linkInInvoiceEmails));
    }

    const workflowId = document ? documentSendWorkflowId(document.id, requestKey) : statementDeliveryWorkflowId(clientId, requestKey);
    const input: ClientDeliveryRequest = {
      tenantId,
      clientId,
      origin: 'user',
      templateKind: document ? document.kind : 'statement',
      documentIds: document ? [document.id] : [],
      statement: attachStatement ? { format: format as 'pdf' | 'xlsx' } : undefined,
      channels: channels as DeliveryChannel[],
      email,
      whatsappTo,
      template: template as 'original' | 'last_used',
      subject: request.subject,
      body: request.body,
      customText: request.customText,
      includePortalLink,
      requestedBy: requester.emails[0] || request.requestedByName.trim() ? { name: request.requestedByName.trim(), email: requester.emails[0] ?? '' } : undefined,
      sendCopy: request.sendCopy,
      language: language || undefined,
      clientName: client.legalName,
    };
    try {
      await this.temporal.workflow.start(CLIENT_DELIVERY_WORKFLOW_TYPE, {
        taskQueue: MAIN_TASK_QUEUE,
        workflowId,
        args: [input],
        // The same request key while it runs answers the running one; after it ends, its result.
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: [
          { key: TENANT_ID_KEY, value: tenantId },
          { key: CLIENT_ID_KEY, value: clientId },
          { key: CHANNEL_KEY, value: channels[0] },
          { key: DOCUMENT_KIND_KEY, value: input.templateKind },
          { key: DELIVERY_STATUS_KEY, value: 'Preparing' },
        ],
        memo: {
          client: client.legalName,
          sending: document ? `${document.kind} ${document.displayNumber}` : `statement (${format})`,
          requestedBy: input.requestedBy ? `${input.requestedBy.name} <${input.requestedBy.email}>` : '',
          origin: 'user',
        },
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      return this.state({ tenantId, workflowId, whatsappTo: '', emails: [] } as unknown as DeliveryCommandRequest);
    }
    return { workflowId, status: 'Preparing', origin: 'user', channels, targets: [], summary: 'Preparing' };
  }

  async state(request: DeliveryCommandRequest): Promise<Reply> {
    const { handle, closed } = await this.owned(request);
    return toReply(await handle.query(deliveryStateQuery), closed);
  }

  retryNow(request: DeliveryCommandRequest) {
    return this.update(request, (handle) => handle.executeUpdate(retryNowUpdate));
  }

  async changeRecipient(request: DeliveryCommandRequest) {
    const fields: Record<string, string> = {};
    const typedPhone = request.whatsappTo.trim();
    if (!typedPhone && request.emails.length === 0) fields.recipient = message('recipient.required');
    const emails = parseEmails(request.emails);
    if (emails.invalid.length) fields.emails = message('email.invalid', { address: emails.invalid[0] });
    const { handle } = await this.owned(request);
    let whatsappTo = '';
    if (typedPhone) {
      const clientId = (await handle.describe()).typedSearchAttributes.get(CLIENT_ID_KEY) ?? '';
      const client = await this.rpc.call(ClientsRpc.getClient, { tenantId: request.tenantId, id: clientId });
      const phone = normalizeWhatsAppNumber(typedPhone, client.country || 'VE');
      if (phone.ok) whatsappTo = phone.value.e164;
      else fields.whatsappTo = phoneMessage(phone.problem.code, { ...phone.problem.params, country: client.country || 'VE' });
    }
    if (Object.keys(fields).length) throw new ValidationError(message('validation_failed'), fields);
    return this.update(request, (h) => h.executeUpdate(changeRecipientUpdate, { args: [{ whatsappTo, emails: emails.emails }] }));
  }

  cancel(request: DeliveryCommandRequest) {
    return this.update(request, (handle) => handle.executeUpdate(cancelDeliveryUpdate));
  }

  /** The tenant's own delivery workflow, or 404 (another tenant's is never revealed). */
  private async owned(request: DeliveryCommandRequest): Promise<{ handle: WorkflowHandle; closed: boolean }> {
    const workflowId = request.workflowId.trim();
    const notFound = new NotFoundError('delivery.not_found', message('delivery.not_found'));
    if (!DELIVERY_WORKFLOW_PREFIXES.some((p) => workflowId.startsWith(p))) throw notFound;
    const handle = this.temporal.workflow.getHandle(workflowId);
    try {
      const description = await handle.describe();
      if (description.typedSearchAttributes.get(TENANT_ID_KEY) !== request.tenantId) throw notFound;
      return { handle, closed: description.status.name !== 'RUNNING' };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound;
      throw error;
    }
  }

  private async update(request: DeliveryCommandRequest, send: (handle: WorkflowHandle) => Promise<ClientDeliveryState>): Promise<Reply> {
    const { handle, closed } = await this.owned(request);
    if (closed) throw new DomainError('delivery.finished', message('delivery.finished'), 409);
    try {
      return toReply(await send(handle), false);
    } catch (error) {
      throw toDomainError(error);
    }
  }
}

function toReply(state: ClientDeliveryState, closed: boolean): Reply {
  return {
    workflowId: state.workflowId,
    status: state.status,
    origin: state.origin,
    channels: state.channels,
    targets: state.targets.map((t) => ({ ...t })),
    artifactIds: state.artifactIds,
    whatsappArtifactId: state.whatsappArtifactId,
    portalLinkIncluded: state.portalLinkIncluded,
    fallbackReason: state.fallbackReason,
    failureNoticeTo: state.failureNotice?.to ?? '',
    failureNoticeStatus: state.failureNotice?.status ?? '',
    cancelRequested: state.cancelRequested,
    summary: state.summary,
    closed,
  };
}

function phoneMessage(code: string, params: Record<string, string>): string {
  if (code === 'phone.required') return message('phone.required');
  return message(params.example ? 'phone.problem_example' : 'phone.problem', { input: params.input ?? '', country: params.country ?? '', code, example: params.example ?? '' });
}

/** A refused update (its validator) carries a code and field codes. */
function toDomainError(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) return new DomainError('delivery.finished', message('delivery.finished'), 409);
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure) || error.cause.type !== DELIVERY_REFUSED) return error;
  const details = (error.cause.details?.[0] ?? {}) as { code?: string; fields?: Record<string, string> };
  const code = details.code ?? 'delivery.finished';
  if (code === 'validation_failed') {
    const fields: Record<string, string> = {};
    for (const [field, problem] of Object.entries(details.fields ?? {})) {
      const [problemCode, address] = problem.split(':');
      fields[field] = problemCode === 'email.invalid' ? message('email.invalid', { address: address?.trim() ?? '' }) : message(problemCode as never);
    }
    return new ValidationError(message('validation_failed'), fields);
  }
  return new DomainError(code, message(code as never), 409);
}
