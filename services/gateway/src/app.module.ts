import { ArtifactStore, connectNats, LOGGER, NATS_CONNECTION, RpcClient, createLogger, stopTracing } from '@cobranza/platform';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { NatsConnection } from 'nats';
import { ApiKeyGuard } from './auth/api-key.guard';
import { AutomationSettingsController } from './automation/automation-settings.controller';
import { ClientContactsController } from './client-contacts/client-contacts.controller';
import { ClientsController } from './clients/clients.controller';
import { ContactsController } from './contacts/contacts.controller';
import { ClientDeliveriesController } from './deliveries/client-deliveries.controller';
import { BILLING_CONTROLLERS } from './documents/billing-controllers';
import { EXPORT_CONTROLLERS } from './exports/export-controllers';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { NOTIFICATIONS_CONTROLLERS } from './notifications/notifications-controllers';
import { PORTAL_CONTROLLERS } from './portal/portal-controllers';
import { RecipientsController } from './recipients/recipients.controller';
import { StaffController } from './staff/staff.controller';
import { SystemController } from './system/system.controller';
import { TenantController } from './tenant/tenant.controller';

/** The HTTP edge: translates HTTP to NATS requests and holds no domain logic. */
@Module({
  controllers: [
    HealthController,
    MetricsController,
    SystemController,
    TenantController,
    ClientsController,
    ClientContactsController,
    RecipientsController,
    ContactsController,
    StaffController,
    ...BILLING_CONTROLLERS,
    ...NOTIFICATIONS_CONTROLLERS,
    ClientDeliveriesController,
    ...EXPORT_CONTROLLERS,
    ...PORTAL_CONTROLLERS,
    AutomationSettingsController,
  ],
  providers: [
    { provide: LOGGER, useFactory: () => createLogger('gateway') },
    { provide: NATS_CONNECTION, useFactory: () => connectNats('gateway') },
    { provide: RpcClient, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => new RpcClient(nc) },
    { provide: ArtifactStore, inject: [NATS_CONNECTION], useFactory: (nc: NatsConnection) => ArtifactStore.open(nc) },
    // Every route needs an API key unless marked @Public().
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.drain().catch(() => undefined);
    await stopTracing();
  }
}
