import { emissionDate } from '@cobranza/recurrence';
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import type { createActivities } from '../../activities';
import { CLIENT_DELIVERY_WORKFLOW, scheduledStatementWorkflowId, type AutomationDeliveryInput } from '../shared';
import {
  anchorFor,
  configureStatementRunSignal,
  nextIndexAfter,
  planOf,
  runInstant,
  sameRule,
  statementRunStateQuery,
  type StatementRunConfig,
  type StatementRunInput,
  type StatementRunState,
  type StatementRunView,
} from './shared';

type Activities = ReturnType<typeof createActivities>;

// Billing outages are waited out: a statement date is never dropped because billing was down.
const { listOpenBalances } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Children are started in groups, so a large tenant's run neither waits one by one nor floods the server. */
const START_GROUP = 25;

/**
 * A tenant's scheduled statements (`statement-run:<tenant id>`): sleeps on a durable timer until
 * the next date of the day rule (fixed day or last day of the month, every n months) at the local
 * time in the tenant's zone, then sends every client with an open balance its statement through
 * the delivery engine, one `scheduled-statement:<tenant>:<date>:<client>` each, and continues as
 * new. Temporal Schedules cannot say "last day of the month", hence a workflow on the date rule.
 * A newer configuration arrives as a signal; disabling ends the workflow.
 */
export async function statementRun(input: StatementRunInput): Promise<StatementRunView> {
  let config = input.config;
  let changes = 0;
  setHandler(configureStatementRunSignal, (next: StatementRunConfig) => {
    if (next.version <= config.version) return; // a redelivered or older event
    const ruleChanged = !sameRule(config, next);
    config = next;
    if (ruleChanged) state.anchor = '';
    changes += 1;
  });
  const state: StatementRunState = input.state ?? { anchor: '', nextIndex: 0, lastRunDate: '', lastSent: 0, lastSkipped: 0 };
  setHandler(statementRunStateQuery, () => view(input.tenantId, config, state));

  while (config.enabled) {
    if (!state.anchor) {
      state.anchor = anchorFor(Date.now(), config);
      state.nextIndex = 0;
    }
    const plan = planOf(state.anchor, config);
    state.nextIndex = nextIndexAfter(plan, state.nextIndex, Date.now(), state.lastRunDate, config);
    const seen = changes;
    const interrupted = await condition(() => changes !== seen, Math.max(1, runInstant(plan, state.nextIndex, config) - Date.now()));
    if (interrupted) continue;

    const date = emissionDate(plan, state.nextIndex);
    await sendStatements(input.tenantId, date, config, state);
    state.lastRunDate = date;
    state.nextIndex += 1;
    await condition(allHandlersFinished);
    await continueAsNew<typeof statementRun>({ tenantId: input.tenantId, config, state });
  }
  return view(input.tenantId, config, state);
}

async function sendStatements(tenantId: string, date: string, config: StatementRunConfig, state: StatementRunState): Promise<void> {
  const { clients, skipped } = await listOpenBalances(tenantId, date);
  for (let i = 0; i < clients.length; i += START_GROUP) {
    await Promise.all(
      clients.slice(i, i + START_GROUP).map(async (client) => {
        const input: AutomationDeliveryInput = {
          tenantId,
          clientId: client.clientId,
          origin: 'scheduled_statement',
          templateKind: 'statement',
          documentIds: config.attachOpenInvoices ? client.openInvoiceIds : [],
          statement: { format: config.format },
          channels: client.channels,
          email: { includeClient: true, contactIds: [], staffIds: [], extraEmails: [] },
          whatsappTo: '',
          template: 'original',
          customText: '',
          includePortalLink: true,
          sendCopy: false,
          originId: date,
        };
        await startDelivery(scheduledStatementWorkflowId(tenantId, date, client.clientId), input, { origin: 'scheduled_statement', date });
      }),
    );
  }
  state.lastSent = clients.length;
  state.lastSkipped = skipped;
}

/**
 * Starts the delivery engine as an abandoned child: it outlives this run and continue-as-new. Its
 * id says what it is for, so a replayed or repeated start finds it and sends nothing again.
 */
export async function startDelivery(workflowId: string, input: AutomationDeliveryInput, memo: Record<string, string>): Promise<void> {
  try {
    await startChild(CLIENT_DELIVERY_WORKFLOW, {
      workflowId,
      args: [input],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      memo: { ...memo, clientId: input.clientId },
    });
  } catch (error) {
    if ((error as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw error;
  }
}

function view(tenantId: string, config: StatementRunConfig, state: StatementRunState): StatementRunView {
  const running = config.enabled && state.anchor !== '';
  const plan = running ? planOf(state.anchor, config) : undefined;
  return {
    tenantId,
    enabled: config.enabled,
    version: config.version,
    nextRunDate: plan ? emissionDate(plan, state.nextIndex) : '',
    nextRunAt: plan ? new Date(runInstant(plan, state.nextIndex, config)).toISOString() : '',
    lastRunDate: state.lastRunDate,
    lastSent: state.lastSent,
    lastSkipped: state.lastSkipped,
  };
}
