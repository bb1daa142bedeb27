import { ClientsRpc } from '@cobranza/contracts';
import { connectNats, RpcClient } from '@cobranza/platform';
import { startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NatsConnection } from 'nats';
import { AppModule as BillingModule } from '../../billing/src/app.module';
import { billingDefinition } from '../../billing/src/definition';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { AppModule as DocumentsModule } from '../../documents/src/app.module';
import { documentsDefinition } from '../../documents/src/definition';
import { createGateway } from '../src/create-gateway';
import { HttpApi, type Json } from './http-api';

const run = promisify(execFile);

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gateway-exports-'));
  try {
    await writeFile(join(dir, 'file.pdf'), pdf);
    return (await run('pdftotext', ['-layout', join(dir, 'file.pdf'), '-'])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The export routes and artifact downloads over HTTP, with real API keys, against the real
 * clients, billing and documents services (PostgreSQL, NATS and Chromium).
 */
describe('gateway: exports and artifacts', () => {
  const services: INestApplication[] = [];
  let gateway: INestApplication;
  let nats: NatsConnection;
  let url: string;
  let a: HttpApi;
  let b: HttpApi;
  let keyA: string;
  let client: Json;
  let invoice: Json;
  let quote: Json;

  /** A GET whose body is kept as bytes. */
  async function download(path: string) {
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${keyA}` } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  beforeAll(async () => {
    services.push(await startTestService(clientsDefinition(), ClientsModule));
    services.push(await startTestService(billingDefinition(), BillingModule));
    services.push(await startTestService(documentsDefinition(), DocumentsModule));
    gateway = await createGateway();
    await gateway.listen(0, '127.0.0.1');
    url = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    nats = await connectNats('gateway-exports-test');
    const rpc = new RpcClient(nats);
    const tenantA = await rpc.call(ClientsRpc.createTenant, { legalName: 'Infotax, S.A.', taxId: 'J-30012345-6', email: 'cobranzas@infotax.com.ve' });
    const tenantB = await rpc.call(ClientsRpc.createTenant, { legalName: 'Galac Software, C.A.', email: 'cobranzas@galac.com' });
    keyA = (await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantA.id, name: 'Pruebas A' })).key;
    a = new HttpApi(url, keyA);
    b = new HttpApi(url, (await rpc.call(ClientsRpc.createApiKey, { tenantId: tenantB.id, name: 'Pruebas B' })).key);
    client = (
      await a.post('/v1/clients', {
        code: '0000000012',
        legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
        address: 'Av. Sanatorio del Ávila, Centro Empresarial Ciudad Center, Torre C, piso 1.',
      })
    ).body as Json;
    const line = { description: 'Servicio de asesoría tributaria', quantity: '1', unitPrice: '360.00', taxRatePercent: '0' };
    const issued = await a.post('/v1/documents', { kind: 'invoice', clientId: client.id, issueDate: '2024-03-01', paymentTermsDays: 15, lines: [line] });
    expect(issued.status).toBe(201);
    invoice = issued.body as Json;
    quote = (await a.post('/v1/documents', { kind: 'quote', clientId: client.id, issueDate: '2024-03-01', lines: [line] })).body as Json;
  });

  afterAll(async () => {
    await nats?.drain();
    await gateway?.close();
    for (const service of services.reverse()) await service.close();
  });

  it('exports the statement as PDF and downloads it again by artifact id with the right headers', async () => {
    const exported = await download(`/v1/clients/${client.id}/statement.pdf?asOf=2024-03-26`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/pdf');
    expect(exported.headers.get('content-disposition')).toBe(
      `attachment; filename="Estado_de_Cuenta_0000000012_2024-03-26.pdf"; filename*=UTF-8''Estado_de_Cuenta_0000000012_2024-03-26.pdf`,
    );
    expect(Number(exported.headers.get('content-length'))).toBe(exported.body.length);
    expect(exported.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(exported.body);
    expect(text).toContain('Estado de Cuenta de Cliente');
    expect(text).toMatch(/360,00\s+Pendiente/);

    const artifactId = exported.headers.get('x-artifact-id')!;
    const again = await download(`/v1/artifacts/${artifactId}`);
    expect(again.status).toBe(200);
    expect(again.headers.get('content-type')).toBe('application/pdf');
    expect(again.headers.get('content-length')).toBe(String(exported.body.length));
    expect(again.headers.get('content-disposition')).toContain('filename="Estado_de_Cuenta_0000000012_2024-03-26.pdf"');
    expect(again.headers.get('etag')).toBe(`"${createHash('sha256').update(again.body).digest('hex')}"`);
    expect(again.body.equals(exported.body)).toBe(true);

    // Another tenant's key, an unknown id, a malformed id and no key at all.
    const other = await b.get(`/v1/artifacts/${artifactId}`);
    expect(other.status).toBe(404);
    expect(other.contentType).toContain('application/problem+json');
    expect(other.body).toMatchObject({ code: 'artifact.not_found' });
    expect((await a.get('/v1/artifacts/3f2b8c1e-9d4a-4e7b-8a6c-1b2d3e4f5a60')).body).toMatchObject({ status: 404, code: 'artifact.not_found' });
    expect((await a.get('/v1/artifacts/../../etc')).status).toBe(404);
    expect((await a.get('/v1/artifacts/not-an-id', { 'accept-language': 'en' })).body).toMatchObject({ code: 'artifact.not_found', detail: 'File not-an-id does not exist.' });
    expect((await new HttpApi(url).get(`/v1/artifacts/${artifactId}`)).status).toBe(401);
  });

  it('exports the statement as XLSX with the statement filters', async () => {
    const exported = await download(`/v1/clients/${client.id}/statement.xlsx?asOf=2024-03-26&kind=invoice&status=pending`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(exported.headers.get('content-disposition')).toContain('filename="Estado_de_Cuenta_0000000012_2024-03-26.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    const row = workbook.getWorksheet('Documentos')!.getRow(8);
    expect(row.getCell(2).value).toBe(invoice.displayNumber);
    expect(row.getCell(8).value).toBe(360);

    const invalid = await a.get(`/v1/clients/${client.id}/statement.xlsx?bucket=0_30&kind=factura&locale=pt-BR`);
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'validation_failed' });
    expect(Object.keys((invalid.body as Json).errors).sort()).toEqual(['locale']);
    const badFilters = await a.get(`/v1/clients/${client.id}/statement.pdf?bucket=0_30&kind=factura`);
    expect(badFilters.status).toBe(400);
    expect(Object.keys((badFilters.body as Json).errors).sort()).toEqual(['bucket', 'kind']);
    expect((await a.get(`/v1/clients/${client.id}/statement.pdf?color=red`)).body).toMatchObject({ code: 'request.invalid', errors: { color: expect.any(String) } });
    expect((await b.get(`/v1/clients/${client.id}/statement.pdf`)).body).toMatchObject({ status: 404, code: 'client.not_found' });
  });

  it('downloads an invoice as PDF and UBL XML, in English on request', async () => {
    const pdf = await download(`/v1/documents/${invoice.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain(`filename="Factura_${invoice.displayNumber}.pdf"`);
    expect(await pdfText(pdf.body)).toContain(`Factura`);
    const english = await download(`/v1/documents/${invoice.id}/pdf?locale=en`);
    expect(english.headers.get('content-disposition')).toContain(`filename="Invoice_${invoice.displayNumber}.pdf"`);
    expect(await pdfText(english.body)).toMatch(/Total VES\s+360\.00/);

    const xml = await download(`/v1/documents/${invoice.id}/xml`);
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toBe('application/xml');
    expect(xml.headers.get('content-disposition')).toContain(`filename="Factura_${invoice.displayNumber}.xml"`);
    expect(xml.body.toString('utf8')).toContain('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"');

    const quoteXml = await a.get(`/v1/documents/${quote.id}/xml`);
    expect(quoteXml.status).toBe(422);
    expect(quoteXml.contentType).toContain('application/problem+json');
    expect(quoteXml.body).toMatchObject({ code: 'xml_not_available' });
    expect((await a.get(`/v1/documents/${quote.id}/pdf`)).status).toBe(200);
    expect((await b.get(`/v1/documents/${invoice.id}/pdf`)).body).toMatchObject({ status: 404, code: 'document.not_found' });
    expect((await a.get('/v1/documents/123/xml')).body).toMatchObject({ status: 404, code: 'document.not_found' });
  });

  it('downloads the sales history as PDF', async () => {
    const pdf = await download(`/v1/clients/${client.id}/sales-history.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain('filename="Historial_de_Ventas_0000000012.pdf"');
    const text = await pdfText(pdf.body);
    expect(text).toContain('Historial de Ventas');
    expect(text).toContain(invoice.displayNumber);
  });

  it('documents the routes in OpenAPI', async () => {
    const spec = (await new HttpApi(url).get('/docs/openapi.json')).body as Json;
    for (const path of [
      '/v1/clients/{id}/statement.pdf',
      '/v1/clients/{id}/statement.xlsx',
      '/v1/clients/{id}/sales-history.pdf',
      '/v1/documents/{id}/pdf',
      '/v1/documents/{id}/xml',
      '/v1/artifacts/{id}',
    ])
      expect(spec.paths[path]?.get?.tags).toEqual(['exports']);
    expect(Object.keys(spec.paths['/v1/documents/{id}/xml'].get.responses['200'].content)).toEqual(['application/xml']);
  });
});
