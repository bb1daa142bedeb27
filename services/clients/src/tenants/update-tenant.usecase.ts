import { ClientsEvents, type UpdateTenantRequest } from '@cobranza/contracts';
import { messageLanguage, OutboxRelay, recordEvent, ValidationError } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isUuid, notFound } from '../common/errors';
import { message } from '../common/messages';
import { normalizeTenantSettings } from './domain/tenant-settings';
import { Tenant } from './tenant.entity';
import { toTenantMessage } from './tenant.mapper';

@Injectable()
export class UpdateTenantUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly relay: OutboxRelay,
  ) {}

  /** Changes the fields present; the `tenant.updated` event carries the new version to the others. */
  async execute(request: UpdateTenantRequest): Promise<Tenant> {
    const tenant = isUuid(request.id) ? await this.em.findOne(Tenant, { id: request.id }) : null;
    if (!tenant) throw notFound('tenant.not_found');
    const settings = normalizeTenantSettings({
      legalName: request.legalName ?? tenant.legalName,
      taxId: request.taxId ?? tenant.taxId,
      address: request.address ?? tenant.address,
      country: request.country ?? tenant.country,
      timezone: request.timezone ?? tenant.timezone,
      locale: request.locale ?? tenant.locale,
      currency: request.currency ?? tenant.currency,
      email: request.email ?? tenant.email,
    });
    let logoArtifactId = tenant.logoArtifactId;
    if (request.logoArtifactId !== undefined) {
      // Set by the gateway after storing the file; an empty string removes the logo.
      if (request.logoArtifactId !== '' && !isUuid(request.logoArtifactId))
        throw new ValidationError(message('validation_failed'), {
          logoArtifactId: messageLanguage() === 'en' ? 'Must be the id of an artifact.' : 'Debe ser el id de un artefacto.',
        });
      logoArtifactId = request.logoArtifactId || null;
    }
    this.em.assign(tenant, { ...settings, logoArtifactId, version: tenant.version + 1, updatedAt: new Date() });
    recordEvent(this.em, ClientsEvents.tenantUpdated, { tenant: toTenantMessage(tenant) });
    await this.em.flush();
    this.relay.kick();
    return tenant;
  }
}
