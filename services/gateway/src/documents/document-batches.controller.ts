import { BillingRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_NOT_FOUND } from '../clients/clients.dto';
import { ApiProblems } from '../http/problem-responses';
import { resourceId } from '../http/request-shape';
import { amountsAsStrings, INVALID_LINES } from './billing-problems';
import { billingField, parseBillingBody } from './billing-request';
import { documentJson, INVOICE_EXAMPLE, ISSUE_DOCUMENT, IssueDocumentDto, SalesDocumentDto } from './documents.dto';

class IssueBatchDto {
  @ApiProperty({ example: 'alquileres-2024-03', description: 'Chosen by the caller; sending the same id again issues nothing twice.' })
  batchId!: string;

  @ApiProperty({ type: [IssueDocumentDto], description: 'At most 500; all are checked before any is issued.' })
  items!: IssueDocumentDto[];
}

class ClientCountDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: 2 }) invoices!: number;
}

class IssueBatchResultDto {
  @ApiProperty({ example: 'alquileres-2024-03' }) batchId!: string;
  @ApiProperty({ type: [SalesDocumentDto] }) documents!: SalesDocumentDto[];
  @ApiProperty({ type: [ClientCountDto], description: 'How many invoices each client got in the batch.' }) perClient!: ClientCountDto[];
}

const ISSUE_BATCH = { batchId: billingField.string, items: billingField.list(ISSUE_DOCUMENT) } as const;

/** Seed 003's "tareas comunes": many documents in one request, e.g. a month's rents of a building. */
@ApiTags('documents')
@ApiBearerAuth('api-key')
@Controller('v1/document-batches')
export class DocumentBatchesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Issue a batch of documents',
    description:
      'Every item is checked first: one bad item issues nothing and the answer names it (`items[1].lines[0].quantity`). ' +
      'Retrying the same `batchId` after a failure continues where it stopped and never issues an item twice. When the ' +
      'batch is done, the event evt.billing.batch.completed says how many invoices each client got.',
  })
  @ApiBody({ type: IssueBatchDto, examples: { alquileres: { summary: 'Alquileres de marzo', value: { batchId: 'alquileres-2024-03', items: [INVOICE_EXAMPLE] } } } })
  @ApiCreatedResponse({ type: IssueBatchResultDto })
  @ApiProblems(amountsAsStrings('items[0].lines[0].unitPrice'), INVALID_LINES, CLIENT_NOT_FOUND)
  async issue(@TenantId() tenantId: string, @Body() body: unknown): Promise<IssueBatchResultDto> {
    const input = parseBillingBody(body, ISSUE_BATCH);
    const reply = await this.rpc.call(
      BillingRpc.issueBatch,
      {
        tenantId,
        batchId: input.batchId ?? '',
        items: (input.items ?? []).map((item) => ({ ...item, clientId: item.clientId ? resourceId('client', item.clientId) : item.clientId })),
      },
      { timeoutMs: 60_000 },
    );
    return { batchId: reply.batchId, documents: reply.documents.map(documentJson), perClient: reply.perClient.map((c) => ({ clientId: c.clientId, invoices: c.invoices })) };
  }
}
