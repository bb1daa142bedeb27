/**
 * Ids and names shared by the automations (issue 8) and their callers. Every message they send is
 * one `clientDelivery` workflow (the delivery engine, workflows/src/client-delivery), started by
 * name with a deterministic id and REJECT_DUPLICATE, so nothing an automation starts twice sends
 * twice.
 */

import type { ClientDeliveryInput } from '../client-delivery/shared';

/** What automations pass: the agreed input, plus the engine's optional memo note of who asked. */
export type AutomationDeliveryInput = ClientDeliveryInput & { originId?: string };

/** The delivery engine's workflow type; automations start it by name, never import it. */
export const CLIENT_DELIVERY_WORKFLOW = 'clientDelivery';

/** One email per client and batch with the client's invoices of that batch (seed 003). */
export const batchDeliveryWorkflowId = (batchId: string, clientId: string): string => `batch-delivery:${batchId}:${clientId}`;

/** One scheduled statement per client and date. */
export const scheduledStatementWorkflowId = (tenantId: string, date: string, clientId: string): string =>
  `scheduled-statement:${tenantId}:${date}:${clientId}`;

/** One reminder per invoice and rule. */
export const reminderDeliveryWorkflowId = (documentId: string, ruleId: string): string => `reminder:${documentId}:${ruleId}`;

/** The long-running workflow that sends a tenant's scheduled statements. */
export const statementRunWorkflowId = (tenantId: string): string => `statement-run:${tenantId}`;

/** The Temporal Schedule of a tenant's daily reminder pass. */
export const reminderScheduleId = (tenantId: string): string => `reminders:${tenantId}`;

/** The pass's workflow id; the Schedule appends the scheduled time, so every pass has its own. */
export const reminderPassWorkflowIdPrefix = (tenantId: string): string => `reminder-pass:${tenantId}`;

/** Stable error type for an activity refusal the workflow records instead of retrying. */
export const AUTOMATION_REFUSED = 'AutomationRefused';
