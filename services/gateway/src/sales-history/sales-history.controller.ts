import { BillingRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_ID_PARAM, CLIENT_NOT_FOUND } from '../clients/clients.dto';
import { ApiProblems } from '../http/problem-responses';
import { resourceId } from '../http/request-shape';
import { SalesHistoryDto, salesHistoryJson } from './sales-history.dto';

/** Seed 001's "Ventas" tab of a client. */
@ApiTags('statements')
@ApiBearerAuth('api-key')
@Controller('v1/clients/:id/sales-history')
export class SalesHistoryController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: "A client's sales history",
    description:
      'The 100 most recent sales operations of the client, newest first: each with its quote, order, remission and ' +
      'invoice; how many of each are shown, and the pending balance.',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiOkResponse({ type: SalesHistoryDto })
  @ApiProblems(CLIENT_NOT_FOUND)
  async get(@TenantId() tenantId: string, @Param('id') id: string): Promise<SalesHistoryDto> {
    const reply = await this.rpc.call(BillingRpc.getSalesHistory, { tenantId, clientId: resourceId('client', id) });
    return salesHistoryJson(reply);
  }
}
