import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION, SERVICE_DEFINITION } from './tokens';
import type { ServiceDefinition } from './service-definition';

export interface ServiceStatus {
  service: string;
  version: string;
  ready: boolean;
  checks: Record<string, string>;
  migrations: string[];
}

/** Answers liveness/readiness and the `rpc.<service>.system.status` request from the same checks. */
@Injectable()
export class StatusReporter {
  constructor(
    private readonly orm: MikroORM,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(SERVICE_DEFINITION) private readonly definition: ServiceDefinition,
  ) {}

  async report(): Promise<ServiceStatus> {
    const checks: Record<string, string> = {};
    let migrations: string[] = [];
    await Promise.all([
      this.run(checks, 'database', async () => {
        await this.orm.em.fork().getConnection().execute('select 1');
        migrations = (await this.orm.getMigrator().getExecutedMigrations()).map((m) => m.name);
      }),
      this.run(checks, 'nats', async () => {
        if (this.connection.isClosed()) throw new Error('connection closed');
      }),
      ...(this.definition.readinessChecks ?? []).map((c) => this.run(checks, c.name, c.check)),
    ]);
    return {
      service: this.definition.name,
      version: this.definition.version,
      ready: Object.values(checks).every((v) => v === 'ok'),
      checks,
      migrations,
    };
  }

  private async run(into: Record<string, string>, name: string, check: () => Promise<void>): Promise<void> {
    try {
      await check();
      into[name] = 'ok';
    } catch (error) {
      into[name] = (error as Error).message || 'failed';
    }
  }
}
