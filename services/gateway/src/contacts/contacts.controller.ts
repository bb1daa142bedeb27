import { ClientsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { ApiPageQueries, pageInfoJson, pageRequest } from '../http/page.dto';
import { ApiProblems, REQUEST_INVALID } from '../http/problem-responses';
import { parseBody, parseQuery, resourceId } from '../http/request-shape';
import {
  CONTACT_EXAMPLE,
  CONTACT_NOT_FOUND,
  ContactDto,
  contactJson,
  ContactListDto,
  CREATE_CONTACT,
  CreateContactDto,
  INVALID_CONTACT,
  LIST_CONTACTS_QUERY,
  UPDATE_CONTACT,
  UpdateContactDto,
} from './contacts.dto';

const CONTACT_ID_PARAM = { name: 'id', description: 'Contact id (UUID).', example: '3b9d6e21-7a4c-4f0e-8d15-2c6a9b0e4f77' };

/** The tenant's contact catalog: people who can be the contact of one or several clients. */
@ApiTags('contacts')
@ApiBearerAuth('api-key')
@Controller('v1/contacts')
export class ContactsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Add a contact to the catalog' })
  @ApiBody({ type: CreateContactDto, examples: { contacto: { summary: 'Contacto con WhatsApp', value: CONTACT_EXAMPLE } } })
  @ApiCreatedResponse({ description: 'Created.', type: ContactDto })
  @ApiProblems(REQUEST_INVALID, INVALID_CONTACT)
  async create(@TenantId() tenantId: string, @Body() body: unknown): Promise<ContactDto> {
    const input = parseBody(body, CREATE_CONTACT);
    return contactJson(await this.rpc.call(ClientsRpc.createContact, { ...input, tenantId }));
  }

  @Get()
  @ApiOperation({ summary: 'List and search the contact catalog' })
  @ApiQuery({ name: 'query', required: false, type: String, description: 'Part of the name or e-mail.', example: 'galac' })
  @ApiPageQueries()
  @ApiOkResponse({ type: ContactListDto })
  @ApiProblems(REQUEST_INVALID)
  async list(@TenantId() tenantId: string, @Query() rawQuery: unknown): Promise<ContactListDto> {
    const q = parseQuery(rawQuery, LIST_CONTACTS_QUERY);
    const reply = await this.rpc.call(ClientsRpc.listContacts, { tenantId, query: q.query, page: pageRequest(q) });
    return { items: reply.items.map(contactJson), page: pageInfoJson(reply.page) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a contact' })
  @ApiParam(CONTACT_ID_PARAM)
  @ApiOkResponse({ type: ContactDto })
  @ApiProblems(CONTACT_NOT_FOUND)
  async get(@TenantId() tenantId: string, @Param('id') id: string): Promise<ContactDto> {
    return contactJson(await this.rpc.call(ClientsRpc.getContact, { tenantId, id: resourceId('contact', id) }));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a contact', description: 'Only the fields present change; every client linked to the contact sees the change.' })
  @ApiParam(CONTACT_ID_PARAM)
  @ApiBody({ type: UpdateContactDto, examples: { telefono: { summary: 'Nuevo teléfono', value: { phone: '04247181811' } } } })
  @ApiOkResponse({ type: ContactDto })
  @ApiProblems(REQUEST_INVALID, INVALID_CONTACT, CONTACT_NOT_FOUND)
  async update(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown): Promise<ContactDto> {
    const contactId = resourceId('contact', id);
    const changes = parseBody(body, UPDATE_CONTACT);
    return contactJson(await this.rpc.call(ClientsRpc.updateContact, { ...changes, tenantId, id: contactId }));
  }
}
