import type { CreateClientRequest, ListClientsRequest, UpdateClientRequest } from '@cobranza/contracts';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { conflict, FieldErrors, isUuid, notFound } from '../common/errors';
import { pageInfo, pageOf } from '../common/pagination';
import { containsPattern } from '../common/text';
import { Tenant } from '../tenants/tenant.entity';
import { normalizeClientFields } from './client-fields';
import { Client } from './client.entity';
import { clientSearchText, fieldsOf, toClientMessage } from './client.mapper';

const SORTS: Record<string, string> = { code: 'code', legal_name: 'legalName', created_at: 'createdAt' };

@Injectable()
export class ClientsUseCases {
  constructor(private readonly em: EntityManager) {}

  async tenant(tenantId: string): Promise<Tenant> {
    const tenant = isUuid(tenantId) ? await this.em.findOne(Tenant, { id: tenantId }) : null;
    if (!tenant) throw notFound('tenant.not_found');
    return tenant;
  }

  /** A client of this tenant; another tenant's id is answered exactly like an unknown one. */
  async find(tenantId: string, id: string): Promise<Client> {
    const client = isUuid(id) && isUuid(tenantId) ? await this.em.findOne(Client, { id, tenantId }) : null;
    if (!client) throw notFound('client.not_found');
    return client;
  }

  async create(request: CreateClientRequest) {
    const tenant = await this.tenant(request.tenantId);
    const errors = new FieldErrors();
    const fields = normalizeClientFields(
      {
        code: request.code,
        kind: request.kind,
        legalName: request.legalName,
        taxId: request.taxId,
        address: request.address,
        country: request.country || tenant.country,
        currency: request.currency || tenant.currency,
        emails: request.emails,
        whatsapp: request.whatsapp,
        notes: request.notes,
        active: request.active ?? true,
        autoSend: request.delivery?.autoSend ?? false,
        onlyWhenSeveral: request.delivery?.onlyWhenSeveral ?? false,
        channels: request.delivery?.channels.length ? request.delivery.channels : ['email'],
      },
      errors,
    );
    errors.throwIfAny();
    if (!fields.code) fields.code = await this.nextCode(tenant.id);
    const now = new Date();
    const client = this.em.create(Client, {
      ...fields,
      tenantId: tenant.id,
      searchText: clientSearchText(fields),
      createdAt: now,
      updatedAt: now,
    });
    await this.flushUnique(fields.code);
    return toClientMessage(client);
  }

  async update(request: UpdateClientRequest) {
    const client = await this.find(request.tenantId, request.id);
    const current = fieldsOf(client);
    const errors = new FieldErrors();
    const countryChanged = request.country !== undefined && request.country.trim().toUpperCase() !== client.country;
    const fields = normalizeClientFields(
      {
        code: request.code ?? current.code,
        kind: request.kind ?? current.kind,
        legalName: request.legalName ?? current.legalName,
        taxId: request.taxId ?? current.taxId,
        address: request.address ?? current.address,
        country: request.country ?? current.country,
        currency: request.currency ?? current.currency,
        emails: request.emails ? request.emails.values : current.emails,
        // A stored number is re-checked only when it or the country changes.
        whatsapp: request.whatsapp ?? current.whatsapp,
        notes: request.notes ?? current.notes,
        active: request.active ?? current.active,
        autoSend: request.delivery ? request.delivery.autoSend : current.autoSend,
        onlyWhenSeveral: request.delivery ? request.delivery.onlyWhenSeveral : current.onlyWhenSeveral,
        channels: request.delivery ? request.delivery.channels : current.channels,
      },
      errors,
    );
    if (request.code !== undefined && !fields.code) errors.add('code', 'required');
    errors.throwIfAny();
    if (request.whatsapp === undefined && !countryChanged) {
      fields.whatsapp = client.whatsapp;
      fields.whatsappE164 = client.whatsappE164;
    }
    this.em.assign(client, { ...fields, searchText: clientSearchText(fields), updatedAt: new Date() });
    await this.flushUnique(fields.code);
    return toClientMessage(client);
  }

  async list(request: ListClientsRequest) {
    const errors = new FieldErrors();
    const page = pageOf(request.page, errors);
    const sortKey = request.sort.replace(/^-/, '') || 'code';
    if (!SORTS[sortKey]) errors.add('sort', 'sort_invalid', { value: request.sort });
    if (request.kind && !['client', 'prospect'].includes(request.kind)) errors.add('kind', 'kind_invalid');
    errors.throwIfAny();
    if (!isUuid(request.tenantId)) throw notFound('tenant.not_found');
    const where: Record<string, unknown> = { tenantId: request.tenantId };
    if (request.query.trim()) where.searchText = { $like: containsPattern(request.query.trim()) };
    if (request.kind) where.kind = request.kind;
    if (request.active !== undefined) where.active = request.active;
    const direction = request.sort.startsWith('-') ? 'desc' : 'asc';
    const [items, total] = await this.em.findAndCount(Client, where, {
      orderBy: { [SORTS[sortKey]]: direction, id: 'asc' },
      limit: page.pageSize,
      offset: page.offset,
    });
    return { items: items.map(toClientMessage), page: pageInfo(page, total) };
  }

  /** Next free numeric code in the seed's 10-digit form (0000000012). */
  private async nextCode(tenantId: string): Promise<string> {
    const [row] = await this.em
      .getConnection()
      .execute<Array<{ max: string | null }>>(
        `select max(code) as max from client where tenant_id = ? and code ~ '^[0-9]{10}$'`,
        [tenantId],
      );
    return String(Number(row?.max ?? 0) + 1).padStart(10, '0');
  }

  private async flushUnique(code: string): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw conflict('client.code_taken', { code });
      throw error;
    }
  }
}

