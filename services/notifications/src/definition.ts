import { NOTIFICATIONS_CONTRACTS } from '@cobranza/contracts';
import { ProvisionedTenant, serviceOrmConfig, serviceVersion, type ServiceDefinition } from '@cobranza/platform';
import { join } from 'node:path';
import { Delivery, DeliveryStatusEvent } from './deliveries/delivery.entity';
import { migrations } from './migrations';
import { ChannelSettingsRow } from './settings/channel-settings.entity';
import { ClientLastTemplate, MessageTemplateRow } from './templates/message-template.entity';

export function notificationsDefinition(clientUrl?: string): ServiceDefinition {
  return {
    name: 'notifications',
    version: serviceVersion(),
    contracts: NOTIFICATIONS_CONTRACTS,
    orm: serviceOrmConfig({
      service: 'notifications',
      entities: [ProvisionedTenant, ChannelSettingsRow, MessageTemplateRow, ClientLastTemplate, Delivery, DeliveryStatusEvent],
      migrations,
      migrationsFolder: join(__dirname, '..', 'src', 'migrations'),
      clientUrl,
    }),
  };
}
