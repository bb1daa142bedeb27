import { BillingRpc, type GetStatementRequest } from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetStatementUseCase } from './get-statement.usecase';

@Controller()
export class StatementsController {
  constructor(private readonly statement: GetStatementUseCase) {}

  @MessagePattern(BillingRpc.getStatement.subject)
  get(@Payload() request: GetStatementRequest) {
    return this.statement.execute(request);
  }
}
