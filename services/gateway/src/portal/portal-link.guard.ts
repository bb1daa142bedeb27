import { PortalRpc, type PortalLink } from '@cobranza/contracts';
import { ArtifactStore, RpcClient } from '@cobranza/platform';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** What a portal token opened, as the clients service says. */
export interface PortalAccess {
  /** `unavailable`: the clients service could not be asked (the page says to try again). */
  status: 'valid' | 'expired' | 'revoked' | 'invalid' | 'unavailable';
  /** Only for a valid link: its tenant and client. */
  link?: PortalLink;
  token: string;
  store: ArtifactStore;
}

export interface PortalRequest extends Request {
  portal?: PortalAccess;
  /** Why a form's receipt was refused (type, size, content), for the form's error. */
  portalUploadError?: unknown;
}

/** Tokens are 119 base64url characters; anything else is not asked about. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * Verifies the path's token with the clients service before anything else runs (the receipt
 * upload of the payment form needs the link's tenant). Never refuses: the page decides what to
 * show for an expired or invalid link.
 */
@Injectable()
export class PortalLinkGuard implements CanActivate {
  constructor(
    private readonly rpc: RpcClient,
    private readonly store: ArtifactStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<PortalRequest>();
    const token = typeof req.params?.token === 'string' ? req.params.token : undefined;
    if (token === undefined) return true;
    if (!TOKEN_SHAPE.test(token)) {
      req.portal = { status: 'invalid', token, store: this.store };
      return true;
    }
    let reply;
    try {
      reply = await this.rpc.call(PortalRpc.verifyLink, { token });
    } catch {
      // Answered as a page, never as a problem that would log the path (and its token).
      req.portal = { status: 'unavailable', token, store: this.store };
      return true;
    }
    const status = (['valid', 'expired', 'revoked'] as const).find((s) => s === reply.status) ?? 'invalid';
    req.portal = { status, link: status === 'valid' ? reply.link : undefined, token, store: this.store };
    return true;
  }
}
