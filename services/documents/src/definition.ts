import { DOCUMENTS_CONTRACTS } from '@cobranza/contracts';
import { ProvisionedTenant, serviceOrmConfig, serviceVersion, type ServiceDefinition } from '@cobranza/platform';
import { join } from 'node:path';
import { RenderedDocument } from './artifacts/rendered-document.entity';
import { migrations } from './migrations';
import { chromiumCheck } from './rendering/chromium';

export function documentsDefinition(clientUrl?: string): ServiceDefinition {
  return {
    name: 'documents',
    version: serviceVersion(),
    contracts: DOCUMENTS_CONTRACTS,
    readinessChecks: [chromiumCheck()],
    orm: serviceOrmConfig({
      service: 'documents',
      entities: [ProvisionedTenant, RenderedDocument],
      migrations,
      migrationsFolder: join(__dirname, '..', 'src', 'migrations'),
      clientUrl,
    }),
  };
}
