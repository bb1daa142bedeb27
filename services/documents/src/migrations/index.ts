import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123122347_initial } from './Migration20261123122347_initial';
import { Migration20261123131133_tenant_version } from './Migration20261123131133_tenant_version';
import { Migration20261123132855_tenant_legal_name } from './Migration20261123132855_tenant_legal_name';
import { Migration20261123152635_rendered_documents } from './Migration20261123152635_rendered_documents';

/** Every migration of this schema, oldest first. Add new ones here after `migrate create`. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123122347_initial', class: Migration20261123122347_initial },
  { name: 'Migration20261123131133_tenant_version', class: Migration20261123131133_tenant_version },
  { name: 'Migration20261123132855_tenant_legal_name', class: Migration20261123132855_tenant_legal_name },
  { name: 'Migration20261123152635_rendered_documents', class: Migration20261123152635_rendered_documents },
];
