import { DocumentsRpc, type RenderSalesHistoryRequest } from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RenderSalesHistoryUseCase } from './render-sales-history.usecase';

@Controller()
export class SalesHistoryController {
  constructor(private readonly render: RenderSalesHistoryUseCase) {}

  @MessagePattern(DocumentsRpc.renderSalesHistory.subject)
  renderSalesHistory(@Payload() request: RenderSalesHistoryRequest) {
    return this.render.execute(request);
  }
}
