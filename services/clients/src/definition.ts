import { ClientsRpc, SystemRpc } from '@cobranza/contracts';
import { serviceOrmConfig, serviceVersion, type ServiceDefinition } from '@cobranza/platform';
import { join } from 'node:path';
import { migrations } from './migrations';
import { Tenant } from './tenants/tenant.entity';

export function clientsDefinition(clientUrl?: string): ServiceDefinition {
  return {
    name: 'clients',
    version: serviceVersion(),
    contracts: [SystemRpc.status.clients, ClientsRpc.createTenant, ClientsRpc.getTenant],
    orm: serviceOrmConfig({
      service: 'clients',
      entities: [Tenant],
      migrations,
      migrationsFolder: join(__dirname, '..', 'src', 'migrations'),
      clientUrl,
    }),
  };
}
