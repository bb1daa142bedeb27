import { DocumentsRpc, type RenderStatementRequest } from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RenderStatementUseCase } from './render-statement.usecase';

@Controller()
export class StatementsController {
  constructor(private readonly render: RenderStatementUseCase) {}

  @MessagePattern(DocumentsRpc.renderStatement.subject)
  renderStatement(@Payload() request: RenderStatementRequest) {
    return this.render.execute(request);
  }
}
