import { BillingRpc } from '@cobranza/contracts';
import { DomainError, RpcClient } from '@cobranza/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_ID_PARAM, CLIENT_NOT_FOUND } from '../clients/clients.dto';
import { requestInvalid } from '../documents/billing-problems';
import { parseBillingQuery } from '../documents/billing-request';
import { ApiProblems, validationFailed } from '../http/problem-responses';
import { resourceId } from '../http/request-shape';
import { STATEMENT_BUCKETS, STATEMENT_KINDS, STATEMENT_QUERY, STATEMENT_STATUSES, StatementDto, statementJson } from './statements.dto';

const DATE = { type: 'string', format: 'date' } as const;

/** A client's account statement: open and paid documents as of a date, with totals and aging. */
@ApiTags('statements')
@ApiBearerAuth('api-key')
@Controller('v1/clients/:id/statement')
export class StatementsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: "A client's account statement",
    description:
      "The client's invoices, remissions and credit notes as of a date, each with what was paid, its balance, days " +
      'overdue and aging bucket, plus totals and aging. Voided documents are left out. `kind` and `status` take ' +
      'several values, repeated (`kind=invoice&kind=remission`) or comma-separated (`kind=invoice,remission`).',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiQuery({ name: 'asOf', required: false, schema: DATE, example: '2024-03-26', description: "Default: today in the tenant's time zone." })
  @ApiQuery({ name: 'number', required: false, type: String, example: '0001-00000111', description: 'Part of the document number.' })
  @ApiQuery({
    name: 'kind',
    required: false,
    schema: { type: 'array', items: { type: 'string', enum: STATEMENT_KINDS } },
    style: 'form',
    explode: true,
    example: ['invoice'],
  })
  @ApiQuery({ name: 'issueFrom', required: false, schema: DATE, example: '2024-01-01' })
  @ApiQuery({ name: 'issueTo', required: false, schema: DATE, example: '2024-03-31' })
  @ApiQuery({ name: 'dueFrom', required: false, schema: DATE, example: '2024-01-01' })
  @ApiQuery({ name: 'dueTo', required: false, schema: DATE, example: '2024-03-31' })
  @ApiQuery({ name: 'minDaysOverdue', required: false, schema: { type: 'integer', minimum: 0 }, example: 1 })
  @ApiQuery({ name: 'maxDaysOverdue', required: false, schema: { type: 'integer', minimum: 0 }, example: 30 })
  @ApiQuery({
    name: 'status',
    required: false,
    schema: { type: 'array', items: { type: 'string', enum: STATEMENT_STATUSES } },
    style: 'form',
    explode: true,
    example: ['pending', 'partially_paid'],
  })
  @ApiQuery({
    name: 'bucket',
    required: false,
    enum: STATEMENT_BUCKETS,
    example: '1_30',
    description: 'Only the documents of one aging bucket (the aging buttons of the statement).',
  })
  @ApiOkResponse({ type: StatementDto })
  @ApiProblems(
    requestInvalid({ minDaysOverdue: 'Debe ser un número entero de 0 a 1000000.', asOf: 'Debe aparecer una sola vez.' }),
    validationFailed({ asOf: 'La fecha debe tener la forma aaaa-mm-dd y existir, por ejemplo 2024-03-26.', bucket: 'Filtro no válido: 0_30.' }),
    CLIENT_NOT_FOUND,
  )
  async get(@TenantId() tenantId: string, @Param('id') id: string, @Query() rawQuery: unknown): Promise<StatementDto> {
    const clientId = resourceId('client', id);
    const q = parseBillingQuery(rawQuery, STATEMENT_QUERY);
    const reply = await this.rpc.call(BillingRpc.getStatement, {
      tenantId,
      clientId,
      asOf: q.asOf,
      filters: {
        number: q.number,
        kinds: q.kind,
        issueFrom: q.issueFrom,
        issueTo: q.issueTo,
        dueFrom: q.dueFrom,
        dueTo: q.dueTo,
        minDaysOverdue: q.minDaysOverdue,
        maxDaysOverdue: q.maxDaysOverdue,
        statuses: q.status,
        bucket: q.bucket,
      },
    }).catch((error: unknown) => {
      throw queryNames(error);
    });
    return statementJson(reply);
  }
}

/** The service names its list filters `kinds` and `statuses`; this route's parameters are `kind` and `status`. */
const PARAM_OF_FILTER: Record<string, string> = { kinds: 'kind', statuses: 'status' };

function queryNames(error: unknown): unknown {
  if (!(error instanceof DomainError) || !Object.keys(error.details).some((field) => field in PARAM_OF_FILTER)) return error;
  const details = Object.fromEntries(Object.entries(error.details).map(([field, text]) => [PARAM_OF_FILTER[field] ?? field, text]));
  return new DomainError(error.code, error.message, error.status, details);
}
