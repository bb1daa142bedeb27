import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { ArtifactStore, connectNats, NotFoundError } from '../src';

/** Against the real JetStream object store the test script starts. */
describe('ArtifactStore', () => {
  let connection: NatsConnection;
  let store: ArtifactStore;
  const tenantId = randomUUID();

  beforeAll(async () => {
    connection = await connectNats('artifact-store-test');
    store = await ArtifactStore.open(connection, `ARTIFACTS_TEST_${Date.now()}`);
  });
  afterAll(() => connection.drain());

  it('stores bytes with tenant, kind, media type, size and SHA-256, and reads them back', async () => {
    const bytes = Buffer.from('%PDF-1.7 estado de cuenta');
    const info = await store.put({ tenantId, kind: 'statement_pdf', mediaType: 'application/pdf', fileName: 'Estado_de_Cuenta_0000000012_2024-03-26.pdf' }, bytes);

    expect(info).toMatchObject({
      tenantId,
      kind: 'statement_pdf',
      mediaType: 'application/pdf',
      fileName: 'Estado_de_Cuenta_0000000012_2024-03-26.pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(await store.info(tenantId, info.id)).toEqual(info);
    const read = await store.readAll(tenantId, info.id);
    expect(read.bytes.equals(bytes)).toBe(true);
  });

  it('streams content larger than one chunk in and out unchanged', async () => {
    const parts = [randomBytes(200_000), randomBytes(300_000), randomBytes(50_000)];
    async function* content() {
      for (const part of parts) yield part;
    }
    const info = await store.put({ tenantId, kind: 'statement_xlsx', mediaType: 'application/octet-stream', fileName: 'big.xlsx' }, content());
    const whole = Buffer.concat(parts);
    expect(info.size).toBe(whole.length);
    expect(info.sha256).toBe(createHash('sha256').update(whole).digest('hex'));
    expect((await store.readAll(tenantId, info.id)).bytes.equals(whole)).toBe(true);
  });

  it("never finds another tenant's artifact, an unknown id or a malformed id", async () => {
    const info = await store.put({ tenantId, kind: 'invoice_xml', mediaType: 'application/xml', fileName: 'f.xml' }, Buffer.from('<x/>'));
    await expect(store.info(randomUUID(), info.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.read(tenantId, randomUUID())).rejects.toMatchObject({ code: 'artifact.not_found', status: 404 });
    await expect(store.info(tenantId, '../etc/passwd')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('deletes an artifact for good', async () => {
    const info = await store.put({ tenantId, kind: 'whatsapp_media', mediaType: 'application/pdf', fileName: 'x.pdf' }, Buffer.from('x'));
    await store.delete(tenantId, info.id);
    await expect(store.info(tenantId, info.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
