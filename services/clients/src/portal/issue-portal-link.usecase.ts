import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { normalizeEmail } from '@cobranza/contact-rules';
import { ClientsUseCases } from '../clients/clients.usecases';
import { conflict, FieldErrors } from '../common/errors';
import { PortalTokenSigner, tokenSha256 } from './domain/portal-token';
import { PortalLinkRow } from './portal-link.entity';
import { MAX_TTL_DAYS, PortalSettingsService } from './portal-settings.service';

const E164 = /^\+[1-9]\d{7,14}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface IssueLinkInput {
  tenantId: string;
  clientId: string;
  recipient: string;
  /** 0: the tenant's link_ttl_days. */
  ttlDays: number;
}

export interface IssuedLink {
  row: PortalLinkRow;
  token: string;
  url: string;
}

/**
 * Issues a link to a client's portal for one recipient (seed 004's "vínculo"). Every link is its
 * own row: a new link never invalidates the valid links others hold.
 */
@Injectable()
export class IssuePortalLinkUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly clients: ClientsUseCases,
    private readonly settings: PortalSettingsService,
    private readonly signer: PortalTokenSigner,
  ) {}

  async execute(request: IssueLinkInput, options: { emailOnly?: boolean; renewedFromId?: string } = {}): Promise<IssuedLink> {
    const settings = await this.settings.get(request.tenantId);
    const client = await this.clients.find(request.tenantId, request.clientId);
    const errors = new FieldErrors();
    const recipient = this.recipient(request.recipient, options.emailOnly ?? false, errors);
    if (request.ttlDays > MAX_TTL_DAYS) errors.add('ttlDays', 'portal.ttl_invalid');
    errors.throwIfAny();
    if (!settings.enabled) throw conflict('portal.disabled');

    const now = new Date();
    // Whole seconds: the token carries the expiry in seconds, the row must say the same instant.
    const expiresAt = new Date(Math.floor((now.getTime() + (request.ttlDays || settings.linkTtlDays) * DAY_MS) / 1000) * 1000);
    const row = Object.assign(new PortalLinkRow(), {
      tenantId: client.tenantId,
      clientId: client.id,
      recipient: recipient ?? '',
      expiresAt,
      renewedFromId: options.renewedFromId ?? null,
      createdAt: now,
    });
    const token = this.signer.sign({ linkId: row.id, tenantId: row.tenantId, clientId: row.clientId, expiresAt });
    row.tokenSha256 = tokenSha256(token);
    this.em.persist(row);
    await this.em.flush();
    return { row, token, url: `${this.settings.baseUrlOf(settings)}/portal/${token}` };
  }

  private recipient(input: string, emailOnly: boolean, errors: FieldErrors): string | undefined {
    const typed = input.trim();
    if (!typed) {
      errors.add('recipient', 'required');
      return undefined;
    }
    if (!emailOnly && E164.test(typed)) return typed;
    const email = normalizeEmail(typed);
    if (email.ok) return email.value;
    errors.add('recipient', emailOnly ? 'portal.recipient_email_invalid' : 'portal.recipient_invalid');
    return undefined;
  }
}
