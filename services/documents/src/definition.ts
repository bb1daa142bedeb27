import { SystemRpc, TenancyRpc } from '@cobranza/contracts';
import { ProvisionedTenant, serviceOrmConfig, serviceVersion, type ServiceDefinition } from '@cobranza/platform';
import { join } from 'node:path';
import { migrations } from './migrations';
import { chromiumCheck } from './rendering/chromium';

export function documentsDefinition(clientUrl?: string): ServiceDefinition {
  return {
    name: 'documents',
    version: serviceVersion(),
    contracts: [SystemRpc.status.documents, TenancyRpc.provision.documents],
    readinessChecks: [chromiumCheck()],
    orm: serviceOrmConfig({
      service: 'documents',
      entities: [ProvisionedTenant],
      migrations,
      migrationsFolder: join(__dirname, '..', 'src', 'migrations'),
      clientUrl,
    }),
  };
}
