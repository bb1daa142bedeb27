import { runMigrationCli } from '@cobranza/platform';
import { notificationsDefinition } from './definition';

runMigrationCli(notificationsDefinition().orm).catch((error) => {
  console.error(error);
  process.exit(1);
});
