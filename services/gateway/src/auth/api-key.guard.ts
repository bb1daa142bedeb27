import { ClientsRpc } from '@cobranza/contracts';
import { DomainError, messageLanguage, RpcClient } from '@cobranza/platform';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators';

/** "cbz_" and 43 base64url characters (256 random bits). */
const API_KEY = /^cbz_[A-Za-z0-9_-]{43}$/;
const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;

const MESSAGES = {
  'auth.missing_key': {
    es: 'Falta la clave de API: envíe el encabezado Authorization: Bearer <clave>.',
    en: 'The API key is missing: send the header Authorization: Bearer <key>.',
  },
  'auth.invalid_key': {
    es: 'La clave de API no es válida o fue revocada.',
    en: 'The API key is not valid or was revoked.',
  },
} as const;

/**
 * Every route needs `Authorization: Bearer <API key>` unless marked @Public(). The key never
 * travels over NATS: the clients service is asked with its SHA-256 and answers the key's tenant.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rpc: RpcClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const res = http.getResponse<Response>();

    const header = req.headers.authorization?.trim();
    if (!header) throw this.reject(res, 'auth.missing_key');
    const key = BEARER.exec(header)?.[1];
    if (!key || !API_KEY.test(key)) throw this.reject(res, 'auth.invalid_key');

    const keySha256 = createHash('sha256').update(key, 'utf8').digest('hex');
    try {
      const reply = await this.rpc.call(ClientsRpc.authenticate, { keySha256 });
      req.principal = { tenantId: reply.tenantId, keyId: reply.keyId, locale: reply.locale };
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'auth.invalid_key') throw this.reject(res, 'auth.invalid_key');
      throw error;
    }
  }

  private reject(res: Response, code: keyof typeof MESSAGES): DomainError {
    res.setHeader('WWW-Authenticate', code === 'auth.missing_key' ? 'Bearer' : 'Bearer error="invalid_token"');
    return new DomainError(code, MESSAGES[code][messageLanguage()], 401);
  }
}
