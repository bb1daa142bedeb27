import { ClientsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_ID_PARAM, CLIENT_NOT_FOUND } from '../clients/clients.dto';
import { CONTACT_EXAMPLE, CONTACT_NOT_FOUND, INVALID_CONTACT } from '../contacts/contacts.dto';
import { ApiProblems, notFound, REQUEST_INVALID, validationFailed, type ProblemExample } from '../http/problem-responses';
import { parseBody, resourceId } from '../http/request-shape';
import {
  ADD_CLIENT_CONTACT,
  AddClientContactDto,
  ClientContactDto,
  clientContactJson,
  ClientContactListDto,
  UPDATE_CLIENT_CONTACT,
  UpdateClientContactDto,
} from './client-contacts.dto';

const LINK_NOT_FOUND = notFound('client_contact.not_found', 'Ese contacto no está vinculado a este cliente.');
const ALREADY_LINKED: ProblemExample = {
  status: 409,
  code: 'client_contact.already_linked',
  detail: 'Ese contacto ya está vinculado a este cliente.',
};
const INVALID_KINDS = validationFailed({
  'documentKinds[0]': 'Tipo de documento desconocido: factura. Use uno de quote, order, remission, invoice, statement, reminder.',
});
const LINK_ID_PARAM = { name: 'linkId', description: 'Id of the client–contact link (UUID).', example: 'c41e7b09-5f3a-4d62-b8e0-91a2d7c6f305' };
const LINK_EXAMPLE = {
  department: 'Administración',
  role: 'Gerente de cobranzas',
  offeredForAll: false,
  documentKinds: ['invoice', 'statement'],
};

/** A client's contacts: catalog contacts linked with a department, a role and the documents they are offered for. */
@ApiTags('client contacts')
@ApiBearerAuth('api-key')
@Controller('v1/clients/:id/contacts')
@ApiParam(CLIENT_ID_PARAM)
export class ClientContactsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: "List a client's contacts" })
  @ApiOkResponse({ type: ClientContactListDto })
  @ApiProblems(CLIENT_NOT_FOUND)
  async list(@TenantId() tenantId: string, @Param('id') id: string): Promise<ClientContactListDto> {
    const reply = await this.rpc.call(ClientsRpc.listClientContacts, { tenantId, clientId: resourceId('client', id) });
    return { items: reply.items.map(clientContactJson) };
  }

  @Post()
  @ApiOperation({
    summary: 'Link a contact to a client',
    description: 'Either a contact of the catalog (`contactId`) or a new one (`newContact`, also added to the catalog).',
  })
  @ApiBody({
    type: AddClientContactDto,
    examples: {
      catalogo: { summary: 'Contacto del catálogo', value: { contactId: '3b9d6e21-7a4c-4f0e-8d15-2c6a9b0e4f77', ...LINK_EXAMPLE } },
      nuevo: { summary: 'Contacto nuevo', value: { newContact: CONTACT_EXAMPLE, ...LINK_EXAMPLE } },
    },
  })
  @ApiCreatedResponse({ description: 'Linked.', type: ClientContactDto })
  @ApiProblems(REQUEST_INVALID, INVALID_CONTACT, INVALID_KINDS, CLIENT_NOT_FOUND, CONTACT_NOT_FOUND, ALREADY_LINKED)
  async add(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown): Promise<ClientContactDto> {
    const clientId = resourceId('client', id);
    const input = parseBody(body, ADD_CLIENT_CONTACT);
    const contactId = input.contactId ? resourceId('contact', input.contactId) : input.contactId;
    return clientContactJson(
      await this.rpc.call(ClientsRpc.addClientContact, {
        ...input,
        contactId,
        newContact: input.newContact && { ...input.newContact, tenantId },
        tenantId,
        clientId,
      }),
    );
  }

  @Patch(':linkId')
  @ApiOperation({ summary: "Change a contact's department, role or documents for this client", description: 'Only the fields present change.' })
  @ApiParam(LINK_ID_PARAM)
  @ApiBody({ type: UpdateClientContactDto, examples: { todos: { summary: 'Ofrecer para todo', value: { offeredForAll: true } } } })
  @ApiOkResponse({ type: ClientContactDto })
  @ApiProblems(REQUEST_INVALID, INVALID_KINDS, CLIENT_NOT_FOUND, LINK_NOT_FOUND)
  async update(
    @TenantId() tenantId: string,
    @Param('id') id: string,
    @Param('linkId') linkId: string,
    @Body() body: unknown,
  ): Promise<ClientContactDto> {
    const clientId = resourceId('client', id);
    const linkIdChecked = resourceId('clientContact', linkId);
    const { documentKinds, ...changes } = parseBody(body, UPDATE_CLIENT_CONTACT);
    return clientContactJson(
      await this.rpc.call(ClientsRpc.updateClientContact, {
        ...changes,
        documentKinds: documentKinds ? { values: documentKinds } : undefined,
        tenantId,
        clientId,
        id: linkIdChecked,
      }),
    );
  }

  @Delete(':linkId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unlink a contact from a client', description: 'The contact stays in the catalog.' })
  @ApiParam(LINK_ID_PARAM)
  @ApiNoContentResponse({ description: 'Unlinked.' })
  @ApiProblems(CLIENT_NOT_FOUND, LINK_NOT_FOUND)
  async remove(@TenantId() tenantId: string, @Param('id') id: string, @Param('linkId') linkId: string): Promise<void> {
    const clientId = resourceId('client', id);
    await this.rpc.call(ClientsRpc.removeClientContact, { tenantId, clientId, id: resourceId('clientContact', linkId) });
  }
}
