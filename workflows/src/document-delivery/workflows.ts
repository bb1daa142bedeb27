import { proxyActivities, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import {
  DELIVERY_STATUS_KEY,
  RETRY_FIRST_DELAY_MS,
  RETRY_GIVE_UP_AFTER_MS,
  RETRY_MAX_DELAY_MS,
  type AddresseeOutcome,
  type DocumentEmailDeliveryInput,
  type DocumentEmailDeliveryResult,
  type EmailAddressee,
} from './shared';

type Activities = ReturnType<typeof createActivities>;

// Few attempts per activity: the retry loop with its visible state lives in the workflow.
const { resolveEmailAddressees, renderDocumentFiles, sendDocumentEmail } = proxyActivities<Activities>({
  startToCloseTimeout: '3 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});

/**
 * Emails an issued document (PDF, and XML for invoices and credit notes) to each addressee,
 * each under its own delivery key, so a retried or replayed send never sends twice. Transient
 * failures (mail server down, 4xx) are retried on durable timers with growing delays; permanent
 * ones (5xx) and unknown outcomes are never resent. The state shows in the Temporal UI as the
 * DeliveryStatus search attribute.
 */
export async function documentEmailDelivery(input: DocumentEmailDeliveryInput): Promise<DocumentEmailDeliveryResult> {
  const addressees = await resolveEmailAddressees(input.tenantId, input.clientId, input.documentKind, input.recipients);
  if (addressees.length === 0) {
    status('NoRecipients');
    return { documentId: input.documentId, outcomes: [] };
  }
  status('Rendering');
  const files = await renderDocumentFiles(input.tenantId, input.documentId);
  status('Sending');
  const outcomes: AddresseeOutcome[] = [];
  for (const [i, addressee] of addressees.entries()) outcomes.push(await deliverTo(input, addressee, i + 1, files));
  status(outcomes.every((o) => o.status === 'accepted') ? 'Delivered' : outcomes.some((o) => o.status === 'accepted') ? 'PartlyDelivered' : 'Failed');
  return { documentId: input.documentId, outcomes };
}

async function deliverTo(
  input: DocumentEmailDeliveryInput,
  addressee: EmailAddressee,
  number: number,
  files: Awaited<ReturnType<Activities['renderDocumentFiles']>>,
): Promise<AddresseeOutcome> {
  // Keys take [A-Za-z0-9._:-] only, so the addressee's place in the (recorded) list names it.
  const deliveryKey = `${workflowInfo().workflowId}:${number}`;
  const startedAt = Date.now();
  let delay = RETRY_FIRST_DELAY_MS;
  for (let round = 1; ; round += 1) {
    const delivery = await sendDocumentEmail({
      tenantId: input.tenantId,
      clientId: input.clientId,
      deliveryKey,
      documentKind: input.documentKind,
      to: addressee.email,
      artifactIds: files.artifactIds,
      variables: { ...files.variables, clientName: addressee.name, customText: input.recipients.customText },
    });
    const outcome: AddresseeOutcome = {
      email: addressee.email,
      status: delivery.status === 'failed' ? 'failed' : delivery.status === 'unknown' ? 'unknown' : 'accepted',
      attempts: delivery.attempt,
      deliveryId: delivery.id,
      errorCode: delivery.errorCode,
      errorMessage: delivery.errorMessage,
    };
    const transient = delivery.status === 'failed' && delivery.errorKind === 'transient';
    if (!transient || Date.now() - startedAt + delay > RETRY_GIVE_UP_AFTER_MS) return outcome;
    status('Retrying');
    await sleep(delay);
    delay = Math.min(delay * 2, RETRY_MAX_DELAY_MS);
    status('Sending');
  }
}

function status(value: string): void {
  upsertSearchAttributes([{ key: DELIVERY_STATUS_KEY, value }]);
}
