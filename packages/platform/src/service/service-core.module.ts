import { MikroOrmModule } from '@mikro-orm/nestjs';
import { MikroORM } from '@mikro-orm/core';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { eventStreamOf } from '@cobranza/contracts';
import type { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { ArtifactStore } from '../artifacts/artifact-store';
import { createLogger } from '../logger';
import { connectNats } from '../nats/connection';
import { RpcClient } from '../nats/rpc-client';
import { OutboxRelay } from '../outbox/outbox-relay';
import { MetricsController } from '../observability/metrics.controller';
import { stopTracing } from '../observability/tracing';
import { HealthController } from './health.controller';
import type { ServiceDefinition } from './service-definition';
import { StatusReporter } from './status-reporter';
import { LOGGER, NATS_CONNECTION, SERVICE_DEFINITION } from './tokens';

/**
 * What every domain service has: its MikroORM (own schema, own role), a NATS connection and
 * typed RPC client, the outbox relay to JetStream, status and health endpoints.
 */
@Global()
@Module({})
export class ServiceCoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly relay: OutboxRelay,
  ) {}

  static forService(definition: ServiceDefinition): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [MikroOrmModule.forRoot(definition.orm)],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_DEFINITION, useValue: definition },
        { provide: LOGGER, useFactory: () => createLogger(definition.name) },
        { provide: NATS_CONNECTION, useFactory: () => connectNats(`${definition.name}-client`) },
        { provide: RpcClient, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => new RpcClient(nc) },
        {
          provide: OutboxRelay,
          inject: [MikroORM, NATS_CONNECTION, LOGGER],
          useFactory: (orm: MikroORM, nc: NatsConnection, logger: Logger) =>
            new OutboxRelay(orm, nc, logger, { service: definition.name, stream: eventStreamOf(definition.name) }),
        },
        { provide: ArtifactStore, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => ArtifactStore.open(nc) },
        StatusReporter,
      ],
      exports: [SERVICE_DEFINITION, LOGGER, NATS_CONNECTION, RpcClient, OutboxRelay, StatusReporter, ArtifactStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.connection.drain().catch(() => undefined);
    await stopTracing();
  }
}
