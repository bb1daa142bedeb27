import { emissionDate, emissionInstant, firstIndexAfter, ruleProblems, type EmissionPlan } from '@cobranza/recurrence';
import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  WorkflowIdReusePolicy,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { clientDelivery } from '../client-delivery/workflows';
import { CHANNEL_KEY, CLIENT_ID_KEY, DELIVERY_STATUS_KEY, DOCUMENT_KIND_KEY, documentDeliveryWorkflowId, TENANT_ID_KEY } from '../client-delivery/shared';
import {
  changeScheduleConfigUpdate,
  emissionIdempotencyKey,
  endScheduleUpdate,
  NEXT_EMISSION_KEY,
  pauseScheduleUpdate,
  REFUSED,
  resumeScheduleUpdate,
  SCHEDULE_STATUS_KEY,
  LAST_FAILURE_KEY,
  scheduleStateQuery,
  skipNextEmissionUpdate,
  type RecurringScheduleInput,
  type ScheduleConfigJson,
  type ScheduleState,
  type ScheduleView,
} from './shared';

type Activities = ReturnType<typeof createActivities>;

// Billing outages are waited out (transient errors retry without end); refusals (4xx) are not retried.
const { loadScheduleState, issueScheduledDocument, reportScheduleState, applyScheduleConfig } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * One recurring invoice or remission (seed 001). Sleeps on a durable timer until each emission,
 * issues the document through billing with an idempotency key of the schedule, epoch and
 * emission index, reports its state back to billing, then continues as new so history stays
 * small over years. Users pause, resume, skip, change or end it through updates.
 */
export async function recurringSchedule(input: RecurringScheduleInput): Promise<ScheduleView> {
  // Handlers are registered before the first await, so an update sent right after the start is
  // not rejected; until the state is loaded they wait for it and validate in the handler.
  let loaded: ScheduleState | undefined = input.state;
  const ready = async (allowed: ScheduleState['status'][], code: string): Promise<ScheduleState> => {
    await condition(() => loaded !== undefined);
    requireStatus(loaded!, allowed, code);
    return loaded!;
  };
  const validate = (allowed: ScheduleState['status'][], code: string) => () => {
    if (loaded) requireStatus(loaded, allowed, code);
  };
  // Bumped by every handler that changes what the main loop waits for.
  let changes = 0;
  const changed = (state: ScheduleState) => {
    changes += 1;
    state.revision += 1;
  };
  const report = async (state: ScheduleState) => {
    publishSearchAttributes(state);
    await reportScheduleState(toReport(state));
  };

  setHandler(scheduleStateQuery, () => {
    if (!loaded) throw ApplicationFailure.create({ type: REFUSED, message: 'schedule is starting', details: [{ code: 'schedule.starting' }], nonRetryable: true });
    return view(loaded);
  });

  setHandler(
    pauseScheduleUpdate,
    async () => {
      const state = await ready(['active'], 'schedule.not_active');
      state.status = 'paused';
      changed(state);
      await report(state);
      return view(state);
    },
    { validator: validate(['active'], 'schedule.not_active') },
  );

  setHandler(
    resumeScheduleUpdate,
    async () => {
      const state = await ready(['paused'], 'schedule.not_paused');
      // No catch-up: emissions whose time passed while paused are skipped and not counted.
      const next = firstIndexAfter(planOf(state), state.nextIndex, Date.now(), state.config.emissionHour, state.timeZone);
      state.skippedCount += next - state.nextIndex;
      state.nextIndex = next;
      state.status = 'active';
      changed(state);
      await report(state);
      return view(state);
    },
    { validator: validate(['paused'], 'schedule.not_paused') },
  );

  setHandler(
    skipNextEmissionUpdate,
    async () => {
      const state = await ready(['active', 'paused'], 'schedule.finished');
      state.nextIndex += 1;
      state.skippedCount += 1;
      changed(state);
      await report(state);
      return view(state);
    },
    { validator: validate(['active', 'paused'], 'schedule.finished') },
  );

  setHandler(
    endScheduleUpdate,
    async () => {
      const state = await ready(['active', 'paused'], 'schedule.finished');
      state.status = 'ended';
      changed(state);
      await report(state);
      return view(state);
    },
    { validator: validate(['active', 'paused'], 'schedule.finished') },
  );

  setHandler(
    changeScheduleConfigUpdate,
    async (config: ScheduleConfigJson) => {
      const state = await ready(['active', 'paused'], 'schedule.finished');
      // Billing validates against the clock, the client's contacts and the emitted count, and stores it.
      const applied = await refusalOf(() => applyScheduleConfig(state.tenantId, state.scheduleId, config));
      const ruleChanged = applied.epoch !== state.epoch;
      state.config = applied.config;
      state.configVersion = applied.configVersion;
      if (ruleChanged) {
        state.anchorDate = applied.anchorDate;
        state.epoch = applied.epoch;
        state.nextIndex = applied.nextIndex;
      }
      changed(state);
      await report(state);
      return view(state);
    },
    {
      validator: (config: ScheduleConfigJson) => {
        validate(['active', 'paused'], 'schedule.finished')();
        const problems = ruleProblems({
          dayRule: config.dayRule === 'last_day' ? { kind: 'last_day' } : { kind: 'day_of_month', day: config.day },
          cycleMonths: config.cycleMonths,
          start: config.startDate,
        });
        if (Object.keys(problems).length > 0) {
          throw ApplicationFailure.create({ type: REFUSED, message: 'invalid schedule configuration', details: [{ code: 'validation_failed', fields: problems }], nonRetryable: true });
        }
      },
    },
  );

  const state = loaded ?? (await loadScheduleState(input.tenantId, input.scheduleId));
  loaded = state;
  publishSearchAttributes(state);
  while (state.status === 'active' || state.status === 'paused') {
    if (state.status === 'paused') {
      await condition(() => state.status !== 'paused');
      continue;
    }
    const seen = changes;
    const at = emissionInstant(planOf(state), state.nextIndex, state.config.emissionHour, state.timeZone);
    const interrupted = await condition(() => changes !== seen, Math.max(1, at - Date.now()));
    if (interrupted) continue;

    await emit(state);
    if (isRunning(state) && state.config.maxDocuments !== null && state.emittedCount >= state.config.maxDocuments) state.status = 'completed';
    state.revision += 1;
    await report(state);
    if (!isRunning(state)) break;
    // Handlers still running (an update waiting on billing) must finish before history is cut.
    await condition(allHandlersFinished);
    await continueAsNew<typeof recurringSchedule>({ tenantId: state.tenantId, scheduleId: state.scheduleId, state });
  }
  await condition(allHandlersFinished);
  return view(state);
}

async function emit(state: ScheduleState): Promise<void> {
  const date = emissionDate(planOf(state), state.nextIndex);
  try {
    const document = await issueScheduledDocument({
      tenantId: state.tenantId,
      clientId: state.clientId,
      idempotencyKey: emissionIdempotencyKey(state.scheduleId, state.epoch, state.nextIndex),
      issueDate: date,
      config: state.config,
    });
    state.emittedCount += 1;
    state.lastDocumentId = document.id;
    state.lastEmissionDate = date;
    state.lastError = '';
    await deliver(state, document.id);
  } catch (error) {
    // Billing refused the document (the client was removed, a line became invalid): the failure is
    // recorded and shown, and the schedule goes on at its next date without counting this one.
    if (!(error instanceof ActivityFailure)) throw error;
    state.skippedCount += 1;
    state.lastError = `${date}: ${error.cause?.message ?? error.message}`;
    state.lastFailureAt = new Date().toISOString();
    publishSearchAttributes(state);
  }
  state.nextIndex += 1;
}

/**
 * The schedule's recipients get the document by email in a child workflow that outlives this run
 * (abandon policy): continue-as-new or the end of the schedule never cuts a delivery short. Its
 * id is the document's, so one issuance is emailed by one delivery only.
 */
async function deliver(state: ScheduleState, documentId: string): Promise<void> {
  const { recipients } = state.config;
  if (!recipients.includeClient && recipients.contactIds.length === 0 && recipients.staffIds.length === 0) return;
  try {
    await startChild(clientDelivery, {
      workflowId: documentDeliveryWorkflowId(documentId),
      args: [
        {
          tenantId: state.tenantId,
          clientId: state.clientId,
          origin: 'schedule',
          originId: state.scheduleId,
          clientName: state.clientName,
          templateKind: state.config.documentKind,
          documentIds: [documentId],
          channels: ['email'],
          email: { includeClient: recipients.includeClient, contactIds: recipients.contactIds, staffIds: recipients.staffIds, extraEmails: [] },
          whatsappTo: '',
          template: 'original',
          customText: recipients.customText,
          includePortalLink: false,
          portalLinkBySettings: state.config.documentKind === 'invoice',
          statementBySettings: state.config.documentKind === 'invoice',
          sendCopy: false,
          referenceIds: [documentId, state.scheduleId],
        },
      ],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      memo: { client: state.clientName, schedule: state.scheduleId },
      typedSearchAttributes: [
        { key: TENANT_ID_KEY, value: state.tenantId },
        { key: CLIENT_ID_KEY, value: state.clientId },
        { key: CHANNEL_KEY, value: 'email' },
        { key: DOCUMENT_KIND_KEY, value: state.config.documentKind },
        { key: DELIVERY_STATUS_KEY, value: 'Sending' },
      ],
    });
  } catch (error) {
    // A replayed emission finds its delivery already started: nothing to do.
    if ((error as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw error;
  }
}

function planOf(state: ScheduleState): EmissionPlan {
  const dayRule = state.config.dayRule === 'last_day' ? ({ kind: 'last_day' } as const) : ({ kind: 'day_of_month', day: state.config.day } as const);
  return { anchor: state.anchorDate, dayRule, cycleMonths: state.config.cycleMonths };
}

function isRunning(state: ScheduleState): boolean {
  return state.status === 'active' || state.status === 'paused';
}

function view(state: ScheduleState): ScheduleView {
  const next = isRunning(state) ? emissionDate(planOf(state), state.nextIndex) : '';
  return {
    scheduleId: state.scheduleId,
    status: state.status,
    emittedCount: state.emittedCount,
    skippedCount: state.skippedCount,
    nextEmissionDate: next,
    nextEmissionAt: next ? new Date(emissionInstant(planOf(state), state.nextIndex, state.config.emissionHour, state.timeZone)).toISOString() : '',
    lastEmissionDate: state.lastEmissionDate,
    lastDocumentId: state.lastDocumentId,
    lastError: state.lastError,
    configVersion: state.configVersion,
  };
}

function toReport(state: ScheduleState) {
  const v = view(state);
  return {
    tenantId: state.tenantId,
    id: state.scheduleId,
    status: state.status,
    emittedCount: state.emittedCount,
    skippedCount: state.skippedCount,
    anchorDate: state.anchorDate,
    epoch: state.epoch,
    nextIndex: state.nextIndex,
    nextEmissionDate: v.nextEmissionDate,
    nextEmissionAt: v.nextEmissionAt,
    lastEmissionDate: state.lastEmissionDate,
    lastDocumentId: state.lastDocumentId,
    lastError: state.lastError,
    revision: state.revision,
  };
}

function publishSearchAttributes(state: ScheduleState): void {
  const next = view(state).nextEmissionAt;
  upsertSearchAttributes([
    { key: SCHEDULE_STATUS_KEY, value: state.status },
    { key: NEXT_EMISSION_KEY, value: next ? new Date(next) : null },
    // Upserted attributes do not survive continue-as-new: the state carries them over.
    ...(state.lastFailureAt ? [{ key: LAST_FAILURE_KEY, value: new Date(state.lastFailureAt) }] : []),
  ]);
}

function requireStatus(state: ScheduleState, allowed: ScheduleState['status'][], code: string): void {
  if (!allowed.includes(state.status)) {
    throw ApplicationFailure.create({ type: REFUSED, message: `schedule is ${state.status}`, details: [{ code, status: state.status }], nonRetryable: true });
  }
}

/** An activity's refusal (billing said no) becomes the update's failure, with billing's code and message. */
async function refusalOf<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.nonRetryable) {
      throw ApplicationFailure.create({ type: REFUSED, message: cause.message, details: cause.details ? [...cause.details] : [], nonRetryable: true });
    }
    throw error;
  }
}
