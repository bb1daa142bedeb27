import { NotificationsRpc, type GetTemplateRequest, type ListTemplatesRequest, type ResetTemplateRequest, type SaveTemplateRequest } from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TemplatesService } from './templates.service';

@Controller()
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @MessagePattern(NotificationsRpc.listTemplates.subject)
  list(@Payload() request: ListTemplatesRequest) {
    return this.templates.list(request);
  }

  @MessagePattern(NotificationsRpc.getTemplate.subject)
  get(@Payload() request: GetTemplateRequest) {
    return this.templates.get(request);
  }

  @MessagePattern(NotificationsRpc.saveTemplate.subject)
  save(@Payload() request: SaveTemplateRequest) {
    return this.templates.save(request);
  }

  @MessagePattern(NotificationsRpc.resetTemplate.subject)
  reset(@Payload() request: ResetTemplateRequest) {
    return this.templates.reset(request);
  }
}
