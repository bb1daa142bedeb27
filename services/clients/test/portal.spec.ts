import { ClientsRpc, PortalRpc } from '@cobranza/contracts';
import { connectNats, DomainError, RpcClient } from '@cobranza/platform';
import { startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { NatsConnection } from 'nats';
import { AppModule } from '../src/app.module';
import { clientsDefinition } from '../src/definition';
import { RenewalRateLimiter } from '../src/portal/renewal-rate-limiter';

/** The portal's settings and links in the clients service, over real NATS and PostgreSQL. */
describe('customer portal links', () => {
  let app: INestApplication;
  let nats: NatsConnection;
  let rpc: RpcClient;
  let tenantId: string;
  let clientId: string;
  let otherClientId: string;

  beforeAll(async () => {
    app = await startTestService(clientsDefinition(), AppModule);
    nats = await connectNats('portal-links-test');
    rpc = new RpcClient(nats);
    tenantId = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Distribuidora El Ávila, C.A.', email: 'cobranzas@elavila.com.ve' })).id;
    clientId = (await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000012', legalName: 'INFOTAX, S.A.', emails: ['pagos@infotax.com.ve'] })).id;
    otherClientId = (await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000013', legalName: 'Ferretería Los Palos Grandes', emails: [] })).id;
  });

  afterAll(async () => {
    await nats?.drain();
    await app?.close();
  });

  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: DomainError) => error);

  it('starts with the portal off, 30-day links and the service base URL; updates only what is sent', async () => {
    expect(await rpc.call(PortalRpc.getSettings, { tenantId })).toMatchObject({ tenantId, enabled: false, linkInInvoiceEmails: false, linkTtlDays: 30, baseUrl: '' });
    const refused = await failure(rpc.call(PortalRpc.issueLink, { tenantId, clientId, recipient: 'pagos@infotax.com.ve' }));
    expect(refused).toMatchObject({ code: 'portal.disabled', status: 409 });

    const bad = await failure(rpc.call(PortalRpc.updateSettings, { tenantId, linkTtlDays: 400, baseUrl: 'ftp://x' }));
    expect(bad).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(Object.keys((bad as DomainError).details).sort()).toEqual(['baseUrl', 'linkTtlDays']);
    const updated = await rpc.call(PortalRpc.updateSettings, { tenantId, enabled: true, baseUrl: 'https://cobranza.elavila.com.ve/' });
    expect(updated).toMatchObject({ enabled: true, linkInInvoiceEmails: false, linkTtlDays: 30, baseUrl: 'https://cobranza.elavila.com.ve' });
    expect(await rpc.call(PortalRpc.getSettings, { tenantId })).toMatchObject({ enabled: true, baseUrl: 'https://cobranza.elavila.com.ve' });
  });

  it('issues a signed link per recipient that opens only its own client, without touching the others', async () => {
    const first = await rpc.call(PortalRpc.issueLink, { tenantId, clientId, recipient: 'pagos@infotax.com.ve' });
    expect(first.url).toBe(`https://cobranza.elavila.com.ve/portal/${first.token}`);
    const days = (Date.parse(first.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const second = await rpc.call(PortalRpc.issueLink, { tenantId, clientId, recipient: '+584247181811', ttlDays: 5 });
    const other = await rpc.call(PortalRpc.issueLink, { tenantId, clientId: otherClientId, recipient: 'compras@lospalosgrandes.com' });

    const opened = await rpc.call(PortalRpc.verifyLink, { token: first.token });
    expect(opened.status).toBe('valid');
    expect(opened.link).toMatchObject({ id: first.id, tenantId, clientId, recipient: 'pagos@infotax.com.ve', token: '', url: '' });
    expect((await rpc.call(PortalRpc.verifyLink, { token: second.token })).link?.clientId).toBe(clientId);
    expect((await rpc.call(PortalRpc.verifyLink, { token: other.token })).link?.clientId).toBe(otherClientId);

    const listed = await rpc.call(PortalRpc.listLinks, { tenantId, clientId });
    expect(listed.items.map((l) => l.id)).toEqual([second.id, first.id]);
    expect(listed.items.every((l) => l.token === '' && l.url === '' && l.status === 'valid')).toBe(true);
  });

  it('names every bad field of an issue, and answers an unknown client as not found', async () => {
    const bad = await failure(rpc.call(PortalRpc.issueLink, { tenantId, clientId, recipient: 'sin-arroba', ttlDays: 366 }));
    expect(Object.keys((bad as DomainError).details).sort()).toEqual(['recipient', 'ttlDays']);
    const unknown = await failure(rpc.call(PortalRpc.issueLink, { tenantId, clientId: '5f0c2a8e-0000-4000-8000-000000000000', recipient: 'a@b.com' }));
    expect(unknown).toMatchObject({ code: 'client.not_found', status: 404 });
  });

  it('answers invalid for a tampered or unknown token, revoked after a revocation, expired after the expiry', async () => {
    const link = await rpc.call(PortalRpc.issueLink, { tenantId, clientId, recipient: 'pagos@infotax.com.ve' });
    const tampered = link.token.slice(0, 60) + (link.token[60] === 'x' ? 'y' : 'x') + link.token.slice(61);
    const opened = await rpc.call(PortalRpc.verifyLink, { token: tampered });
    expect(opened.status).toBe('invalid');
    expect(opened.link).toBeUndefined();
    expect((await rpc.call(PortalRpc.verifyLink, { token: 'nada' })).status).toBe('invalid');

    const revoked = await rpc.call(PortalRpc.revokeLink, { tenantId, id: link.id });
    expect(revoked.revokedAt).not.toBe('');
    const afterRevocation = await rpc.call(PortalRpc.verifyLink, { token: link.token });
    expect(afterRevocation.status).toBe('revoked');
    expect(afterRevocation.link).toBeUndefined();
    expect(await failure(rpc.call(PortalRpc.revokeLink, { tenantId: otherTenant(), id: link.id }))).toMatchObject({ code: 'portal_link.not_found' });

    const later = await rpc.call(PortalRpc.issueLink, { tenantId, clientId, recipient: 'pagos@infotax.com.ve' });
    await app.get(EntityManager).fork().getConnection().execute(`update portal_link set expires_at = now() - interval '1 minute' where id = ?`, [later.id]);
    const expired = await rpc.call(PortalRpc.verifyLink, { token: later.token });
    expect(expired.status).toBe('expired');
    // Enough to offer a renewal, nothing about whose link it is.
    expect(expired.link).toMatchObject({ id: later.id, tenantId: '', clientId: '', recipient: '' });
  });

  it('stops opening every link of a tenant that switches its portal off', async () => {
    const link = await rpc.call(PortalRpc.issueLink, { tenantId, clientId, recipient: 'pagos@infotax.com.ve' });
    await rpc.call(PortalRpc.updateSettings, { tenantId, enabled: false });
    expect((await rpc.call(PortalRpc.verifyLink, { token: link.token })).status).toBe('invalid');
    await rpc.call(PortalRpc.updateSettings, { tenantId, enabled: true });
    expect((await rpc.call(PortalRpc.verifyLink, { token: link.token })).status).toBe('valid');
  });

  it('counts renewal requests in shared fixed windows in PostgreSQL', async () => {
    const limiter = app.get(RenewalRateLimiter);
    const limit = { max: 2, windowMs: 60 * 60 * 1000 };
    const now = new Date('2026-11-23T14:10:00Z');
    const key = `test:${Date.now()}`;
    // Concurrent hits still count one by one (the upsert increments in the database).
    const results = await Promise.all([1, 2, 3].map(() => limiter.hit(key, limit, now)));
    expect(results.filter(Boolean)).toHaveLength(2);
    expect(await limiter.hit(key, limit, new Date('2026-11-23T14:59:00Z'))).toBe(false);
    expect(await limiter.hit(key, limit, new Date('2026-11-23T15:00:00Z'))).toBe(true);
    expect(await limiter.hit(`${key}:other`, limit, now)).toBe(true);
  });
});

function otherTenant(): string {
  return '0b7e4c1a-1111-4222-8333-444455556666';
}
