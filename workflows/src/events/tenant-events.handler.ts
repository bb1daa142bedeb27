import { fromBinary } from '@bufbuild/protobuf';
import { ClientsEvents, type Tenant } from '@cobranza/contracts';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { JsMsg } from 'nats';
import { TENANT_ID } from '../search-attributes';
import { MAIN_TASK_QUEUE } from '../task-queues';
import { tenantOnboardingWorkflowId, tenantSettingsSyncWorkflowId, type TenantOnboardingInput } from '../tenant-onboarding/shared';

function inputOf(tenant: Tenant): TenantOnboardingInput {
  return {
    tenantId: tenant.id,
    legalName: tenant.legalName,
    country: tenant.country,
    timezone: tenant.timezone,
    locale: tenant.locale,
    currency: tenant.currency,
    version: tenant.version,
  };
}

/**
 * Starts the workflow unless one with the same id ever ran: ids are derived from the event, and
 * a finished workflow's id is never reused, so a redelivered event starts nothing.
 */
async function startOnce(client: Client, workflowType: string, workflowId: string, tenant: Tenant): Promise<void> {
  try {
    await client.workflow.start(workflowType, {
      taskQueue: MAIN_TASK_QUEUE,
      workflowId,
      args: [inputOf(tenant)],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [{ key: TENANT_ID, value: tenant.id }],
      memo: { tenant: tenant.legalName },
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return; // already handled: idempotent
    throw error;
  }
}

/** evt.clients.tenant.created -> tenant-onboarding:<tenant>. */
export function tenantCreatedHandler(client: Client) {
  return async (msg: JsMsg): Promise<void> => {
    const { tenant } = fromBinary(ClientsEvents.tenantCreated.payload, msg.data);
    if (!tenant) throw new Error('tenant.created event without tenant');
    await startOnce(client, 'tenantOnboarding', tenantOnboardingWorkflowId(tenant.id), tenant);
  };
}

/** evt.clients.tenant.updated -> tenant-settings-sync:<tenant>:v<version>. */
export function tenantUpdatedHandler(client: Client) {
  return async (msg: JsMsg): Promise<void> => {
    const { tenant } = fromBinary(ClientsEvents.tenantUpdated.payload, msg.data);
    if (!tenant) throw new Error('tenant.updated event without tenant');
    await startOnce(client, 'tenantSettingsSync', tenantSettingsSyncWorkflowId(tenant.id, tenant.version), tenant);
  };
}
