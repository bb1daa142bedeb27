import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** What the presented API key identifies. */
export interface ApiKeyPrincipal {
  tenantId: string;
  keyId: string;
  /** The tenant's locale, for example "es-VE". */
  locale: string;
}

export interface AuthenticatedRequest extends Request {
  principal?: ApiKeyPrincipal;
}

export const IS_PUBLIC = 'cobranza:public';

/** The route needs no API key (health probes). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The tenant of the request's API key; the tenant never comes from the request itself. */
export const TenantId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('@TenantId() used on a route without authentication');
  return principal.tenantId;
});
