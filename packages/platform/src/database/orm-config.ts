import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';
import { databaseUrlFor } from '../config';
import { OutboxEvent } from '../outbox/outbox-event.entity';

export interface ServiceOrmOptions {
  /** Service name; also its PostgreSQL schema and (as svc_<name>) its database role. */
  service: string;
  entities: Array<new (...args: never[]) => object>;
  /** Migration classes in order; listed explicitly so compiled and ts-jest runs find the same ones. */
  migrations: MigrationObject[];
  /** Folder new migrations are written to (the service's src/migrations). */
  migrationsFolder: string;
  clientUrl?: string;
}

export function serviceOrmConfig(options: ServiceOrmOptions): Options {
  return defineConfig({
    clientUrl: options.clientUrl ?? databaseUrlFor(options.service),
    schema: options.service,
    entities: [...options.entities, OutboxEvent],
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: options.migrations,
      path: options.migrationsFolder,
      pathTs: options.migrationsFolder,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts',
    },
  });
}
