import { fromBinary } from '@bufbuild/protobuf';
import { AutomationEvents, AutomationRpc, ClientsEvents, type AutomationSettings } from '@cobranza/contracts';
import type { RpcClient } from '@cobranza/platform';
import { Client, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type ScheduleOptionsStartWorkflowAction, type ScheduleSpec } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { JsMsg } from 'nats';
import type { ReminderPassInput } from '../automation/reminders/shared';
import { reminderPassWorkflowIdPrefix, reminderScheduleId, statementRunWorkflowId } from '../automation/shared';
import { configureStatementRunSignal, type StatementRunConfig, type StatementRunInput } from '../automation/statement-run/shared';
import { TENANT_ID } from '../search-attributes';
import { MAIN_TASK_QUEUE } from '../task-queues';

/**
 * evt.billing.automation.updated -> the tenant's reminder Schedule and scheduled-statement
 * workflow follow its automation settings. The handler reads the settings billing holds now
 * rather than the event's copy, so a redelivered or late event never applies an older state.
 * Also run on evt.clients.tenant.updated: a new time zone moves both.
 */
export function automationUpdatedHandler(client: Client, rpc: RpcClient) {
  return async (msg: JsMsg): Promise<void> => {
    const { settings } = fromBinary(AutomationEvents.settingsUpdated.payload, msg.data);
    if (!settings) throw new Error('automation.updated event without settings');
    await syncAutomation(client, rpc, settings.tenantId);
  };
}

export function tenantZoneChangedHandler(client: Client, rpc: RpcClient) {
  return async (msg: JsMsg): Promise<void> => {
    const { tenant } = fromBinary(ClientsEvents.tenantUpdated.payload, msg.data);
    if (!tenant) throw new Error('tenant.updated event without tenant');
    const settings = await rpc.call(AutomationRpc.getSettings, { tenantId: tenant.id });
    // Nothing scheduled, nothing to move (and no Schedule is created for a tenant that never asked).
    if (!settings.reminders?.enabled && !settings.scheduledStatements?.enabled) return;
    // Billing's copy of the tenant may not have the new zone yet: the event's is the newest.
    await applyAutomation(client, { ...settings, timeZone: tenant.timezone });
  };
}

export async function syncAutomation(client: Client, rpc: RpcClient, tenantId: string): Promise<void> {
  await applyAutomation(client, await rpc.call(AutomationRpc.getSettings, { tenantId }));
}

async function applyAutomation(client: Client, settings: AutomationSettings): Promise<void> {
  await syncReminderSchedule(client, settings);
  await syncStatementRun(client, settings);
}

/** `reminders:<tenant>`: a daily calendar at the pass's local time in the tenant's time zone. */
async function syncReminderSchedule(client: Client, settings: AutomationSettings): Promise<void> {
  const tenantId = settings.tenantId;
  const reminders = settings.reminders;
  const handle = client.schedule.getHandle(reminderScheduleId(tenantId));
  if (!reminders?.enabled || reminders.rules.length === 0) {
    try {
      await handle.delete();
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
    return;
  }
  const [hour, minute] = (reminders.timeOfDay || '08:00').split(':').map(Number);
  const spec: ScheduleSpec = { calendars: [{ hour, minute, comment: 'daily reminder pass' }], timezone: settings.timeZone };
  const action: ScheduleOptionsStartWorkflowAction<(input: ReminderPassInput) => Promise<unknown>> = {
    type: 'startWorkflow',
    workflowType: 'reminderPass',
    args: [{ tenantId }],
    taskQueue: MAIN_TASK_QUEUE,
    workflowId: reminderPassWorkflowIdPrefix(tenantId),
    typedSearchAttributes: [{ key: TENANT_ID, value: tenantId }],
    memo: { kind: 'reminder-pass', tenantId },
  };
  // A pass missed by less than a day (server down) still runs; two never overlap.
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' } as const;
  try {
    await client.schedule.create({ scheduleId: handle.scheduleId, spec, action, policies, memo: { tenantId, kind: 'reminders' } });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await handle.update((previous) => ({ ...previous, spec, action, policies, state: { ...previous.state, paused: false } }));
  }
}

export function statementRunConfigOf(settings: AutomationSettings): StatementRunConfig {
  const s = settings.scheduledStatements;
  return {
    version: settings.version,
    enabled: s?.enabled ?? false,
    dayRule: s?.dayRule === 'day_of_month' ? 'day_of_month' : 'last_day',
    day: s?.day ?? 0,
    cycleMonths: s?.cycleMonths || 1,
    timeOfDay: s?.timeOfDay || '08:00',
    format: s?.format === 'xlsx' ? 'xlsx' : 'pdf',
    attachOpenInvoices: s?.attachOpenInvoices ?? true,
    timeZone: settings.timeZone,
  };
}

/**
 * `statement-run:<tenant>`: signal-with-start hands the configuration to the running workflow or
 * starts one; a disabled configuration reaches a running one (which then ends) and starts none.
 */
async function syncStatementRun(client: Client, settings: AutomationSettings): Promise<void> {
  const config = statementRunConfigOf(settings);
  const workflowId = statementRunWorkflowId(settings.tenantId);
  if (!config.enabled) {
    try {
      await client.workflow.getHandle(workflowId).signal(configureStatementRunSignal, config);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    return;
  }
  const input: StatementRunInput = { tenantId: settings.tenantId, config };
  await client.workflow.signalWithStart('statementRun', {
    taskQueue: MAIN_TASK_QUEUE,
    workflowId,
    args: [input],
    signal: configureStatementRunSignal,
    signalArgs: [config],
    typedSearchAttributes: [{ key: TENANT_ID, value: settings.tenantId }],
    memo: { kind: 'scheduled-statements' },
  });
}
