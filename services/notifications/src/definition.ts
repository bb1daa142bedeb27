import { SystemRpc, TenancyRpc } from '@cobranza/contracts';
import { ProvisionedTenant, serviceOrmConfig, serviceVersion, type ServiceDefinition } from '@cobranza/platform';
import { join } from 'node:path';
import { migrations } from './migrations';


export function notificationsDefinition(clientUrl?: string): ServiceDefinition {
  return {
    name: 'notifications',
    version: serviceVersion(),
    contracts: [SystemRpc.status.notifications, TenancyRpc.provision.notifications],
    orm: serviceOrmConfig({
      service: 'notifications',
      entities: [ProvisionedTenant],
      migrations,
      migrationsFolder: join(__dirname, '..', 'src', 'migrations'),
      clientUrl,
    }),
  };
}
