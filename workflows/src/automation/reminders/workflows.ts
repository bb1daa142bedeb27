import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities';
import { startDelivery } from '../statement-run/workflows';
import { reminderDeliveryWorkflowId, type AutomationDeliveryInput } from '../shared';
import type { ReminderPassInput, ReminderPassResult } from './shared';

type Activities = ReturnType<typeof createActivities>;

const { dueReminders, claimReminder } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});

/**
 * One daily reminder pass of a tenant, started by its Temporal Schedule `reminders:<tenant id>`
 * at the configured local hour. Billing answers which (invoice, rule) pairs are due on the tenant's
 * local date of the pass; each pair is claimed in billing under this pass's workflow id (a retried
 * claim by the same pass gets it again, any other pass does not), then sent by the delivery engine
 * as `reminder:<document id>:<rule id>`. A second pass the same day finds every pair claimed.
 */
export async function reminderPass(input: ReminderPassInput): Promise<ReminderPassResult> {
  const claimant = workflowInfo().workflowId;
  // The pass's own start time, fixed in history, decides the local date, also on a retry after midnight.
  const { date, items } = await dueReminders(input.tenantId, new Date(workflowInfo().startTime).toISOString());
  const result: ReminderPassResult = { date, started: [], alreadyClaimed: [] };
  for (const item of items) {
    const workflowId = reminderDeliveryWorkflowId(item.documentId, item.ruleId);
    const claimed = await claimReminder({ tenantId: input.tenantId, documentId: item.documentId, ruleId: item.ruleId, claimant, ruleDate: item.ruleDate });
    if (!claimed) {
      result.alreadyClaimed.push(workflowId);
      continue;
    }
    const delivery: AutomationDeliveryInput = {
      tenantId: input.tenantId,
      clientId: item.clientId,
      origin: 'reminder',
      templateKind: 'reminder',
      documentIds: [item.documentId],
      ...(item.attachStatement ? { statement: { format: 'pdf' as const } } : {}),
      channels: [item.channel],
      email: { includeClient: true, contactIds: [], staffIds: [], extraEmails: [] },
      whatsappTo: '',
      template: 'original',
      customText: '',
      includePortalLink: true,
      sendCopy: false,
      originId: item.ruleId,
    };
    await startDelivery(workflowId, delivery, { origin: 'reminder', rule: item.ruleId, date });
    result.started.push(workflowId);
  }
  return result;
}
