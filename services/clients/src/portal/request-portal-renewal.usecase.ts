import type { RequestPortalRenewalRequest } from '@cobranza/contracts';
import { LOGGER } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { Client } from '../clients/client.entity';
import { Tenant } from '../tenants/tenant.entity';
import { RENEWALS_PER_ADDRESS, RENEWALS_PER_CLIENT } from './domain/rate-limit';
import { IssuePortalLinkUseCase } from './issue-portal-link.usecase';
import { languageOfLocale, PortalMailer } from './portal-mailer';
import { RenewalRateLimiter } from './renewal-rate-limiter';
import { VerifyPortalLinkUseCase } from './verify-portal-link.usecase';

const NEUTRAL = { accepted: true } as const;

/**
 * The expired-link page's "send me a new link" (seed 004: the client renews the link and gets
 * new access by email). Only an authentic, expired, unrevoked link of an enabled portal renews,
 * within the per-address and per-client limits; the fresh links go to the client's registered
 * addresses only (the expired link's own address when it is one of them), never to an address
 * typed on the page. Every request gets the same answer, whatever happened.
 */
@Injectable()
export class RequestPortalRenewalUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly verify: VerifyPortalLinkUseCase,
    private readonly limiter: RenewalRateLimiter,
    private readonly issue: IssuePortalLinkUseCase,
    private readonly mailer: PortalMailer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(request: RequestPortalRenewalRequest) {
    const address = request.requesterIp.trim().slice(0, 100) || 'unknown';
    // Every request counts against its address, authentic or not: guessing costs the same.
    if (!(await this.limiter.hit(`renewal:ip:${address}`, RENEWALS_PER_ADDRESS))) return NEUTRAL;
    const verified = await this.verify.execute(request.token);
    if (verified.status !== 'expired') return NEUTRAL;
    const expired = verified.row;
    if (!(await this.limiter.hit(`renewal:client:${expired.tenantId}:${expired.clientId}`, RENEWALS_PER_CLIENT))) return NEUTRAL;

    const tenant = await this.em.findOne(Tenant, { id: expired.tenantId });
    const client = await this.em.findOne(Client, { id: expired.clientId, tenantId: expired.tenantId });
    if (!tenant || !client || !client.active) return NEUTRAL;
    const registered = client.emails;
    const own = registered.find((email) => email.toLowerCase() === expired.recipient.toLowerCase());
    const recipients = own ? [own] : registered;
    const language = languageOfLocale(tenant.locale);
    for (const recipient of recipients) {
      try {
        const issued = await this.issue.execute(
          { tenantId: tenant.id, clientId: client.id, recipient, ttlDays: 0 },
          { emailOnly: true, renewedFromId: expired.id },
        );
        const delivery = await this.mailer.send('renewal', issued, tenant, client, language);
        this.logger.info({ linkId: issued.row.id, renewedFrom: expired.id, deliveryId: delivery.id, status: delivery.status }, 'portal link renewed');
      } catch (error) {
        // The answer stays neutral; the client can ask again within the limits.
        this.logger.warn({ err: error, renewedFrom: expired.id }, 'portal link renewal not sent');
      }
    }
    return NEUTRAL;
  }
}
