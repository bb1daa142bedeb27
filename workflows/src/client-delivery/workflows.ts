import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { DeliveryContext, RenderedFiles, SendOutcome } from '../activities/delivery.activities';
import {
  cancelDeliveryUpdate,
  changeRecipientUpdate,
  CHANNEL_KEY,
  CLIENT_ID_KEY,
  DELIVERY_REFUSED,
  DELIVERY_STATUS_KEY,
  deliveryStateQuery,
  deliveryStatusChangedSignal,
  DOCUMENT_KIND_KEY,
  parseEmails,
  toE164,
  RETRY_FIRST_DELAY_MS,
  RETRY_GIVE_UP_AFTER_MS,
  RETRY_MAX_DELAY_MS,
  retryNowUpdate,
  TENANT_ID_KEY,
  WHATSAPP_RECEIPT_WAIT_MS,
  type ChangeRecipientInput,
  type ClientDeliveryRequest,
  type ClientDeliveryResult,
  type ClientDeliveryState,
  type DeliveryChannel,
  type DeliveryStatus,
  type DeliveryStatusSignal,
  type DeliveryTarget,
} from './shared';

type Activities = ReturnType<typeof createActivities>;

// Few attempts per send: the retry loop, with its visible state and "retry now", lives here.
const sends = proxyActivities<Activities>({
  startToCloseTimeout: '3 minutes',
  // The send activities beat every 5 s: a dead worker is noticed in 20 s, not 3 minutes.
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});
// Preparing (reading, rendering) changes nothing outside, so a short outage is waited out here.
const prepare = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 10 },
});

const SUCCESS = new Set(['accepted', 'delivered', 'read', 'sent_receipt_unknown']);
const FINAL_RECEIPTS = new Set(['delivered', 'read', 'failed']);
/** Template kinds notifications knows; the failure notice falls back to invoice for others. */
const TEMPLATE_KINDS = ['quote', 'order', 'remission', 'invoice', 'statement', 'reminder'];

/**
 * One message to one client, with its attachments, over e-mail and/or WhatsApp (issue 8). Files
 * are rendered once (ids recorded, never bytes); each addressee and channel is sent under its own
 * delivery key, so a replayed or retried step never sends twice. Transient failures wait on
 * durable timers (1 minute doubling to 1 hour, for 24 hours) that "retry now" cuts short; a
 * WhatsApp message waits for its status webhook; a permanent WhatsApp failure deletes the media
 * and falls back to e-mail; when every channel fails the requester is told by e-mail.
 */
export async function clientDelivery(input: ClientDeliveryRequest): Promise<ClientDeliveryResult> {
  const workflowId = workflowInfo().workflowId;
  const state: ClientDeliveryState = {
    workflowId,
    status: 'Preparing',
    origin: input.origin,
    channels: [...input.channels],
    targets: [],
    artifactIds: [],
    whatsappArtifactId: '',
    portalLinkIncluded: false,
    fallbackReason: '',
    failureNotice: null,
    cancelRequested: false,
    summary: '',
  };
  const receipts = new Map<string, DeliveryStatusSignal>();
  const portalLinks = new Map<string, string>();
  const copyKeys = new Set<string>();
  const referenceIds = input.referenceIds ?? [...input.documentIds, ...(input.statement || input.documentIds.length === 0 ? [input.clientId] : [])];
  let retryNowGeneration = 0;
  let emailSlot = 0;
  let whatsappRound = 0;
  let ctx: DeliveryContext | undefined;
  let files: RenderedFiles | undefined;
  let finished = false;
  let statement: ClientDeliveryRequest['statement'];

  const refuse = (code: string, message: string, fields: Record<string, string> = {}) =>
    ApplicationFailure.create({ type: DELIVERY_REFUSED, message, details: [{ code, fields }], nonRetryable: true });
  const view = (): ClientDeliveryState => ({ ...state, targets: state.targets.map((t) => ({ ...t })), summary: summarize(state) });
  const addTarget = (channel: DeliveryChannel, recipient: string, name: string, reason: DeliveryTarget['reason']): DeliveryTarget => {
    const key = channel === 'email' ? `${workflowId}:email:${++emailSlot}` : `${workflowId}:whatsapp:${++whatsappRound}`;
    const target: DeliveryTarget = { channel, recipient, name, deliveryKey: key, status: 'pending', attempt: 0, nextRetryAt: '', deliveryId: '', lastErrorCode: '', lastError: '', reason };
    state.targets.push(target);
    return target;
  };

  setHandler(deliveryStateQuery, view);
  setHandler(deliveryStatusChangedSignal, (signal: DeliveryStatusSignal) => {
    if (signal.deliveryId) receipts.set(signal.deliveryId, signal);
  });
  setHandler(
    retryNowUpdate,
    () => {
      retryNowGeneration += 1;
      return view();
    },
    {
      validator: () => {
        if (finished || !state.targets.some((t) => t.status === 'retrying')) throw refuse('delivery.not_retrying', 'nothing is waiting to be retried');
      },
    },
  );
  setHandler(
    changeRecipientUpdate,
    (change: ChangeRecipientInput) => {
      const replaceable = (t: DeliveryTarget) => t.status === 'pending' || t.status === 'retrying' || t.status === 'failed';
      const phone = change.whatsappTo?.trim() ? toE164(change.whatsappTo) : undefined;
      if (phone) {
        for (const t of state.targets) if (t.channel === 'whatsapp' && replaceable(t)) t.status = 'replaced';
        addTarget('whatsapp', phone, ctx?.clientName ?? input.clientName ?? '', 'changed');
      }
      const emails = change.emails?.length ? parseEmails(change.emails).emails : [];
      if (emails.length) {
        for (const t of state.targets) if (t.channel === 'email' && replaceable(t)) t.status = 'replaced';
        for (const email of emails) addTarget('email', email, ctx?.clientName ?? input.clientName ?? '', 'changed');
      }
      publishStatus(state, 'Sending');
      return view();
    },
    {
      validator: (change: ChangeRecipientInput) => {
        if (finished || state.cancelRequested) throw refuse('delivery.finished', 'the delivery has finished or is being cancelled');
        const fields: Record<string, string> = {};
        const typedPhone = change.whatsappTo?.trim() ?? '';
        const typedEmails = change.emails ?? [];
        if (!typedPhone && typedEmails.length === 0) fields.recipient = 'recipient.required';
        if (typedPhone && !toE164(typedPhone)) fields.whatsappTo = 'phone.invalid';
        if (typedPhone && !state.channels.includes('whatsapp')) fields.whatsappTo = 'channel.not_in_delivery';
        const parsed = parseEmails(typedEmails);
        if (parsed.invalid.length) fields.emails = `email.invalid:${parsed.invalid.join(', ')}`;
        else if (typedEmails.length && parsed.emails.length === 0) fields.emails = 'email.required';
        if (Object.keys(fields).length) throw refuse('validation_failed', 'the new recipient is not valid', fields);
        if (state.targets.some((t) => t.status === 'sending' && ((typedPhone && t.channel === 'whatsapp') || (typedEmails.length && t.channel === 'email')))) {
          throw refuse('delivery.sending_now', 'a message to the current recipient is being sent right now; try again in a moment');
        }
      },
    },
  );
  setHandler(
    cancelDeliveryUpdate,
    () => {
      state.cancelRequested = true;
      for (const t of state.targets) if (t.status === 'pending' || t.status === 'retrying') t.status = 'cancelled';
      return view();
    },
    {
      validator: () => {
        if (finished || state.cancelRequested) throw refuse('delivery.finished', 'the delivery has finished or is being cancelled');
      },
    },
  );

  upsertSearchAttributes([
    { key: TENANT_ID_KEY, value: input.tenantId },
    { key: CLIENT_ID_KEY, value: input.clientId },
    { key: CHANNEL_KEY, value: input.channels[0] ?? 'email' },
    { key: DOCUMENT_KIND_KEY, value: input.templateKind },
    { key: DELIVERY_STATUS_KEY, value: 'Preparing' },
  ]);
  const memo = () =>
    upsertMemo({
      client: ctx?.clientName ?? input.clientName ?? input.clientId,
      sending: whatIsSent(input),
      requestedBy: input.requestedBy ? `${input.requestedBy.name} <${input.requestedBy.email}>` : '',
      origin: input.originId ? `${input.origin} ${input.originId}` : input.origin,
    });
  memo();

  // --- Snapshot: the client, the files (rendered once), the addressees -----------------------
  const failures: string[] = [];
  try {
    ctx = await prepare.loadDeliveryContext(input.tenantId, input.clientId);
    memo();
    statement = input.statement ?? (input.statementBySettings && ctx.statementInInvoiceEmails ? { format: 'pdf' } : undefined);
    files = await prepare.renderDeliveryFiles(input.tenantId, input.clientId, input.documentIds, statement);
    state.artifactIds = files.artifactIds;
    state.whatsappArtifactId = files.whatsappArtifactId;
    if (input.channels.includes('email')) {
      const addressees = await prepare.resolveEmailAddressees(input.tenantId, input.clientId, input.templateKind, input.email);
      for (const a of addressees) addTarget('email', a.email, a.name, 'requested');
      const first = state.targets.find((t) => t.channel === 'email');
      if (first && input.sendCopy) copyKeys.add(first.deliveryKey);
    }
    if (input.channels.includes('whatsapp')) {
      const typed = input.whatsappTo.trim() || ctx.clientWhatsApp;
      addTarget('whatsapp', toE164(typed) ?? typed, ctx.clientName, 'requested');
    }
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    failures.push(reasonOf(error));
  }

  // --- Send on every channel; fallbacks and changed recipients add targets -------------------
  if (failures.length === 0) {
    publishStatus(state, 'Sending');
    for (;;) {
      await Promise.all([runChannel('email'), runChannel('whatsapp')]);
      if (state.cancelRequested || !state.targets.some((t) => t.status === 'pending')) break;
    }
  }
  // From here on updates are refused: nothing picks up a new recipient any more.
  finished = true;
  for (const t of state.targets) if (t.status === 'pending') t.status = 'cancelled';

  const status = failures.length ? 'Failed' : outcomeOf(state);
  publishStatus(state, status);
  if (status === 'Failed') await notifyRequester([...failures, ...state.targets.filter((t) => t.status === 'failed').map((t) => `${t.recipient}: ${t.lastError || t.lastErrorCode}`)]);
  await condition(allHandlersFinished);
  return view();

  async function runChannel(channel: DeliveryChannel): Promise<void> {
    for (;;) {
      const target = state.targets.find((t) => t.channel === channel && t.status === 'pending');
      if (!target) return;
      if (state.cancelRequested) {
        target.status = 'cancelled';
        continue;
      }
      if (channel === 'email') await deliverEmail(target);
      else await deliverWhatsApp(target);
    }
  }

  async function deliverEmail(t: DeliveryTarget): Promise<void> {
    const portalLink = await portalLinkFor(t.recipient);
    const outcome = await sendWithRetries(t, () =>
      sends.sendDeliveryEmail({
        tenantId: input.tenantId,
        clientId: input.clientId,
        deliveryKey: t.deliveryKey,
        documentKind: input.templateKind,
        to: t.recipient,
        sendCopy: copyKeys.has(t.deliveryKey),
        copyTo: copyKeys.has(t.deliveryKey) ? (input.requestedBy?.email ?? '') : '',
        template: input.template,
        subject: input.subject,
        body: input.body,
        language: input.language,
        artifactIds: files!.artifactIds,
        variables: variablesFor(t.name, portalLink),
        referenceIds,
      }),
    );
    if (!outcome) return;
    t.status = outcome.status === 'failed' ? 'failed' : outcome.status === 'unknown' ? 'unknown' : 'accepted';
  }

  async function deliverWhatsApp(t: DeliveryTarget): Promise<void> {
    publishChannel('whatsapp');
    if (!t.recipient) {
      fail(t, 'whatsapp.no_number', 'the client has no WhatsApp number');
      await compensateWhatsApp(t);
      return;
    }
    const portalLink = await portalLinkFor(t.recipient);
    const outcome = await sendWithRetries(t, () =>
      sends.sendDeliveryWhatsApp({
        tenantId: input.tenantId,
        clientId: input.clientId,
        deliveryKey: t.deliveryKey,
        documentKind: input.templateKind,
        to: t.recipient,
        artifactId: files!.whatsappArtifactId,
        variables: variablesFor(ctx!.clientName, portalLink),
        referenceIds,
      }),
    );
    if (!outcome) return;
    if (outcome.status === 'failed') {
      t.status = 'failed';
      await compensateWhatsApp(t);
      return;
    }
    // Accepted (or unknown: a later webhook may still reconcile it): wait for the status webhook.
    const wasUnknown = outcome.status === 'unknown';
    t.status = 'awaiting_receipt';
    publishStatus(state, 'AwaitingReceipt');
    const receipt = () => {
      const r = receipts.get(t.deliveryId);
      return r && FINAL_RECEIPTS.has(r.status) ? r : undefined;
    };
    await condition(() => receipt() !== undefined || state.cancelRequested, input.whatsappReceiptWaitMs ?? WHATSAPP_RECEIPT_WAIT_MS);
    const r = receipt();
    if (!r) t.status = wasUnknown ? 'unknown' : 'sent_receipt_unknown';
    else if (r.status === 'failed') {
      t.status = 'failed';
      t.lastErrorCode = r.errorCode;
      t.lastError = r.errorMessage || r.errorCode;
      await compensateWhatsApp(t);
    } else t.status = r.status as 'delivered' | 'read';
    publishStatus(state, 'Sending');
  }

  /** A permanent WhatsApp failure: its media is deleted, then the client's addresses get the e-mail instead. */
  async function compensateWhatsApp(t: DeliveryTarget): Promise<void> {
    if (t.deliveryId) {
      try {
        await sends.deleteDeliveryMedia(input.tenantId, t.deliveryId);
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        // notifications also deletes it on the failed webhook; an explicit call can repeat it.
      }
    }
    const alreadyFellBack = state.targets.some((x) => x.reason === 'fallback');
    if (input.channels.includes('email') || alreadyFellBack || state.cancelRequested) return;
    const addresses = ctx?.clientEmails ?? [];
    if (addresses.length === 0) return;
    state.fallbackReason = `WhatsApp ${t.recipient}: ${t.lastError || t.lastErrorCode}`;
    publishChannel('email');
    for (const email of addresses) addTarget('email', email, ctx!.clientName, 'fallback');
  }

  /**
   * Sends until the outcome is final. Transient failures (mail server down, Cloud API 5xx or 429,
   * a service not answering) wait on a durable timer that retryNow, cancel or a changed
   * recipient cut short; permanent failures and unknown outcomes are never resent.
   */
  async function sendWithRetries(t: DeliveryTarget, send: () => Promise<SendOutcome>, track = true): Promise<SendOutcome | undefined> {
    const startedAt = Date.now();
    let delay = RETRY_FIRST_DELAY_MS;
    for (;;) {
      if (t.status === 'replaced') return undefined;
      if (state.cancelRequested) {
        t.status = 'cancelled';
        return undefined;
      }
      t.status = 'sending';
      t.attempt += 1;
      t.nextRetryAt = '';
      if (track) publishStatus(state, 'Sending');
      let outcome: SendOutcome;
      try {
        outcome = await send();
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        const cause = error.cause instanceof ApplicationFailure ? error.cause : undefined;
        const permanent = cause?.nonRetryable === true;
        outcome = {
          id: '',
          attempt: 0,
          status: 'failed',
          errorKind: permanent ? 'permanent' : 'transient',
          errorCode: cause?.type ?? 'activity.failed',
          errorMessage: error.cause?.message ?? error.message,
          fallback: '',
          recipients: [],
          replayed: false,
        };
      }
      if (outcome.id) t.deliveryId = outcome.id;
      t.lastErrorCode = outcome.errorCode;
      t.lastError = outcome.errorMessage;
      const transient = outcome.status === 'failed' && outcome.errorKind === 'transient';
      if (!transient) return outcome;
      if (Date.now() - startedAt + delay > RETRY_GIVE_UP_AFTER_MS) {
        t.lastError = `${outcome.errorMessage} (gave up after ${t.attempt} attempts)`;
        return { ...outcome, errorKind: 'permanent' };
      }
      t.status = 'retrying';
      t.nextRetryAt = new Date(Date.now() + delay).toISOString();
      if (track) publishStatus(state, 'Retrying');
      const generation = retryNowGeneration;
      await condition(() => retryNowGeneration !== generation || state.cancelRequested || t.status !== 'retrying', delay);
      delay = Math.min(delay * 2, RETRY_MAX_DELAY_MS);
    }
  }

  /** One link per recipient, issued once and recorded; none when the portal is off or not answering. */
  async function portalLinkFor(recipient: string): Promise<string> {
    const wanted = input.portalLinkBySettings ? ctx?.portal?.linkInInvoiceEmails === true : input.includePortalLink;
    if (!wanted || !ctx?.portal?.enabled) return '';
    if (!portalLinks.has(recipient)) {
      let url = '';
      try {
        url = await prepare.issuePortalLink(input.tenantId, input.clientId, recipient);
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
      }
      portalLinks.set(recipient, url);
      if (url) state.portalLinkIncluded = true;
    }
    return portalLinks.get(recipient)!;
  }

  function variablesFor(name: string, portalLink: string): Record<string, string> {
    return { ...files!.variables, clientName: name, customText: input.customText, portalLink };
  }

  function fail(t: DeliveryTarget, code: string, message: string): void {
    t.status = 'failed';
    t.lastErrorCode = code;
    t.lastError = message;
  }

  async function notifyRequester(reasons: string[]): Promise<void> {
    const to = input.requestedBy?.email || ctx?.tenantEmail || '';
    if (!to) return;
    const notice: DeliveryTarget = {
      channel: 'email',
      recipient: to,
      name: input.requestedBy?.name ?? '',
      deliveryKey: `${workflowId}:failure-notice`,
      status: 'pending',
      attempt: 0,
      nextRetryAt: '',
      deliveryId: '',
      lastErrorCode: '',
      lastError: '',
      reason: 'requested',
    };
    state.failureNotice = { to, status: 'sending', deliveryId: '' };
    const wasCancelled = state.cancelRequested;
    state.cancelRequested = false;
    const outcome = await sendWithRetries(notice, () =>
      sends.sendDeliveryFailureNotice({
        tenantId: input.tenantId,
        clientId: input.clientId,
        deliveryKey: notice.deliveryKey,
        documentKind: TEMPLATE_KINDS.includes(input.templateKind) ? input.templateKind : 'invoice',
        to,
        language: ctx?.tenantLanguage ?? 'es',
        clientName: ctx?.clientName ?? input.clientName ?? '',
        statement: !!statement,
        documentNumbers: files?.variables.documentNumber ? [files.variables.documentNumber] : [],
        reasons: reasons.length ? reasons : ['-'],
        referenceIds,
      }),
      false,
    );
    state.cancelRequested = wasCancelled;
    state.failureNotice = { to, status: outcome?.status ?? 'cancelled', deliveryId: notice.deliveryId };
  }

  function publishChannel(channel: DeliveryChannel): void {
    upsertSearchAttributes([{ key: CHANNEL_KEY, value: channel }]);
  }
}

/** The overall status while running: Retrying or AwaitingReceipt win over Sending. */
function publishStatus(state: ClientDeliveryState, requested: DeliveryStatus): void {
  let status = requested;
  if (requested === 'Sending' || requested === 'Retrying' || requested === 'AwaitingReceipt') {
    if (state.targets.some((t) => t.status === 'retrying')) status = 'Retrying';
    else if (state.targets.some((t) => t.status === 'sending')) status = 'Sending';
    else if (state.targets.some((t) => t.status === 'awaiting_receipt')) status = 'AwaitingReceipt';
    else status = 'Sending';
  }
  if (state.status === status) return;
  state.status = status;
  upsertSearchAttributes([{ key: DELIVERY_STATUS_KEY, value: status }]);
}

/** The final status from the targets' outcomes. */
function outcomeOf(state: ClientDeliveryState): DeliveryStatus {
  const live = state.targets.filter((t) => t.status !== 'replaced');
  if (live.length === 0) return 'NoRecipients';
  if (state.cancelRequested && live.some((t) => t.status === 'cancelled')) return 'Cancelled';
  const ok = live.filter((t) => SUCCESS.has(t.status));
  const fellBack = live.some((t) => t.reason === 'fallback' && SUCCESS.has(t.status));
  const notOk = live.filter((t) => !SUCCESS.has(t.status));
  if (fellBack && notOk.every((t) => t.channel === 'whatsapp' && t.status === 'failed')) return 'FellBack';
  if (notOk.length === 0) return live.some((t) => t.status === 'sent_receipt_unknown') ? 'Sent' : 'Delivered';
  if (ok.length > 0) return 'PartlyDelivered';
  return live.some((t) => t.status === 'unknown') ? 'Unknown' : 'Failed';
}

function summarize(state: ClientDeliveryState): string {
  const retrying = state.targets.find((t) => t.status === 'retrying');
  if (retrying) return `Retrying, attempt ${retrying.attempt + 1} to ${retrying.recipient}, next at ${retrying.nextRetryAt}; last error: ${retrying.lastError || retrying.lastErrorCode}`;
  const counts = new Map<string, number>();
  for (const t of state.targets) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  const parts = [...counts].map(([s, n]) => `${n} ${s}`);
  return [state.status, parts.join(', '), state.fallbackReason ? `fell back to e-mail: ${state.fallbackReason}` : ''].filter(Boolean).join('; ');
}

function whatIsSent(input: ClientDeliveryRequest): string {
  const parts = [`${input.templateKind}`];
  if (input.documentIds.length) parts.push(`documents ${input.documentIds.join(', ')}`);
  if (input.statement) parts.push(`statement (${input.statement.format})`);
  return `${parts.join(': ')} by ${input.channels.join(' + ')}`;
}

function reasonOf(error: ActivityFailure): string {
  return error.cause?.message ?? error.message;
}
