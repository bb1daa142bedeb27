import { connectNats, LOGGER, NATS_CONNECTION, RpcClient, createLogger } from '@cobranza/platform';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { HealthController } from './health/health.controller';
import { SystemController } from './system/system.controller';

/** The HTTP edge: translates HTTP to NATS requests and holds no domain logic. */
@Module({
  controllers: [HealthController, SystemController],
  providers: [
    { provide: LOGGER, useFactory: () => createLogger('gateway') },
    { provide: NATS_CONNECTION, useFactory: () => connectNats('gateway') },
    { provide: RpcClient, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => new RpcClient(nc) },
  ],
})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.drain().catch(() => undefined);
  }
}
