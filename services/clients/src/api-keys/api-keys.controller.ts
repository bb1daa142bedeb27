import {
  ClientsRpc,
  type AuthenticateRequest,
  type CreateApiKeyRequest,
  type ListApiKeysRequest,
  type RevokeApiKeyRequest,
} from '@cobranza/contracts';
import { DomainError } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FieldErrors, isUuid, notFound } from '../common/errors';
import { message } from '../common/messages';
import { Tenant } from '../tenants/tenant.entity';
import { ApiKey } from './api-key.entity';
import { generateApiKey } from './domain/api-key-secret';

const toMessage = (key: ApiKey) => ({
  id: key.id,
  tenantId: key.tenantId,
  name: key.name,
  prefix: key.prefix,
  createdAt: key.createdAt.toISOString(),
  revokedAt: key.revokedAt?.toISOString() ?? '',
});

/** Keys are created and revoked by the admin command; the gateway authenticates every request. */
@Controller()
export class ApiKeysController {
  constructor(private readonly em: EntityManager) {}

  @MessagePattern(ClientsRpc.createApiKey.subject)
  async create(@Payload() request: CreateApiKeyRequest) {
    const tenant = isUuid(request.tenantId) ? await this.em.findOne(Tenant, { id: request.tenantId }) : null;
    if (!tenant) throw notFound('tenant.not_found');
    const errors = new FieldErrors();
    const name = request.name.trim();
    if (!name) errors.add('name', 'required');
    if (name.length > 100) errors.add('name', 'too_long', { max: 100 });
    errors.throwIfAny();
    const secret = generateApiKey();
    const key = this.em.create(ApiKey, {
      tenantId: tenant.id,
      name,
      prefix: secret.prefix,
      keySha256: secret.sha256,
      createdAt: new Date(),
    });
    await this.em.flush();
    return { apiKey: toMessage(key), key: secret.key };
  }

  @MessagePattern(ClientsRpc.listApiKeys.subject)
  async list(@Payload() request: ListApiKeysRequest) {
    if (!isUuid(request.tenantId)) return { items: [] };
    const keys = await this.em.find(ApiKey, { tenantId: request.tenantId }, { orderBy: { createdAt: 'asc' } });
    return { items: keys.map(toMessage) };
  }

  @MessagePattern(ClientsRpc.revokeApiKey.subject)
  async revoke(@Payload() request: RevokeApiKeyRequest) {
    const key =
      isUuid(request.tenantId) && isUuid(request.id)
        ? await this.em.findOne(ApiKey, { id: request.id, tenantId: request.tenantId })
        : null;
    if (!key) throw notFound('api_key.not_found');
    key.revokedAt ??= new Date();
    await this.em.flush();
    return toMessage(key);
  }

  @MessagePattern(ClientsRpc.authenticate.subject)
  async authenticate(@Payload() request: AuthenticateRequest) {
    const key = /^[0-9a-f]{64}$/.test(request.keySha256)
      ? await this.em.findOne(ApiKey, { keySha256: request.keySha256, revokedAt: null })
      : null;
    const tenant = key ? await this.em.findOne(Tenant, { id: key.tenantId }) : null;
    if (!key || !tenant) throw new DomainError('auth.invalid_key', message('auth.invalid_key'), 401);
    return { tenantId: tenant.id, keyId: key.id, locale: tenant.locale };
  }
}
