import { fromBinary } from '@bufbuild/protobuf';
import { BillingEvents } from '@cobranza/contracts';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { JsMsg } from 'nats';
import { recurringScheduleWorkflowId, type RecurringScheduleInput } from '../recurring-schedule/shared';
import { CLIENT_ID, NEXT_EMISSION, SCHEDULE_STATUS, TENANT_ID } from '../search-attributes';
import { MAIN_TASK_QUEUE } from '../task-queues';

/**
 * evt.billing.schedule.created -> recurring-schedule:<id>. A running workflow with that id is
 * reused and a closed one is never started again, so a redelivered event changes nothing.
 */
export function scheduleCreatedHandler(client: Client) {
  return async (msg: JsMsg): Promise<void> => {
    const { schedule } = fromBinary(BillingEvents.scheduleCreated.payload, msg.data);
    if (!schedule) throw new Error('schedule.created event without schedule');
    const input: RecurringScheduleInput = { tenantId: schedule.tenantId, scheduleId: schedule.id };
    try {
      await client.workflow.start('recurringSchedule', {
        taskQueue: MAIN_TASK_QUEUE,
        workflowId: recurringScheduleWorkflowId(schedule.id),
        args: [input],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: [
          { key: TENANT_ID, value: schedule.tenantId },
          { key: CLIENT_ID, value: schedule.clientId },
          { key: SCHEDULE_STATUS, value: schedule.status },
          ...(schedule.nextEmissionAt ? [{ key: NEXT_EMISSION, value: new Date(schedule.nextEmissionAt) }] : []),
        ],
        memo: { client: schedule.clientName, clientId: schedule.clientId, documentKind: schedule.config?.documentKind ?? '' },
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return; // closed already: never restarted
      throw error;
    }
  };
}
