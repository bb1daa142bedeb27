import { fromBinary } from '@bufbuild/protobuf';
import { ClientsEvents } from '@cobranza/contracts';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { JsMsg } from 'nats';
import { TENANT_ID } from '../search-attributes';
import { MAIN_TASK_QUEUE } from '../task-queues';
import { tenantOnboardingWorkflowId, type TenantOnboardingInput } from '../tenant-onboarding/shared';

/**
 * evt.clients.tenant.created -> the tenant-onboarding workflow. The workflow id is derived from
 * the tenant, and a finished workflow's id is never reused, so a redelivered event starts nothing.
 */
export function tenantCreatedHandler(client: Client) {
  return async (msg: JsMsg): Promise<void> => {
    const { tenant } = fromBinary(ClientsEvents.tenantCreated.payload, msg.data);
    if (!tenant) throw new Error('tenant.created event without tenant');
    const input: TenantOnboardingInput = {
      tenantId: tenant.id,
      legalName: tenant.legalName,
      country: tenant.country,
      timezone: tenant.timezone,
      locale: tenant.locale,
      currency: tenant.currency,
    };
    try {
      await client.workflow.start('tenantOnboarding', {
        taskQueue: MAIN_TASK_QUEUE,
        workflowId: tenantOnboardingWorkflowId(tenant.id),
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: [{ key: TENANT_ID, value: tenant.id }],
        memo: { tenant: tenant.legalName },
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return; // already handled: idempotent
      throw error;
    }
  };
}
