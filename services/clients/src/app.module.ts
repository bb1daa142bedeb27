import { SystemRpc } from '@cobranza/contracts';
import { ServiceCoreModule, statusController } from '@cobranza/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceDefinition } from '@cobranza/platform';
import { CreateTenantUseCase } from './tenants/create-tenant.usecase';
import { TenantsController } from './tenants/tenants.controller';

@Module({})
export class AppModule {
  static register(definition: ServiceDefinition): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forService(definition)],
      controllers: [statusController(SystemRpc.status.clients.subject), TenantsController],
      providers: [CreateTenantUseCase],
    };
  }
}
