import {
  NotificationsRpc,
  type DeleteWhatsAppMediaRequest,
  type ReceiveWhatsAppWebhookRequest,
  type SendWhatsAppDocumentRequest,
  type VerifyWhatsAppWebhookRequest,
} from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SendWhatsAppUseCase } from './send-whatsapp.usecase';
import { WhatsAppMediaService } from './whatsapp-media.service';
import { WhatsAppWebhookUseCases } from './whatsapp-webhook.usecases';

@Controller()
export class WhatsAppController {
  constructor(
    private readonly send: SendWhatsAppUseCase,
    private readonly media: WhatsAppMediaService,
    private readonly webhooks: WhatsAppWebhookUseCases,
  ) {}

  @MessagePattern(NotificationsRpc.sendWhatsAppDocument.subject)
  sendDocument(@Payload() request: SendWhatsAppDocumentRequest) {
    return this.send.execute(request);
  }

  @MessagePattern(NotificationsRpc.deleteWhatsAppMedia.subject)
  async deleteMedia(@Payload() request: DeleteWhatsAppMediaRequest) {
    return { deleted: await this.media.deleteFor(request.tenantId, request.deliveryId) };
  }

  @MessagePattern(NotificationsRpc.verifyWhatsAppWebhook.subject)
  verify(@Payload() request: VerifyWhatsAppWebhookRequest) {
    return this.webhooks.verify(request);
  }

  @MessagePattern(NotificationsRpc.receiveWhatsAppWebhook.subject)
  receive(@Payload() request: ReceiveWhatsAppWebhookRequest) {
    return this.webhooks.receive(request);
  }
}
