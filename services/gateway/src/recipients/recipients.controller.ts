import { ClientsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_ID_PARAM, CLIENT_NOT_FOUND } from '../clients/clients.dto';
import { ApiProblems, REQUEST_INVALID, validationFailed } from '../http/problem-responses';
import { parseQuery, resourceId } from '../http/request-shape';
import { RecipientsDto, recipientsJson, RESOLVE_RECIPIENTS_QUERY } from './recipients.dto';

/** Who is offered when sending a kind of document to a client. */
@ApiTags('client contacts')
@ApiBearerAuth('api-key')
@Controller('v1/clients/:id/recipients')
export class RecipientsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'Recipients offered for a kind of document',
    description:
      "The client's own e-mail addresses and WhatsApp number, then its contacts offered for every kind or for this one. " +
      'Being offered is not being sent to: a send, a schedule or a tenant rule chooses among them.',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiQuery({
    name: 'documentKind',
    required: true,
    type: String,
    enum: ['quote', 'order', 'remission', 'invoice', 'statement', 'reminder'],
    example: 'invoice',
  })
  @ApiOkResponse({ type: RecipientsDto })
  @ApiProblems(
    REQUEST_INVALID,
    validationFailed({ documentKind: 'Tipo de documento desconocido: factura. Use uno de quote, order, remission, invoice, statement, reminder.' }),
    CLIENT_NOT_FOUND,
  )
  async resolve(@TenantId() tenantId: string, @Param('id') id: string, @Query() rawQuery: unknown): Promise<RecipientsDto> {
    const clientId = resourceId('client', id);
    const q = parseQuery(rawQuery, RESOLVE_RECIPIENTS_QUERY);
    return recipientsJson(await this.rpc.call(ClientsRpc.resolveRecipients, { tenantId, clientId, documentKind: q.documentKind }));
  }
}
