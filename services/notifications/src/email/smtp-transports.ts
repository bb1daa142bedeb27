import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../settings/channel-settings.service';

interface Pooled {
  version: number;
  transport: Transporter;
}

/**
 * One pooled nodemailer transport per tenant, reused across sends. A transport is rebuilt when
 * the tenant's settings version moves (so every replica notices a change, not only the one that
 * stored it) and dropped at once on the replica that stored the change.
 */
@Injectable()
export class SmtpTransports implements OnApplicationShutdown {
  private readonly pools = new Map<string, Pooled>();

  get(tenantId: string, config: SmtpConfig): Transporter {
    const current = this.pools.get(tenantId);
    if (current && current.version === config.version) return current.transport;
    if (current) current.transport.close();
    const transport = nodemailer.createTransport({
      pool: true,
      maxConnections: 3,
      maxMessages: 100,
      host: config.host,
      port: config.port,
      secure: config.tlsMode === 'tls',
      requireTLS: config.tlsMode === 'starttls',
      ignoreTLS: config.tlsMode === 'none',
      auth: config.user ? { user: config.user, pass: config.password } : undefined,
      connectionTimeout: envMs('SMTP_CONNECTION_TIMEOUT_MS', 10_000),
      greetingTimeout: envMs('SMTP_GREETING_TIMEOUT_MS', 10_000),
      socketTimeout: envMs('SMTP_SOCKET_TIMEOUT_MS', 30_000),
    });
    this.pools.set(tenantId, { version: config.version, transport });
    return transport;
  }

  invalidate(tenantId: string): void {
    this.pools.get(tenantId)?.transport.close();
    this.pools.delete(tenantId);
  }

  /** How many tenants have a pooled transport (for tests and status). */
  get size(): number {
    return this.pools.size;
  }

  onApplicationShutdown(): void {
    for (const { transport } of this.pools.values()) transport.close();
    this.pools.clear();
  }
}

function envMs(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
