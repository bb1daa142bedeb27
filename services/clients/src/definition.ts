import { CLIENTS_CONTRACTS } from '@cobranza/contracts';
import { serviceOrmConfig, serviceVersion, type ServiceDefinition } from '@cobranza/platform';
import { join } from 'node:path';
import { ApiKey } from './api-keys/api-key.entity';
import { Client } from './clients/client.entity';
import { ClientContact } from './contacts/client-contact.entity';
import { Contact } from './contacts/contact.entity';
import { migrations } from './migrations';
import { PORTAL_ENTITIES } from './portal/portal.module';
import { StaffMember } from './staff/staff-member.entity';
import { Tenant } from './tenants/tenant.entity';

export function clientsDefinition(clientUrl?: string): ServiceDefinition {
  return {
    name: 'clients',
    version: serviceVersion(),
    contracts: CLIENTS_CONTRACTS,
    orm: serviceOrmConfig({
      service: 'clients',
      entities: [Tenant, ApiKey, Client, Contact, ClientContact, StaffMember, ...PORTAL_ENTITIES],
      migrations,
      migrationsFolder: join(__dirname, '..', 'src', 'migrations'),
      clientUrl,
    }),
  };
}
