import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PortalTokenSigner, sameDigest, tokenSha256 } from './domain/portal-token';
import { PortalLinkRow } from './portal-link.entity';
import { PortalSettingsRow } from './portal-settings.entity';
import { linkStatus } from './portal.mapper';

export type Verification =
  | { status: 'valid' | 'expired' | 'revoked'; row: PortalLinkRow }
  | { status: 'invalid'; row?: undefined };

/**
 * What a token opens: its signature, then its row (same id, same token hash, same tenant and
 * client), revocation, expiry and whether the tenant's portal is still on. A tampered or unknown
 * token, or one of a portal switched off, is just `invalid`.
 */
@Injectable()
export class VerifyPortalLinkUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly signer: PortalTokenSigner,
  ) {}

  async execute(token: string, now = new Date()): Promise<Verification> {
    const claims = this.signer.verify(token.trim());
    if (!claims) return { status: 'invalid' };
    const row = await this.em.findOne(PortalLinkRow, { id: claims.linkId });
    if (
      !row ||
      !sameDigest(row.tokenSha256, tokenSha256(token.trim())) ||
      row.tenantId !== claims.tenantId ||
      row.clientId !== claims.clientId
    )
      return { status: 'invalid' };
    const settings = await this.em.findOne(PortalSettingsRow, { tenantId: row.tenantId });
    if (!settings?.enabled) return { status: 'invalid' };
    return { status: linkStatus(row, now), row };
  }
}
