import { env } from '@cobranza/platform';
import type { UpdatePortalSettingsRequest } from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ClientsUseCases } from '../clients/clients.usecases';
import { FieldErrors } from '../common/errors';
import { PortalSettingsRow } from './portal-settings.entity';

export const MAX_TTL_DAYS = 365;

/** The gateway's public URL when neither the tenant nor PORTAL_BASE_URL says otherwise. */
export const defaultPortalBaseUrl = (): string => env('PORTAL_BASE_URL', 'http://localhost:3000').replace(/\/+$/, '');

/** An http(s) URL with no query, fragment or credentials, without its trailing slash. */
export function normalizeBaseUrl(input: string): string | undefined {
  const typed = input.trim();
  if (typed === '') return '';
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) return undefined;
  const text = url.toString().replace(/\/+$/, '');
  return text.length <= 300 ? text : undefined;
}

/** A tenant's portal settings; a tenant without a row has the defaults (portal off, 30 days). */
@Injectable()
export class PortalSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clients: ClientsUseCases,
  ) {}

  async get(tenantId: string): Promise<PortalSettingsRow> {
    const tenant = await this.clients.tenant(tenantId);
    return (await this.em.findOne(PortalSettingsRow, { tenantId: tenant.id })) ?? Object.assign(new PortalSettingsRow(), { tenantId: tenant.id });
  }

  async update(request: UpdatePortalSettingsRequest): Promise<PortalSettingsRow> {
    const tenant = await this.clients.tenant(request.tenantId);
    const errors = new FieldErrors();
    if (request.linkTtlDays !== undefined && (request.linkTtlDays < 1 || request.linkTtlDays > MAX_TTL_DAYS))
      errors.add('linkTtlDays', 'portal.ttl_invalid');
    const baseUrl = request.baseUrl === undefined ? undefined : normalizeBaseUrl(request.baseUrl);
    if (request.baseUrl !== undefined && baseUrl === undefined) errors.add('baseUrl', 'portal.base_url_invalid');
    errors.throwIfAny();
    let row = await this.em.findOne(PortalSettingsRow, { tenantId: tenant.id });
    if (!row) {
      row = Object.assign(new PortalSettingsRow(), { tenantId: tenant.id });
      this.em.persist(row);
    }
    if (request.enabled !== undefined) row.enabled = request.enabled;
    if (request.linkInInvoiceEmails !== undefined) row.linkInInvoiceEmails = request.linkInInvoiceEmails;
    if (request.linkTtlDays !== undefined) row.linkTtlDays = request.linkTtlDays;
    if (baseUrl !== undefined) row.baseUrl = baseUrl;
    row.updatedAt = new Date();
    await this.em.flush();
    return row;
  }

  /** Where the tenant's links point: its own base URL, else PORTAL_BASE_URL. */
  baseUrlOf(settings: PortalSettingsRow): string {
    return settings.baseUrl || defaultPortalBaseUrl();
  }
}
