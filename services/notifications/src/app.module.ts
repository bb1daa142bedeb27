import { SystemRpc, TenancyRpc } from '@cobranza/contracts';
import { ServiceCoreModule, statusController, tenancyController, type ServiceDefinition } from '@cobranza/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveryLog } from './deliveries/delivery-log';
import { EmailController } from './email/email.controller';
import { SendEmailUseCase } from './email/send-email.usecase';
import { SmtpTransports } from './email/smtp-transports';
import { ChannelSettingsService } from './settings/channel-settings.service';
import { SecretBox } from './settings/secret-box';
import { SettingsController } from './settings/settings.controller';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';
import { NotificationTenants } from './tenants/notification-tenants';
import { SendWhatsAppUseCase } from './whatsapp/send-whatsapp.usecase';
import { WhatsAppController } from './whatsapp/whatsapp.controller';
import { WhatsAppMediaService } from './whatsapp/whatsapp-media.service';
import { WhatsAppWebhookUseCases } from './whatsapp/whatsapp-webhook.usecases';

@Module({})
export class AppModule {
  static register(definition: ServiceDefinition): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forService(definition)],
      controllers: [
        statusController(SystemRpc.status.notifications.subject),
        tenancyController('notifications', TenancyRpc.provision.notifications.subject),
        SettingsController,
        TemplatesController,
        DeliveriesController,
        EmailController,
        WhatsAppController,
      ],
      providers: [
        // Refuses to start in production without NOTIFICATIONS_SECRET_KEY.
        { provide: SecretBox, useFactory: () => SecretBox.fromEnv() },
        NotificationTenants,
        SmtpTransports,
        ChannelSettingsService,
        TemplatesService,
        DeliveryLog,
        SendEmailUseCase,
        SendWhatsAppUseCase,
        WhatsAppMediaService,
        WhatsAppWebhookUseCases,
      ],
    };
  }
}
