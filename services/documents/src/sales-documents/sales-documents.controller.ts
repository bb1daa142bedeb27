import { DocumentsRpc, type RenderSalesDocumentRequest } from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RenderSalesDocumentUseCase } from './render-sales-document.usecase';

@Controller()
export class SalesDocumentsController {
  constructor(private readonly render: RenderSalesDocumentUseCase) {}

  @MessagePattern(DocumentsRpc.renderSalesDocument.subject)
  renderSalesDocument(@Payload() request: RenderSalesDocumentRequest) {
    return this.render.execute(request);
  }
}
