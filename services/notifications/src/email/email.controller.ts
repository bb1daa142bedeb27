import { NotificationsRpc, type SendEmailRequest } from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SendEmailUseCase } from './send-email.usecase';

@Controller()
export class EmailController {
  constructor(private readonly send: SendEmailUseCase) {}

  @MessagePattern(NotificationsRpc.sendEmail.subject)
  sendEmail(@Payload() request: SendEmailRequest) {
    return this.send.execute(request);
  }
}
