import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123122348_initial } from './Migration20261123122348_initial';
import { Migration20261123131136_tenant_version } from './Migration20261123131136_tenant_version';
import { Migration20261123132856_tenant_legal_name } from './Migration20261123132856_tenant_legal_name';
import { Migration20261123152924_channels_templates_deliveries } from './Migration20261123152924_channels_templates_deliveries';
import { Migration20261123175544_reference_ids } from './Migration20261123175544_reference_ids';

/** Every migration of this schema, oldest first. Add new ones here after `migrate create`. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123122348_initial', class: Migration20261123122348_initial },
  { name: 'Migration20261123131136_tenant_version', class: Migration20261123131136_tenant_version },
  { name: 'Migration20261123132856_tenant_legal_name', class: Migration20261123132856_tenant_legal_name },
  { name: 'Migration20261123152924_channels_templates_deliveries', class: Migration20261123152924_channels_templates_deliveries },
  { name: 'Migration20261123175544_reference_ids', class: Migration20261123175544_reference_ids },
];
