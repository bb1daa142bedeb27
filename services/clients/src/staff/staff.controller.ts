import {
  ClientsRpc,
  type CreateStaffMemberRequest,
  type GetStaffMemberRequest,
  type ListStaffRequest,
  type RemoveStaffMemberRequest,
  type UpdateStaffMemberRequest,
} from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { normalizeEmail } from '@cobranza/contact-rules';
import { FieldErrors, isUuid, notFound } from '../common/errors';
import { searchPageByName } from '../common/search-page';
import { searchable } from '../common/text';
import { Tenant } from '../tenants/tenant.entity';
import { StaffMember } from './staff-member.entity';

const toMessage = (member: StaffMember) => ({
  id: member.id,
  tenantId: member.tenantId,
  name: member.name,
  email: member.email,
  active: member.active,
  createdAt: member.createdAt.toISOString(),
});

function normalize(raw: { name: string; email: string }, errors: FieldErrors): { name: string; email: string } {
  const name = raw.name.trim();
  if (!name) errors.add('name', 'required');
  if (name.length > 200) errors.add('name', 'too_long', { max: 200 });
  const email = errors.take('email', normalizeEmail(raw.email)) ?? raw.email;
  return { name, email };
}

/** Staff recipients are plain records: the handlers hold the little logic they need. */
@Controller()
export class StaffController {
  constructor(private readonly em: EntityManager) {}

  private async find(tenantId: string, id: string): Promise<StaffMember> {
    const member = isUuid(id) && isUuid(tenantId) ? await this.em.findOne(StaffMember, { id, tenantId }) : null;
    if (!member) throw notFound('staff.not_found');
    return member;
  }

  @MessagePattern(ClientsRpc.createStaffMember.subject)
  async create(@Payload() request: CreateStaffMemberRequest) {
    const tenant = isUuid(request.tenantId) ? await this.em.findOne(Tenant, { id: request.tenantId }) : null;
    if (!tenant) throw notFound('tenant.not_found');
    const errors = new FieldErrors();
    const fields = normalize(request, errors);
    errors.throwIfAny();
    const member = this.em.create(StaffMember, {
      ...fields,
      tenantId: tenant.id,
      active: true,
      searchText: searchable(fields.name, fields.email),
      createdAt: new Date(),
    });
    await this.em.flush();
    return toMessage(member);
  }

  @MessagePattern(ClientsRpc.getStaffMember.subject)
  async get(@Payload() request: GetStaffMemberRequest) {
    return toMessage(await this.find(request.tenantId, request.id));
  }

  @MessagePattern(ClientsRpc.updateStaffMember.subject)
  async update(@Payload() request: UpdateStaffMemberRequest) {
    const member = await this.find(request.tenantId, request.id);
    const errors = new FieldErrors();
    const fields = normalize({ name: request.name ?? member.name, email: request.email ?? member.email }, errors);
    errors.throwIfAny();
    this.em.assign(member, { ...fields, active: request.active ?? member.active, searchText: searchable(fields.name, fields.email) });
    await this.em.flush();
    return toMessage(member);
  }

  @MessagePattern(ClientsRpc.removeStaffMember.subject)
  async remove(@Payload() request: RemoveStaffMemberRequest) {
    const member = await this.find(request.tenantId, request.id);
    await this.em.remove(member).flush();
    return { id: member.id };
  }

  @MessagePattern(ClientsRpc.listStaff.subject)
  async list(@Payload() request: ListStaffRequest) {
    return searchPageByName(this.em, StaffMember, request, toMessage);
  }
}
