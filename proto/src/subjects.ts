import { ApiKeySchema, AuthenticateReplySchema, AuthenticateRequestSchema, CreateApiKeyRequestSchema, CreatedApiKeySchema, ListApiKeysReplySchema, ListApiKeysRequestSchema, RevokeApiKeyRequestSchema } from './gen/cobranza/clients/v1/api_key_pb';
import { ClientSchema, CreateClientRequestSchema, GetClientRequestSchema, ListClientsReplySchema, ListClientsRequestSchema, UpdateClientRequestSchema } from './gen/cobranza/clients/v1/client_pb';
import { RemovedSchema } from './gen/cobranza/clients/v1/common_pb';
import {
  AddClientContactRequestSchema,
  ClientContactSchema,
  ContactSchema,
  CreateContactRequestSchema,
  GetContactRequestSchema,
  ListClientContactsReplySchema,
  ListClientContactsRequestSchema,
  ListContactsReplySchema,
  ListContactsRequestSchema,
  RemoveClientContactRequestSchema,
  UpdateClientContactRequestSchema,
  UpdateContactRequestSchema,
} from './gen/cobranza/clients/v1/contact_pb';
import { ResolveRecipientsReplySchema, ResolveRecipientsRequestSchema } from './gen/cobranza/clients/v1/recipients_pb';
import { CreateStaffMemberRequestSchema, GetStaffMemberRequestSchema, ListStaffReplySchema, ListStaffRequestSchema, RemoveStaffMemberRequestSchema, StaffMemberSchema, UpdateStaffMemberRequestSchema } from './gen/cobranza/clients/v1/staff_pb';
import { CreateTenantRequestSchema, GetTenantRequestSchema, TenantCreatedSchema, TenantSchema, TenantUpdatedSchema, UpdateTenantRequestSchema } from './gen/cobranza/clients/v1/tenant_pb';
import { StatusReplySchema, StatusRequestSchema } from './gen/cobranza/system/v1/system_pb';
import { ProvisionTenantReplySchema, ProvisionTenantRequestSchema } from './gen/cobranza/tenancy/v1/provision_pb';
import {
  CreateDraftRequestSchema,
  DeleteDraftRequestSchema,
  DocumentIssuedSchema,
  DocumentVoidedSchema,
  GetDocumentRequestSchema,
  IssueDocumentRequestSchema,
  IssueDraftRequestSchema,
  ListDocumentsReplySchema,
  ListDocumentsRequestSchema,
  SalesDocumentSchema,
  UpdateDraftRequestSchema,
  VoidDocumentRequestSchema,
} from './gen/cobranza/billing/v1/document_pb';
import { ListPaymentsReplySchema, ListPaymentsRequestSchema, PaymentRecordedSchema, PaymentSchema, RecordPaymentRequestSchema } from './gen/cobranza/billing/v1/payment_pb';
import {
  AttachReceiptRequestSchema,
  ConfirmPaymentReportRequestSchema,
  ListPaymentReportsReplySchema,
  ListPaymentReportsRequestSchema,
  PaymentReportChangedSchema,
  PaymentReportSchema,
  RejectPaymentReportRequestSchema,
  ReportPaymentRequestSchema,
} from './gen/cobranza/billing/v1/payment_report_pb';
import { BatchCompletedSchema, IssueBatchReplySchema, IssueBatchRequestSchema } from './gen/cobranza/billing/v1/batch_pb';
import { GetSalesHistoryRequestSchema, SalesHistorySchema } from './gen/cobranza/billing/v1/sales_history_pb';
import {
  BillingSettingsSchema,
  GetBillingSettingsRequestSchema,
  GetStatementRequestSchema,
  StatementSchema,
  UpdateBillingSettingsRequestSchema,
} from './gen/cobranza/billing/v1/statement_pb';
import {
  ChangeScheduleConfigRequestSchema,
  CreateScheduleRequestSchema,
  GetScheduleRequestSchema,
  ListSchedulesReplySchema,
  ListSchedulesRequestSchema,
  PreviewScheduleReplySchema,
  PreviewScheduleRequestSchema,
  RecurringScheduleSchema,
  ReportScheduleStateRequestSchema,
  ScheduleCreatedSchema,
} from './gen/cobranza/billing/v1/schedule_pb';
import { ScheduleCommandRequestSchema, ScheduleRuntimeStateSchema } from './gen/cobranza/workflows/v1/schedule_control_pb';
import { event, rpc, type RpcContract } from './contract';
import { PortalRpc } from './portal-contracts';

/** The NATS service names; each owns `rpc.<name>.>` and publishes `evt.<name>.>`. */
export const SERVICE_NAMES = ['clients', 'billing', 'documents', 'notifications', 'workflows'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Services that own a PostgreSQL schema and hold a copy of each tenant's settings. */
export const TENANT_PROVISIONED_SERVICES = ['billing', 'documents', 'notifications'] as const;
export type TenantProvisionedService = (typeof TENANT_PROVISIONED_SERVICES)[number];

function statusOf(service: ServiceName) {
  return rpc(`rpc.${service}.system.status`, StatusRequestSchema, StatusReplySchema);
}

function provisionOf(service: TenantProvisionedService) {
  return rpc(`rpc.${service}.tenant.provision`, ProvisionTenantRequestSchema, ProvisionTenantReplySchema);
}

export const SystemRpc = {
  status: {
    clients: statusOf('clients'),
    billing: statusOf('billing'),
    documents: statusOf('documents'),
    notifications: statusOf('notifications'),
    workflows: statusOf('workflows'),
  },
} as const;

export const ClientsRpc = {
  createTenant: rpc('rpc.clients.tenant.create', CreateTenantRequestSchema, TenantSchema),
  getTenant: rpc('rpc.clients.tenant.get', GetTenantRequestSchema, TenantSchema),
  updateTenant: rpc('rpc.clients.tenant.update', UpdateTenantRequestSchema, TenantSchema),

  createApiKey: rpc('rpc.clients.api_key.create', CreateApiKeyRequestSchema, CreatedApiKeySchema),
  listApiKeys: rpc('rpc.clients.api_key.list', ListApiKeysRequestSchema, ListApiKeysReplySchema),
  revokeApiKey: rpc('rpc.clients.api_key.revoke', RevokeApiKeyRequestSchema, ApiKeySchema),
  authenticate: rpc('rpc.clients.api_key.authenticate', AuthenticateRequestSchema, AuthenticateReplySchema),

  createClient: rpc('rpc.clients.client.create', CreateClientRequestSchema, ClientSchema),
  getClient: rpc('rpc.clients.client.get', GetClientRequestSchema, ClientSchema),
  updateClient: rpc('rpc.clients.client.update', UpdateClientRequestSchema, ClientSchema),
  listClients: rpc('rpc.clients.client.list', ListClientsRequestSchema, ListClientsReplySchema),

  createContact: rpc('rpc.clients.contact.create', CreateContactRequestSchema, ContactSchema),
  getContact: rpc('rpc.clients.contact.get', GetContactRequestSchema, ContactSchema),
  updateContact: rpc('rpc.clients.contact.update', UpdateContactRequestSchema, ContactSchema),
  listContacts: rpc('rpc.clients.contact.list', ListContactsRequestSchema, ListContactsReplySchema),

  addClientContact: rpc('rpc.clients.client_contact.add', AddClientContactRequestSchema, ClientContactSchema),
  updateClientContact: rpc('rpc.clients.client_contact.update', UpdateClientContactRequestSchema, ClientContactSchema),
  removeClientContact: rpc('rpc.clients.client_contact.remove', RemoveClientContactRequestSchema, RemovedSchema),
  listClientContacts: rpc('rpc.clients.client_contact.list', ListClientContactsRequestSchema, ListClientContactsReplySchema),

  createStaffMember: rpc('rpc.clients.staff.create', CreateStaffMemberRequestSchema, StaffMemberSchema),
  getStaffMember: rpc('rpc.clients.staff.get', GetStaffMemberRequestSchema, StaffMemberSchema),
  updateStaffMember: rpc('rpc.clients.staff.update', UpdateStaffMemberRequestSchema, StaffMemberSchema),
  removeStaffMember: rpc('rpc.clients.staff.remove', RemoveStaffMemberRequestSchema, RemovedSchema),
  listStaff: rpc('rpc.clients.staff.list', ListStaffRequestSchema, ListStaffReplySchema),

  resolveRecipients: rpc('rpc.clients.recipients.resolve', ResolveRecipientsRequestSchema, ResolveRecipientsReplySchema),
} as const;

/** Every subject the clients service answers. */
export const CLIENTS_CONTRACTS: RpcContract[] = [SystemRpc.status.clients, ...Object.values(ClientsRpc), ...Object.values(PortalRpc)];

export const BillingRpc = {
  issueDocument: rpc('rpc.billing.document.issue', IssueDocumentRequestSchema, SalesDocumentSchema),
  getDocument: rpc('rpc.billing.document.get', GetDocumentRequestSchema, SalesDocumentSchema),
  listDocuments: rpc('rpc.billing.document.list', ListDocumentsRequestSchema, ListDocumentsReplySchema),
  voidDocument: rpc('rpc.billing.document.void', VoidDocumentRequestSchema, SalesDocumentSchema),
  createDraft: rpc('rpc.billing.draft.create', CreateDraftRequestSchema, SalesDocumentSchema),
  updateDraft: rpc('rpc.billing.draft.update', UpdateDraftRequestSchema, SalesDocumentSchema),
  deleteDraft: rpc('rpc.billing.draft.delete', DeleteDraftRequestSchema, SalesDocumentSchema),
  issueDraft: rpc('rpc.billing.draft.issue', IssueDraftRequestSchema, SalesDocumentSchema),
  recordPayment: rpc('rpc.billing.payment.record', RecordPaymentRequestSchema, PaymentSchema),
  listPayments: rpc('rpc.billing.payment.list', ListPaymentsRequestSchema, ListPaymentsReplySchema),
  getStatement: rpc('rpc.billing.statement.get', GetStatementRequestSchema, StatementSchema),
  getSalesHistory: rpc('rpc.billing.sales_history.get', GetSalesHistoryRequestSchema, SalesHistorySchema),
  getSettings: rpc('rpc.billing.settings.get', GetBillingSettingsRequestSchema, BillingSettingsSchema),
  updateSettings: rpc('rpc.billing.settings.update', UpdateBillingSettingsRequestSchema, BillingSettingsSchema),
  issueBatch: rpc('rpc.billing.batch.issue', IssueBatchRequestSchema, IssueBatchReplySchema),
  reportPayment: rpc('rpc.billing.payment_report.create', ReportPaymentRequestSchema, PaymentReportSchema),
  confirmPaymentReport: rpc('rpc.billing.payment_report.confirm', ConfirmPaymentReportRequestSchema, PaymentReportSchema),
  rejectPaymentReport: rpc('rpc.billing.payment_report.reject', RejectPaymentReportRequestSchema, PaymentReportSchema),
  listPaymentReports: rpc('rpc.billing.payment_report.list', ListPaymentReportsRequestSchema, ListPaymentReportsReplySchema),
  attachPaymentReceipt: rpc('rpc.billing.payment_report.attach_receipt', AttachReceiptRequestSchema, PaymentReportSchema),
  createSchedule: rpc('rpc.billing.schedule.create', CreateScheduleRequestSchema, RecurringScheduleSchema),
  getSchedule: rpc('rpc.billing.schedule.get', GetScheduleRequestSchema, RecurringScheduleSchema),
  listSchedules: rpc('rpc.billing.schedule.list', ListSchedulesRequestSchema, ListSchedulesReplySchema),
  previewSchedule: rpc('rpc.billing.schedule.preview', PreviewScheduleRequestSchema, PreviewScheduleReplySchema),
  changeScheduleConfig: rpc('rpc.billing.schedule.change_config', ChangeScheduleConfigRequestSchema, RecurringScheduleSchema),
  reportScheduleState: rpc('rpc.billing.schedule.report_state', ReportScheduleStateRequestSchema, RecurringScheduleSchema),
} as const;

export const BillingEvents = {
  documentIssued: event('evt.billing.document.issued', DocumentIssuedSchema),
  documentVoided: event('evt.billing.document.voided', DocumentVoidedSchema),
  paymentRecorded: event('evt.billing.payment.recorded', PaymentRecordedSchema),
  batchCompleted: event('evt.billing.batch.completed', BatchCompletedSchema),
  paymentReported: event('evt.billing.payment_report.reported', PaymentReportChangedSchema),
  paymentReportConfirmed: event('evt.billing.payment_report.confirmed', PaymentReportChangedSchema),
  paymentReportRejected: event('evt.billing.payment_report.rejected', PaymentReportChangedSchema),
  scheduleCreated: event('evt.billing.schedule.created', ScheduleCreatedSchema),
} as const;

/** Requests the worker answers: Temporal updates and queries on a schedule's workflow. */
export const WorkflowsRpc = {
  pauseSchedule: rpc('rpc.workflows.schedule.pause', ScheduleCommandRequestSchema, ScheduleRuntimeStateSchema),
  resumeSchedule: rpc('rpc.workflows.schedule.resume', ScheduleCommandRequestSchema, ScheduleRuntimeStateSchema),
  skipScheduleEmission: rpc('rpc.workflows.schedule.skip', ScheduleCommandRequestSchema, ScheduleRuntimeStateSchema),
  endSchedule: rpc('rpc.workflows.schedule.end', ScheduleCommandRequestSchema, ScheduleRuntimeStateSchema),
  changeScheduleConfig: rpc('rpc.workflows.schedule.change_config', ScheduleCommandRequestSchema, ScheduleRuntimeStateSchema),
  scheduleState: rpc('rpc.workflows.schedule.state', ScheduleCommandRequestSchema, ScheduleRuntimeStateSchema),
} as const;

export const TenancyRpc = {
  provision: {
    billing: provisionOf('billing'),
    documents: provisionOf('documents'),
    notifications: provisionOf('notifications'),
  },
} as const;

export const ClientsEvents = {
  tenantCreated: event('evt.clients.tenant.created', TenantCreatedSchema),
  tenantUpdated: event('evt.clients.tenant.updated', TenantUpdatedSchema),
} as const;

/** JetStream stream per publishing service; each captures only `evt.<service>.>`. */
export function eventStreamOf(service: ServiceName): { name: string; subjects: string[] } {
  return { name: `EVT_${service.toUpperCase()}`, subjects: [`evt.${service}.>`] };
}
