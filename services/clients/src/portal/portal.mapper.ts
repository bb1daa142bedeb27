import type { PortalSettingsRow } from './portal-settings.entity';
import type { PortalLinkRow } from './portal-link.entity';

export function toSettingsMessage(row: PortalSettingsRow) {
  return {
    tenantId: row.tenantId,
    enabled: row.enabled,
    linkInInvoiceEmails: row.linkInInvoiceEmails,
    linkTtlDays: row.linkTtlDays,
    baseUrl: row.baseUrl,
  };
}

export type LinkStatus = 'valid' | 'expired' | 'revoked';

export function linkStatus(row: PortalLinkRow, now = new Date()): LinkStatus {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid';
}

/** A link as answered; the URL and token only when just issued (they are never stored). */
export function toLinkMessage(row: PortalLinkRow, issued?: { url: string; token: string }) {
  return {
    id: row.id,
    tenantId: row.tenantId,
    clientId: row.clientId,
    recipient: row.recipient,
    url: issued?.url ?? '',
    token: issued?.token ?? '',
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? '',
    createdAt: row.createdAt.toISOString(),
    status: linkStatus(row),
  };
}
