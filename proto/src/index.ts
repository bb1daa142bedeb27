export * from './contract';
export * from './subjects';
export * from './gen/cobranza/common/v1/error_pb';
export * from './gen/cobranza/system/v1/system_pb';
export * from './gen/cobranza/clients/v1/tenant_pb';
export * from './gen/cobranza/tenancy/v1/provision_pb';
