import { runMigrationCli } from '@cobranza/platform';
import { billingDefinition } from './definition';

runMigrationCli(billingDefinition().orm).catch((error) => {
  console.error(error);
  process.exit(1);
});
