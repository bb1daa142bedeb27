import { SystemRpc, TenancyRpc } from '@cobranza/contracts';
import { ProvisionedTenant, serviceOrmConfig, serviceVersion, type ServiceDefinition } from '@cobranza/platform';
import { join } from 'node:path';
import { migrations } from './migrations';


export function billingDefinition(clientUrl?: string): ServiceDefinition {
  return {
    name: 'billing',
    version: serviceVersion(),
    contracts: [SystemRpc.status.billing, TenancyRpc.provision.billing],
    orm: serviceOrmConfig({
      service: 'billing',
      entities: [ProvisionedTenant],
      migrations,
      migrationsFolder: join(__dirname, '..', 'src', 'migrations'),
      clientUrl,
    }),
  };
}
