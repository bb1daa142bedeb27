import { ClientsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { ApiPageQueries, pageInfoJson, pageRequest } from '../http/page.dto';
import { ApiProblems, REQUEST_INVALID } from '../http/problem-responses';
import { parseBody, parseQuery, resourceId } from '../http/request-shape';
import {
  CREATE_STAFF_MEMBER,
  CreateStaffMemberDto,
  INVALID_STAFF,
  LIST_STAFF_QUERY,
  STAFF_NOT_FOUND,
  StaffListDto,
  StaffMemberDto,
  staffMemberJson,
  UPDATE_STAFF_MEMBER,
  UpdateStaffMemberDto,
} from './staff.dto';

const STAFF_ID_PARAM = { name: 'id', description: 'Staff member id (UUID).', example: 'e7a2c4f1-0b6d-4a39-9e58-3d1f7b2c6a84' };

/** The tenant's own people, who can receive copies of what is sent to clients. */
@ApiTags('staff')
@ApiBearerAuth('api-key')
@Controller('v1/staff')
export class StaffController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Add a staff member' })
  @ApiBody({
    type: CreateStaffMemberDto,
    examples: { rrhh: { summary: 'Recursos Humanos', value: { name: 'Ana Pérez', email: 'rrhh@infotax.com.ve' } } },
  })
  @ApiCreatedResponse({ description: 'Created.', type: StaffMemberDto })
  @ApiProblems(REQUEST_INVALID, INVALID_STAFF)
  async create(@TenantId() tenantId: string, @Body() body: unknown): Promise<StaffMemberDto> {
    const input = parseBody(body, CREATE_STAFF_MEMBER);
    return staffMemberJson(await this.rpc.call(ClientsRpc.createStaffMember, { ...input, tenantId }));
  }

  @Get()
  @ApiOperation({ summary: 'List and search staff members' })
  @ApiQuery({ name: 'query', required: false, type: String, description: 'Part of the name or e-mail.', example: 'rrhh' })
  @ApiPageQueries()
  @ApiOkResponse({ type: StaffListDto })
  @ApiProblems(REQUEST_INVALID)
  async list(@TenantId() tenantId: string, @Query() rawQuery: unknown): Promise<StaffListDto> {
    const q = parseQuery(rawQuery, LIST_STAFF_QUERY);
    const reply = await this.rpc.call(ClientsRpc.listStaff, { tenantId, query: q.query, page: pageRequest(q) });
    return { items: reply.items.map(staffMemberJson), page: pageInfoJson(reply.page) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a staff member' })
  @ApiParam(STAFF_ID_PARAM)
  @ApiOkResponse({ type: StaffMemberDto })
  @ApiProblems(STAFF_NOT_FOUND)
  async get(@TenantId() tenantId: string, @Param('id') id: string): Promise<StaffMemberDto> {
    return staffMemberJson(await this.rpc.call(ClientsRpc.getStaffMember, { tenantId, id: resourceId('staff', id) }));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a staff member', description: 'Only the fields present change.' })
  @ApiParam(STAFF_ID_PARAM)
  @ApiBody({ type: UpdateStaffMemberDto, examples: { inactivar: { summary: 'Dejar de enviar copias', value: { active: false } } } })
  @ApiOkResponse({ type: StaffMemberDto })
  @ApiProblems(REQUEST_INVALID, INVALID_STAFF, STAFF_NOT_FOUND)
  async update(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown): Promise<StaffMemberDto> {
    const staffId = resourceId('staff', id);
    const changes = parseBody(body, UPDATE_STAFF_MEMBER);
    return staffMemberJson(await this.rpc.call(ClientsRpc.updateStaffMember, { ...changes, tenantId, id: staffId }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a staff member' })
  @ApiParam(STAFF_ID_PARAM)
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(STAFF_NOT_FOUND)
  async remove(@TenantId() tenantId: string, @Param('id') id: string): Promise<void> {
    await this.rpc.call(ClientsRpc.removeStaffMember, { tenantId, id: resourceId('staff', id) });
  }
}
