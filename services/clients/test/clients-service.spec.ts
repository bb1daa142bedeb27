import { ClientsRpc } from '@cobranza/contracts';
import { connectNats, DomainError, RpcClient } from '@cobranza/platform';
import { startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { sha256Hex } from '../src/api-keys/domain/api-key-secret';
import { AppModule } from '../src/app.module';
import { clientsDefinition } from '../src/definition';

/** The clients service over real NATS request/reply and PostgreSQL. */
describe('clients service', () => {
  let app: INestApplication;
  let nats: NatsConnection;
  let rpc: RpcClient;
  let tenantId: string;

  beforeAll(async () => {
    app = await startTestService(clientsDefinition(), AppModule);
    nats = await connectNats('clients-service-test');
    rpc = new RpcClient(nats);
    const tenant = await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', email: 'cobranzas@infotax.com.ve' });
    tenantId = tenant.id;
  });

  afterAll(async () => {
    await nats?.drain();
    await app?.close();
  });

  const countClients = async () => (await rpc.call(ClientsRpc.listClients, { tenantId, page: { pageSize: 100 } })).page?.total;

  describe('tenants', () => {
    it('applies the defaults: America/Caracas, es-VE, VES, Venezuela', async () => {
      const tenant = await rpc.call(ClientsRpc.getTenant, { id: tenantId });
      expect(tenant).toMatchObject({ country: 'VE', timezone: 'America/Caracas', locale: 'es-VE', currency: 'VES', version: 1 });
    });

    it('updates only the fields present and bumps the version', async () => {
      const created = await rpc.call(ClientsRpc.createTenant, { legalName: 'Otra, C.A.', email: 'admin@otra.com.ve' });
      const updated = await rpc.call(ClientsRpc.updateTenant, { id: created.id, timezone: 'America/Bogota', address: 'Calle 1' });
      expect(updated).toMatchObject({ legalName: 'Otra, C.A.', timezone: 'America/Bogota', address: 'Calle 1', version: 2 });
    });

    it('names every invalid field, in Spanish by default and in English on request', async () => {
      const input = { legalName: '', email: 'sin-arroba', timezone: 'Mars/Base', locale: 'fr-FR' };
      const es = await rpc.call(ClientsRpc.createTenant, input).catch((e: DomainError) => e);
      expect(es).toMatchObject({ code: 'validation_failed', status: 400 });
      expect(Object.keys((es as DomainError).details).sort()).toEqual(['email', 'legalName', 'locale', 'timezone']);
      expect((es as DomainError).details.email).toMatch(/usuario@dominio\.com/);
      expect((es as DomainError).details.legalName).toBe('Este campo es obligatorio.');
      const en = await rpc.call(ClientsRpc.createTenant, input, { locale: 'en-US' }).catch((e: DomainError) => e);
      expect((en as DomainError).details.legalName).toBe('This field is required.');
      expect((en as DomainError).message).toMatch(/^The data sent is not valid/);
    });
  });

  describe('API keys', () => {
    it('authenticates by the SHA-256 of the key, shows the key once, and stops after revocation', async () => {
      const created = await rpc.call(ClientsRpc.createApiKey, { tenantId, name: 'portal' });
      expect(created.key).toMatch(/^cbz_[A-Za-z0-9_-]{43}$/);
      expect(created.apiKey?.prefix).toBe(created.key.slice(0, 12));
      const auth = await rpc.call(ClientsRpc.authenticate, { keySha256: sha256Hex(created.key) });
      expect(auth).toMatchObject({ tenantId, keyId: created.apiKey?.id, locale: 'es-VE' });
      const listed = await rpc.call(ClientsRpc.listApiKeys, { tenantId });
      expect(JSON.stringify(listed)).not.toContain(created.key);
      await rpc.call(ClientsRpc.revokeApiKey, { tenantId, id: created.apiKey!.id });
      await expect(rpc.call(ClientsRpc.authenticate, { keySha256: sha256Hex(created.key) })).rejects.toMatchObject({
        code: 'auth.invalid_key',
        status: 401,
      });
      await expect(rpc.call(ClientsRpc.authenticate, { keySha256: 'not-a-hash' })).rejects.toMatchObject({ code: 'auth.invalid_key' });
    });
  });

  describe('clients', () => {
    it('normalizes the WhatsApp number as the seed asks and keeps E.164 for sending', async () => {
      const client = await rpc.call(ClientsRpc.createClient, {
        tenantId,
        code: '0000000012',
        legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
        emails: [' usuario@galac.com '],
        whatsapp: '+58 424-718.18.11',
      });
      expect(client).toMatchObject({
        code: '0000000012',
        kind: 'client',
        country: 'VE',
        currency: 'VES',
        emails: ['usuario@galac.com'],
        whatsapp: '04247181811',
        whatsappE164: '+584247181811',
        active: true,
        delivery: { autoSend: false, onlyWhenSeveral: false, channels: ['email'] },
      });
    });

    it('rejects a landline with the expected form and stores nothing', async () => {
      const before = await countClients();
      const error = await rpc
        .call(ClientsRpc.createClient, { tenantId, legalName: 'Panadería Caracas', whatsapp: '0212 5551234', emails: ['mal@'] })
        .catch((e: DomainError) => e);
      expect(error).toMatchObject({ code: 'validation_failed', status: 400 });
      expect((error as DomainError).details.whatsapp).toMatch(/04121234567/);
      expect((error as DomainError).details['emails[0]']).toMatch(/usuario@dominio\.com/);
      expect(await countClients()).toBe(before);
    });

    it('answers 409 for a duplicated code and assigns the next code when none is given', async () => {
      await expect(rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000012', legalName: 'Duplicado' })).rejects.toMatchObject({
        code: 'client.code_taken',
        status: 409,
      });
      const next = await rpc.call(ClientsRpc.createClient, { tenantId, legalName: 'Prospecto Núñez', kind: 'prospect' });
      expect(next.code).toBe('0000000013');
    });

    it('searches code, name, tax id and e-mail without case or accents, sorts and paginates', async () => {
      const byAccent = await rpc.call(ClientsRpc.listClients, { tenantId, query: 'nunez' });
      expect(byAccent.items.map((c) => c.legalName)).toEqual(['Prospecto Núñez']);
      const byEmail = await rpc.call(ClientsRpc.listClients, { tenantId, query: 'GALAC' });
      expect(byEmail.items.map((c) => c.code)).toEqual(['0000000012']);
      const prospects = await rpc.call(ClientsRpc.listClients, { tenantId, kind: 'prospect' });
      expect(prospects.items.every((c) => c.kind === 'prospect')).toBe(true);
      const page2 = await rpc.call(ClientsRpc.listClients, { tenantId, sort: '-code', page: { page: 2, pageSize: 1 } });
      expect(page2.items.map((c) => c.code)).toEqual(['0000000012']);
      expect(page2.page).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      await expect(rpc.call(ClientsRpc.listClients, { tenantId, sort: 'password' })).rejects.toMatchObject({ code: 'validation_failed' });
    });

    it('updates only what is sent and re-validates a changed number', async () => {
      const [client] = (await rpc.call(ClientsRpc.listClients, { tenantId, query: '0000000012' })).items;
      const updated = await rpc.call(ClientsRpc.updateClient, {
        tenantId,
        id: client.id,
        notes: 'Paga los viernes',
        emails: { values: ['usuario@galac.com', 'pagos@galac.com'] },
        delivery: { autoSend: true, onlyWhenSeveral: true, channels: ['whatsapp', 'email'] },
      });
      expect(updated).toMatchObject({
        legalName: client.legalName,
        whatsapp: '04247181811',
        notes: 'Paga los viernes',
        emails: ['usuario@galac.com', 'pagos@galac.com'],
        delivery: { autoSend: true, onlyWhenSeveral: true, channels: ['whatsapp', 'email'] },
      });
      await expect(rpc.call(ClientsRpc.updateClient, { tenantId, id: client.id, whatsapp: '0413 1234567' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
      expect((await rpc.call(ClientsRpc.getClient, { tenantId, id: client.id })).whatsapp).toBe('04247181811');
    });
  });

  describe('contacts, staff and recipients', () => {
    it('offers the client and the contacts linked for a kind of document', async () => {
      const [client] = (await rpc.call(ClientsRpc.listClients, { tenantId, query: '0000000012' })).items;
      const pedro = await rpc.call(ClientsRpc.addClientContact, {
        tenantId,
        clientId: client.id,
        newContact: { tenantId, name: 'Pedro Gómez', email: 'pedro.gomez@galac.com', phone: '0414 555 12 34' },
        department: 'Administración',
        role: 'Gerente de cobranzas',
        documentKinds: ['invoice', 'statement'],
      });
      expect(pedro).toMatchObject({ offeredForAll: false, documentKinds: ['invoice', 'statement'], contact: { phone: '04145551234' } });
      const ana = await rpc.call(ClientsRpc.createContact, { tenantId, name: 'Ana Rivas', email: 'ana@galac.com' });
      await rpc.call(ClientsRpc.addClientContact, { tenantId, clientId: client.id, contactId: ana.id, role: 'Contadora' });
      await expect(rpc.call(ClientsRpc.addClientContact, { tenantId, clientId: client.id, contactId: ana.id })).rejects.toMatchObject({
        code: 'client_contact.already_linked',
        status: 409,
      });

      const forInvoice = await rpc.call(ClientsRpc.resolveRecipients, { tenantId, clientId: client.id, documentKind: 'invoice' });
      expect(forInvoice.recipients.map((r) => [r.source, r.email, r.whatsappE164])).toEqual([
        ['client', 'usuario@galac.com', '+584247181811'],
        ['client', 'pagos@galac.com', ''],
        ['contact', 'pedro.gomez@galac.com', '+584145551234'],
        ['contact', 'ana@galac.com', ''],
      ]);
      const forQuote = await rpc.call(ClientsRpc.resolveRecipients, { tenantId, clientId: client.id, documentKind: 'quote' });
      expect(forQuote.recipients.filter((r) => r.source === 'contact').map((r) => r.name)).toEqual(['Ana Rivas']);

      await rpc.call(ClientsRpc.updateClientContact, { tenantId, clientId: client.id, id: pedro.id, offeredForAll: true });
      const again = await rpc.call(ClientsRpc.resolveRecipients, { tenantId, clientId: client.id, documentKind: 'quote' });
      expect(again.recipients.filter((r) => r.source === 'contact').map((r) => r.name)).toEqual(['Pedro Gómez', 'Ana Rivas']);

      await rpc.call(ClientsRpc.removeClientContact, { tenantId, clientId: client.id, id: pedro.id });
      expect((await rpc.call(ClientsRpc.listClientContacts, { tenantId, clientId: client.id })).items.map((l) => l.contact?.name)).toEqual([
        'Ana Rivas',
      ]);
      // Removing the link keeps the person in the catalog.
      expect((await rpc.call(ClientsRpc.listContacts, { tenantId, query: 'gomez' })).items).toHaveLength(1);
    });

    it('keeps staff recipients searchable and paginated', async () => {
      for (const name of ['María Pérez', 'José Díaz', 'Luisa Méndez']) {
        await rpc.call(ClientsRpc.createStaffMember, { tenantId, name, email: `${name.split(' ')[0].toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@infotax.com.ve` });
      }
      const page = await rpc.call(ClientsRpc.listStaff, { tenantId, page: { pageSize: 2 } });
      expect(page.items.map((s) => s.name)).toEqual(['José Díaz', 'Luisa Méndez']);
      expect(page.page?.total).toBe(3);
      const found = await rpc.call(ClientsRpc.listStaff, { tenantId, query: 'perez' });
      expect(found.items.map((s) => s.email)).toEqual(['maria@infotax.com.ve']);
      await expect(rpc.call(ClientsRpc.createStaffMember, { tenantId, name: 'X', email: 'x@' })).rejects.toMatchObject({ code: 'validation_failed' });
    });

    it('never shows or changes another tenant’s records', async () => {
      const other = await rpc.call(ClientsRpc.createTenant, { legalName: 'Ajena, C.A.', email: 'admin@ajena.com' });
      const [client] = (await rpc.call(ClientsRpc.listClients, { tenantId, query: '0000000012' })).items;
      await expect(rpc.call(ClientsRpc.getClient, { tenantId: other.id, id: client.id })).rejects.toMatchObject({ code: 'client.not_found' });
      await expect(rpc.call(ClientsRpc.updateClient, { tenantId: other.id, id: client.id, notes: 'x' })).rejects.toMatchObject({
        code: 'client.not_found',
      });
      await expect(
        rpc.call(ClientsRpc.resolveRecipients, { tenantId: other.id, clientId: client.id, documentKind: 'invoice' }),
      ).rejects.toMatchObject({ code: 'client.not_found' });
      expect((await rpc.call(ClientsRpc.listClients, { tenantId: other.id })).items).toEqual([]);
    });
  });
});
