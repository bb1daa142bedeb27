import { SystemRpc, TenancyRpc } from '@cobranza/contracts';
import { ServiceCoreModule, statusController, tenancyController, type ServiceDefinition } from '@cobranza/platform';
import { Module, type DynamicModule } from '@nestjs/common';

@Module({})
export class AppModule {
  static register(definition: ServiceDefinition): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forService(definition)],
      controllers: [
        statusController(SystemRpc.status.notifications.subject),
        tenancyController('notifications', TenancyRpc.provision.notifications.subject),
      ],
    };
  }
}
