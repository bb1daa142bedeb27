import { runMigrationCli } from '@cobranza/platform';
import { documentsDefinition } from './definition';

runMigrationCli(documentsDefinition().orm).catch((error) => {
  console.error(error);
  process.exit(1);
});
