import { SystemRpc } from '@cobranza/contracts';
import { ServiceCoreModule, statusController, type ServiceDefinition } from '@cobranza/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ClientsController } from './clients/clients.controller';
import { ClientsUseCases } from './clients/clients.usecases';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsUseCases } from './contacts/contacts.usecases';
import { RecipientsController } from './recipients/recipients.controller';
import { PORTAL_CONTROLLERS, PORTAL_PROVIDERS } from './portal/portal.module';
import { StaffController } from './staff/staff.controller';
import { CreateTenantUseCase } from './tenants/create-tenant.usecase';
import { TenantsController } from './tenants/tenants.controller';
import { UpdateTenantUseCase } from './tenants/update-tenant.usecase';

@Module({})
export class AppModule {
  static register(definition: ServiceDefinition): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forService(definition)],
      controllers: [
        statusController(SystemRpc.status.clients.subject),
        TenantsController,
        ApiKeysController,
        ClientsController,
        ContactsController,
        StaffController,
        RecipientsController,
        ...PORTAL_CONTROLLERS,
      ],
      providers: [CreateTenantUseCase, UpdateTenantUseCase, ClientsUseCases, ContactsUseCases, ...PORTAL_PROVIDERS],
    };
  }
}
