import {
  NotificationsRpc,
  type GetChannelSettingsRequest,
  type GetWhatsAppEntitlementRequest,
  type SetWhatsAppEntitlementRequest,
  type UpdateChannelSettingsRequest,
} from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ChannelSettingsService } from './channel-settings.service';

/** Channel settings (secrets never answered) and the WhatsApp entitlement. */
@Controller()
export class SettingsController {
  constructor(private readonly settings: ChannelSettingsService) {}

  @MessagePattern(NotificationsRpc.getSettings.subject)
  get(@Payload() request: GetChannelSettingsRequest) {
    return this.settings.view(request.tenantId);
  }

  @MessagePattern(NotificationsRpc.updateSettings.subject)
  update(@Payload() request: UpdateChannelSettingsRequest) {
    return this.settings.update(request);
  }

  @MessagePattern(NotificationsRpc.getEntitlement.subject)
  entitlement(@Payload() request: GetWhatsAppEntitlementRequest) {
    return this.settings.entitlement(request.tenantId);
  }

  @MessagePattern(NotificationsRpc.setEntitlement.subject)
  setEntitlement(@Payload() request: SetWhatsAppEntitlementRequest) {
    return this.settings.setEntitlement(request);
  }
}
