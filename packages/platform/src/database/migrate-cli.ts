import { MikroORM } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/postgresql';

/**
 * `migrate.ts` of every service: `up` (default) applies pending migrations, `create` writes a new
 * migration from the entity diff, `check` fails when the entities and the schema differ.
 * Run as a separate step (a Kubernetes Job, scripts/up.sh), never on every replica's boot.
 */
export async function runMigrationCli(config: Options, argv = process.argv.slice(2)): Promise<void> {
  const command = argv[0] ?? 'up';
  const orm = await MikroORM.init(config);
  try {
    const migrator = orm.getMigrator();
    if (command === 'up') {
      const applied = await migrator.up();
      console.log(`${config.schema}: ${applied.length} migration(s) applied`);
    } else if (command === 'create') {
      const result = await migrator.createMigration(undefined, false, false, argv[1]);
      console.log(result.fileName ? `${config.schema}: wrote ${result.fileName}` : `${config.schema}: no changes`);
    } else if (command === 'check') {
      const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      if (sql.trim()) {
        console.error(`${config.schema}: entities differ from the schema:\n${sql}`);
        process.exitCode = 1;
      } else console.log(`${config.schema}: schema matches the entities`);
    } else {
      throw new Error(`unknown command ${command}; use up, create or check`);
    }
  } finally {
    await orm.close();
  }
}
