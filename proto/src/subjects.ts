import { CreateTenantRequestSchema, GetTenantRequestSchema, TenantCreatedSchema, TenantSchema } from './gen/cobranza/clients/v1/tenant_pb';
import { StatusReplySchema, StatusRequestSchema } from './gen/cobranza/system/v1/system_pb';
import { ProvisionTenantReplySchema, ProvisionTenantRequestSchema } from './gen/cobranza/tenancy/v1/provision_pb';
import { event, rpc } from './contract';

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
} as const;

/** JetStream stream per publishing service; each captures only `evt.<service>.>`. */
export function eventStreamOf(service: ServiceName): { name: string; subjects: string[] } {
  return { name: `EVT_${service.toUpperCase()}`, subjects: [`evt.${service}.>`] };
}
