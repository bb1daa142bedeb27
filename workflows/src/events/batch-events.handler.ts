import { fromBinary } from '@bufbuild/protobuf';
import { AutomationRpc, BillingEvents, ClientsRpc, PortalRpc } from '@cobranza/contracts';
import { DomainError, type RpcClient } from '@cobranza/platform';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { JsMsg } from 'nats';
import type { Logger } from 'pino';
import { batchDeliveryInput, qualifiesForAutoSend } from '../automation/batch-delivery/policy';
import { batchDeliveryWorkflowId, CLIENT_DELIVERY_WORKFLOW } from '../automation/shared';
import { CLIENT_ID, TENANT_ID } from '../search-attributes';
import { MAIN_TASK_QUEUE } from '../task-queues';

/**
 * evt.billing.batch.completed -> one `clientDelivery` per qualifying client (seed 003's automatic
 * sending), id `batch-delivery:<batch id>:<client id>` with REJECT_DUPLICATE: a redelivered
 * event, or one handled again after a partial failure, starts nothing twice. The batch's
 * invoices are its own (each item has the key `batch:<id>:<i>`; schedules never issue through a
 * batch), so no invoice a schedule emailed is sent again here.
 */
export function batchCompletedHandler(client: Client, rpc: RpcClient, logger: Logger) {
  return async (msg: JsMsg): Promise<void> => {
    const event = fromBinary(BillingEvents.batchCompleted.payload, msg.data);
    const settings = await rpc.call(AutomationRpc.getSettings, { tenantId: event.tenantId });
    const autoSend = settings.autoSend;
    if (!autoSend?.enabled) return;
    const portal = await rpc.call(PortalRpc.getSettings, { tenantId: event.tenantId });
    // Seed 002's "Enviar correo de portal automáticamente": the invoice email carries the link.
    const includePortalLink = portal.enabled && portal.linkInInvoiceEmails;
    for (const entry of event.perClient) {
      if (entry.invoiceIds.length === 0) continue; // an event from before invoice ids were carried
      const found = await clientOrNull(rpc, event.tenantId, entry.clientId);
      if (!found) continue;
      const prefs = { active: found.active, autoSend: found.delivery?.autoSend ?? false, onlyWhenSeveral: found.delivery?.onlyWhenSeveral ?? false, channels: found.delivery?.channels ?? [] };
      if (!qualifiesForAutoSend(autoSend, prefs, entry.invoiceIds.length)) continue;
      const input = batchDeliveryInput({ batchId: event.batchId, tenantId: event.tenantId, clientId: entry.clientId, invoiceIds: entry.invoiceIds, tenant: autoSend, client: prefs, includePortalLink });
      try {
        await client.workflow.start(CLIENT_DELIVERY_WORKFLOW, {
          taskQueue: MAIN_TASK_QUEUE,
          workflowId: batchDeliveryWorkflowId(event.batchId, entry.clientId),
          args: [input],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          typedSearchAttributes: [
            { key: TENANT_ID, value: event.tenantId },
            { key: CLIENT_ID, value: entry.clientId },
          ],
          memo: { origin: 'batch', batchId: event.batchId, client: found.legalName },
        });
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) continue; // sent, or being sent, already
        throw error;
      }
      logger.info({ tenantId: event.tenantId, batchId: event.batchId, clientId: entry.clientId, invoices: entry.invoiceIds.length }, 'batch invoices sent automatically');
    }
  };
}

async function clientOrNull(rpc: RpcClient, tenantId: string, id: string) {
  try {
    return await rpc.call(ClientsRpc.getClient, { tenantId, id });
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) return null;
    throw error;
  }
}
