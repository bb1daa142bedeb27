import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123122345_initial } from './Migration20261123122345_initial';
import { Migration20261123131128_clients_registry } from './Migration20261123131128_clients_registry';
import { Migration20261123170520_tenant_logo } from './Migration20261123170520_tenant_logo';
import { Migration20261123175148_portal } from './Migration20261123175148_portal';

/** Every migration of this schema, oldest first. Add new ones here after `migrate create`. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123122345_initial', class: Migration20261123122345_initial },
  { name: 'Migration20261123131128_clients_registry', class: Migration20261123131128_clients_registry },
  { name: 'Migration20261123170520_tenant_logo', class: Migration20261123170520_tenant_logo },
  { name: 'Migration20261123175148_portal', class: Migration20261123175148_portal },
];
