import { runMigrationCli } from '@cobranza/platform';
import { clientsDefinition } from './definition';

runMigrationCli(clientsDefinition().orm).catch((error) => {
  console.error(error);
  process.exit(1);
});
