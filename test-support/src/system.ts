import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { startService, type ServiceDefinition } from '@cobranza/platform';
import type { DynamicModule } from '@nestjs/common';

/** Applies the service's migrations to the test database (its own schema, its own role). */
export async function migrate(definition: ServiceDefinition): Promise<void> {
  const orm = await MikroORM.init(definition.orm);
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close();
  }
}

/** Starts a real service in this process, against the test PostgreSQL and NATS. */
export async function startTestService(
  definition: ServiceDefinition,
  appModule: { register(definition: ServiceDefinition): DynamicModule },
): Promise<INestApplication> {
  await migrate(definition);
  return startService(definition, appModule.register(definition), { httpPort: 0, httpHost: '127.0.0.1' });
}

/**
 * The migration check of one service: revert to an empty schema, migrate up from there, and
 * require that the entities need no further change (no pending diff).
 */
export async function checkMigrationsFromEmpty(definition: ServiceDefinition): Promise<{ tablesWhenEmpty: string[]; pendingSql: string; applied: string[] }> {
  const orm = await MikroORM.init(definition.orm);
  try {
    const migrator = orm.getMigrator();
    await migrator.down({ to: 0 });
    const schema = definition.orm.schema as string;
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<Array<{ table_name: string }>>(
        `select table_name from information_schema.tables where table_schema = ? and table_name <> 'mikro_orm_migrations' order by 1`,
        [schema],
      );
    const applied = (await migrator.up()).map((m) => m.name);
    const pendingSql = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    return { tablesWhenEmpty: rows.map((r) => r.table_name), pendingSql, applied };
  } finally {
    await orm.close();
  }
}
