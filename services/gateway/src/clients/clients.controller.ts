import { ClientsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { ApiPageQueries, pageInfoJson, pageRequest } from '../http/page.dto';
import { ApiProblems, LANDLINE_MESSAGE, REQUEST_INVALID, validationFailed, type ProblemExample } from '../http/problem-responses';
import { parseBody, parseQuery, resourceId } from '../http/request-shape';
import {
  CLIENT_ID_PARAM,
  CLIENT_NOT_FOUND,
  ClientDto,
  clientJson, ClientListDto, CREATE_CLIENT, CreateClientDto, LIST_CLIENTS_QUERY, UPDATE_CLIENT, UpdateClientDto } from './clients.dto';

const CODE_TAKEN: ProblemExample = { status: 409, code: 'client.code_taken', detail: 'Ya existe un cliente con el código 0000000012.' };
const INVALID_CLIENT = validationFailed({
  whatsapp: LANDLINE_MESSAGE,
  'emails[0]':
    'El correo usuario@galac de la lista no es válido; cada correo debe tener la forma usuario@dominio.com. Sepárelos con coma o punto y coma.',
});

const CLIENT_EXAMPLE = {
  code: '0000000012',
  kind: 'client',
  legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
  taxId: 'J-31234567-8',
  address: 'Av. Urdaneta, Edif. Galipán, piso 3, Caracas',
  emails: ['usuario@galac.com'],
  whatsapp: '04247181811',
  delivery: { autoSend: true, onlyWhenSeveral: false, channels: ['email', 'whatsapp'] },
};

/** The tenant's clients and prospects. */
@ApiTags('clients')
@ApiBearerAuth('api-key')
@Controller('v1/clients')
export class ClientsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Create a client', description: 'Country and currency default to the tenant’s.' })
  @ApiBody({ type: CreateClientDto, examples: { cliente: { summary: 'Cliente venezolano', value: CLIENT_EXAMPLE } } })
  @ApiCreatedResponse({ description: 'Created.', type: ClientDto })
  @ApiProblems(REQUEST_INVALID, INVALID_CLIENT, CODE_TAKEN)
  async create(@TenantId() tenantId: string, @Body() body: unknown): Promise<ClientDto> {
    const input = parseBody(body, CREATE_CLIENT);
    return clientJson(await this.rpc.call(ClientsRpc.createClient, { ...input, tenantId }));
  }

  @Get()
  @ApiOperation({ summary: 'List and search clients', description: 'Sorted by code unless `sort` says otherwise.' })
  @ApiQuery({
    name: 'query',
    required: false,
    type: String,
    description: 'Part of the code, legal name, tax id or e-mail (case and accent insensitive).',
    example: 'informatica',
  })
  @ApiQuery({ name: 'kind', required: false, enum: ['client', 'prospect'] })
  @ApiQuery({ name: 'active', required: false, type: Boolean })
  @ApiQuery({
    name: 'sort',
    required: false,
    type: String,
    description: 'code, legal_name or created_at; "-" in front for descending.',
    example: '-created_at',
  })
  @ApiPageQueries()
  @ApiOkResponse({ type: ClientListDto })
  @ApiProblems(
    REQUEST_INVALID,
    validationFailed({ sort: 'Orden desconocido: nombre. Use code, legal_name o created_at, con "-" delante para orden descendente.' }),
  )
  async list(@TenantId() tenantId: string, @Query() rawQuery: unknown): Promise<ClientListDto> {
    const q = parseQuery(rawQuery, LIST_CLIENTS_QUERY);
    const reply = await this.rpc.call(ClientsRpc.listClients, {
      tenantId,
      query: q.query,
      kind: q.kind,
      active: q.active,
      sort: q.sort,
      page: pageRequest(q),
    });
    return { items: reply.items.map(clientJson), page: pageInfoJson(reply.page) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a client' })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiOkResponse({ type: ClientDto })
  @ApiProblems(CLIENT_NOT_FOUND)
  async get(@TenantId() tenantId: string, @Param('id') id: string): Promise<ClientDto> {
    return clientJson(await this.rpc.call(ClientsRpc.getClient, { tenantId, id: resourceId('client', id) }));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a client',
    description: 'Only the fields present change; `emails` replaces the whole list and `delivery` the whole preferences.',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiBody({
    type: UpdateClientDto,
    examples: { whatsapp: { summary: 'Nuevo WhatsApp y correos', value: { whatsapp: '04247181811', emails: ['usuario@galac.com'] } } },
  })
  @ApiOkResponse({ type: ClientDto })
  @ApiProblems(REQUEST_INVALID, INVALID_CLIENT, CLIENT_NOT_FOUND, CODE_TAKEN)
  async update(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown): Promise<ClientDto> {
    const clientId = resourceId('client', id);
    const { emails, ...changes } = parseBody(body, UPDATE_CLIENT);
    return clientJson(
      await this.rpc.call(ClientsRpc.updateClient, {
        ...changes,
        emails: emails ? { values: emails } : undefined,
        tenantId,
        id: clientId,
      }),
    );
  }
}
