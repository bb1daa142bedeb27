import { NOTIFICATIONS_SEND_TIMEOUT_MS, NotificationsRpc, type Delivery } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Injectable } from '@nestjs/common';
import type { Client } from '../clients/client.entity';
import type { Tenant } from '../tenants/tenant.entity';
import { expiryText, PORTAL_LINK_EMAIL, PORTAL_RENEWAL_EMAIL } from './portal-email';
import type { IssuedLink } from './issue-portal-link.usecase';

export const languageOfLocale = (locale: string): 'es' | 'en' => (locale.toLowerCase().startsWith('en') ? 'en' : 'es');

/**
 * Emails a portal link to its recipient through the notifications service. The delivery key is
 * the link's own (`portal-link:<id>` or `portal-renewal:<id>`): a retried send never emails twice.
 * No client id is passed on purpose: the portal text must not become the client's "last used"
 * statement template.
 */
@Injectable()
export class PortalMailer {
  constructor(private readonly rpc: RpcClient) {}

  send(kind: 'link' | 'renewal', issued: IssuedLink, tenant: Tenant, client: Client, language: 'es' | 'en'): Promise<Delivery> {
    const text = (kind === 'link' ? PORTAL_LINK_EMAIL : PORTAL_RENEWAL_EMAIL)[language];
    return this.rpc.call(
      NotificationsRpc.sendEmail,
      {
        tenantId: tenant.id,
        deliveryKey: `${kind === 'link' ? 'portal-link' : 'portal-renewal'}:${issued.row.id}`,
        documentKind: 'statement',
        to: issued.row.recipient,
        language,
        subject: text.subject,
        body: text.body,
        variables: {
          clientName: client.legalName,
          portalLink: issued.url,
          customText: expiryText(issued.row.expiresAt, language, tenant.timezone),
        },
      },
      { timeoutMs: NOTIFICATIONS_SEND_TIMEOUT_MS },
    );
  }
}
