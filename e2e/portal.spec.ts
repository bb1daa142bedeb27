import { eventually, pngImage, SmtpSink, type ReceivedMail } from '@cobranza/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startSystem, type RunningSystem } from './support/system';

type Json = Record<string, any>;

const run = promisify(execFile);
/** SAVE_SCREENSHOTS=1 writes the README's screenshots; CI leaves the tree alone. */
const SCREENSHOTS = process.env.SAVE_SCREENSHOTS === '1' ? join(__dirname, '..', 'docs', 'screenshots') : undefined;
const PORTAL_URL = /https?:\/\/[^\s]+\/portal\/[A-Za-z0-9_-]{119}/;

function localDate(offsetDays: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Caracas' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

/**
 * The customer portal in a real headless Chromium against the gateway, the four services and the
 * worker: a link emailed by the company opens the client's statement, the aging buttons filter
 * it, an invoice downloads as PDF, a payment is reported with its receipt (the company gets an
 * email, billing a pending report), an expired link is renewed to the registered address only,
 * and tampered or foreign tokens show nothing of anyone.
 */
describe('customer portal in the browser', () => {
  let system: RunningSystem;
  let url: string;
  let sink: SmtpSink;
  let browser: Browser;
  let headers: Record<string, string>;
  let clientId: string;
  let otherClientId: string;
  let overdue: Json;
  let notDue: Json;
  let linkUrl: string;
  let downloads: string;

  beforeAll(async () => {
    system = await startSystem({ name: 'portal-e2e', fromAddress: 'cobranzas@torreeuropa.com.ve' });
    ({ url, headers, sink } = system);

    clientId = (await call('POST', '/v1/clients', { code: '0000000031', legalName: 'Farmacia La Candelaria, C.A.', emails: ['pagos@lacandelaria.com.ve'] })).body.id;
    otherClientId = (await call('POST', '/v1/clients', { code: '0000000032', legalName: 'Panadería El Trigal, C.A.', emails: ['caja@eltrigal.com.ve'] })).body.id;
    const line = (price: string) => [{ description: 'Alquiler local PB-4, Torre Europa', quantity: '1', unitPrice: price, taxRatePercent: '16' }];
    overdue = (await call('POST', '/v1/documents', { kind: 'invoice', clientId, issueDate: localDate(-20), paymentTermsDays: 5, currency: 'VES', lines: line('850.00') })).body;
    notDue = (await call('POST', '/v1/documents', { kind: 'invoice', clientId, issueDate: localDate(0), paymentTermsDays: 30, currency: 'VES', lines: line('400.00') })).body;
    expect(overdue.displayNumber).toBeTruthy();
    await call('POST', '/v1/documents', { kind: 'invoice', clientId: otherClientId, issueDate: localDate(0), paymentTermsDays: 30, currency: 'VES', lines: line('99.00') });

    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--lang=es-VE', '--disable-gpu'],
    });
    downloads = await mkdtemp(join(tmpdir(), 'portal-downloads-'));
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  async function call(method: string, path: string, body?: unknown) {
    const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Json };
  }

  async function newPage(width = 390): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 844, deviceScaleFactor: 1 });
    await page.setExtraHTTPHeaders({ 'accept-language': 'es-VE,es;q=0.9' });
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    if (!SCREENSHOTS) return;
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) as `${string}.png`, fullPage: true });
  }

  const mailsTo = (address: string): ReceivedMail[] => sink.messages.filter((m) => m.envelopeTo.map((a) => a.toLowerCase()).includes(address));

  it('the company enables the portal and emails a link, which opens the statement on a phone', async () => {
    const refused = await call('POST', `/v1/clients/${clientId}/portal-links`, { recipient: 'pagos@lacandelaria.com.ve' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('portal.disabled');
    const settings = await call('PUT', '/v1/portal-settings', { enabled: true, baseUrl: url, linkTtlDays: 30 });
    expect(settings.body).toEqual({ enabled: true, linkInInvoiceEmails: false, linkTtlDays: 30, baseUrl: url });

    const sent = await call('POST', `/v1/clients/${clientId}/portal-links`, { recipient: 'pagos@lacandelaria.com.ve' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ clientId, recipient: 'pagos@lacandelaria.com.ve', status: 'valid', deliveryStatus: 'accepted' });
    const mail = mailsTo('pagos@lacandelaria.com.ve').find((m) => m.headers['x-cobranza-delivery-key'] === `portal-link:${sent.body.id}`);
    expect(mail?.subject).toBe('Su estado de cuenta en línea - Inversiones Torre Europa, C.A.');
    linkUrl = PORTAL_URL.exec(mail!.text)![0];
    expect(linkUrl).toBe(sent.body.url);
    const listed = await call('GET', `/v1/clients/${clientId}/portal-links`);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: sent.body.id, url: '', status: 'valid' })]);

    const page = await newPage();
    const response = await page.goto(linkUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    expect(response?.headers()['cache-control']).toBe('no-store');
    expect(await page.$eval('html', (el) => el.getAttribute('lang'))).toBe('es');
    const text = await page.$eval('main', (el) => el.textContent ?? '');
    expect(text).toContain('Estado de cuenta');
    expect(text).toContain('Farmacia La Candelaria, C.A.');
    expect(text).toContain(overdue.displayNumber);
    expect(text).toContain(notDue.displayNumber);
    expect(text).toContain('Saldo total');
    // Usable on a phone: nothing wider than the screen.
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    // Every form field has a label; no script runs on the page.
    expect(await page.$$eval('input:not([type=hidden]), select, textarea', (els) => els.filter((el) => !(el as unknown as { labels?: { length: number } }).labels?.length).length)).toBe(0);
    expect(await page.$$('script')).toHaveLength(0);
    await screenshot(page, 'portal-statement');
    await page.close();
  });

  it('filters by an aging bucket with its button, using only the keyboard', async () => {
    const page = await newPage(1024);
    await page.goto(linkUrl);
    const chip = await page.$('xpath/.//a[contains(@class,"chip") and contains(., "1 a 30 días")]');
    expect(chip).not.toBeNull();
    await chip!.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toContain('bucket=1_30');
    expect(await page.$eval('a.chip[aria-current="true"]', (el) => el.textContent)).toContain('1 a 30 días');
    const documentsTable = await page.$eval('table[aria-labelledby="documents-h"]', (el) => el.textContent ?? '');
    expect(documentsTable).toContain(overdue.displayNumber);
    expect(documentsTable).not.toContain(notDue.displayNumber);
    await page.close();
  });

  it('downloads an invoice as a PDF with its number', async () => {
    const page = await newPage(1024);
    await page.goto(linkUrl);
    const session = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
    const done = new Promise<void>((resolve, reject) => {
      session.on('Browser.downloadProgress', (event: { state: string }) => {
        if (event.state === 'completed') resolve();
        if (event.state === 'canceled') reject(new Error('download canceled'));
      });
    });
    await page.click(`table[aria-labelledby="documents-h"] a[aria-label="PDF de ${overdue.displayNumber}"]`);
    await done;
    const [file] = (await readdir(downloads)).filter((name) => name.endsWith('.pdf'));
    expect(file).toMatch(/^Factura_.+\.pdf$/);
    const bytes = await readFile(join(downloads, file));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { stdout } = await run('pdftotext', ['-layout', join(downloads, file), '-']);
    expect(stdout).toContain(overdue.displayNumber);
    await session.detach();
    await page.close();
  });

  it('reports a payment with a receipt: the company gets an email and billing a pending report', async () => {
    const page = await newPage();
    await page.goto(linkUrl);
    await Promise.all([page.waitForNavigation(), page.click('xpath/.//a[contains(., "Reportar un pago")]')]);
    expect(await page.$eval('h1', (el) => el.textContent)).toBe('Reportar un pago');

    // An empty amount is refused on the page, keeping what was typed.
    await page.type('#r-reference', 'REF-000123');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.$eval('#r-amount', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval('#r-reference', (el) => (el as unknown as { value: string }).value)).toBe('REF-000123');
    expect(await page.$eval('[role=alert]', (el) => el.textContent)).toContain('Este campo es obligatorio.');

    // A fresh form, filled in properly.
    await page.goto(page.url().split('?')[0]);
    await page.type('#r-reference', 'REF-000123');
    const receipt = join(downloads, 'comprobante.png');
    await writeFile(receipt, pngImage(40, 30));
    await page.click(`input[name=documentId][value="${overdue.id}"]`);
    await page.type('#r-amount', '500,00');
    await page.select('#r-method', 'mobile_payment');
    await page.type('#r-email', 'pagos@lacandelaria.com.ve');
    const upload = await page.$('#r-receipt');
    await (upload as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(receipt);
    await screenshot(page, 'portal-payment-report');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.$eval('h1', (el) => el.textContent)).toBe('Recibimos su reporte de pago');
    const facts = await page.$eval('dl.facts', (el) => el.textContent ?? '');
    expect(facts).toContain('Pendiente de confirmación');
    expect(facts).toContain('VES 500,00');
    expect(facts).toContain('Pago móvil');
    await page.close();

    const reports = await call('GET', `/v1/payment-reports?clientId=${clientId}`);
    expect(reports.body.items).toHaveLength(1);
    const report = reports.body.items[0];
    expect(report).toMatchObject({ status: 'pending', amount: '500.00', currency: 'VES', method: 'mobile_payment', reference: 'REF-000123', reporterEmail: 'pagos@lacandelaria.com.ve' });
    expect(report.allocations).toEqual([{ documentId: overdue.id, amount: '500.00' }]);
    expect(report.receiptArtifactId).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await fetch(`${url}/v1/artifacts/${report.receiptArtifactId}`, { headers });
    expect(Buffer.from(await stored.arrayBuffer()).equals(pngImage(40, 30))).toBe(true);

    // The worker turns billing's event into the company's email.
    const company = await eventually(async () => mailsTo('administracion@torreeuropa.com.ve')[0], 'the company email', 60_000);
    expect(mailsTo('administracion@torreeuropa.com.ve')).toHaveLength(1);
    expect(company.subject).toBe('Nuevo reporte de pago de Farmacia La Candelaria, C.A.');
    expect(company.headers['x-cobranza-delivery-key']).toBe(`payment-report:${report.id}`);
    expect(company.text).toContain('VES 500,00');
    expect(company.text).toContain('Forma de pago: Pago móvil');
    expect(company.text).toContain(`Facturas: ${overdue.displayNumber}`);
  });

  it('shows a generic page for a tampered token, and never another client\'s data', async () => {
    const token = linkUrl.split('/portal/')[1];
    const tampered = token.slice(0, 50) + (token[50] === 'A' ? 'B' : 'A') + token.slice(51);
    const page = await newPage();
    const response = await page.goto(`${url}/portal/${tampered}`);
    expect(response?.status()).toBe(404);
    const text = await page.$eval('main', (el) => el.textContent ?? '');
    expect(text).toContain('Enlace no válido');
    expect(text).not.toContain('Farmacia');
    const download = await fetch(`${url}/portal/${tampered}/documents/${overdue.id}/pdf`);
    expect(download.status).toBe(404);
    expect(download.headers.get('content-type')).toContain('text/html');

    // The other client's own link shows only its own documents, and cannot fetch the first one's.
    const other = await call('POST', `/v1/clients/${otherClientId}/portal-links`, { recipient: 'caja@eltrigal.com.ve' });
    await page.goto(other.body.url);
    const otherText = await page.$eval('main', (el) => el.textContent ?? '');
    expect(otherText).toContain('Panadería El Trigal, C.A.');
    expect(otherText).not.toContain('Farmacia');
    expect(otherText).not.toContain(overdue.displayNumber);
    const foreign = await fetch(`${other.body.url}/documents/${overdue.id}/pdf`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('text/html');
    const foreignReport = await fetch(`${other.body.url}/payment-reports/${(await call('GET', `/v1/payment-reports?clientId=${clientId}`)).body.items[0].id}`);
    expect(foreignReport.status).toBe(404);
    // Sending the other client a link left the first client's link valid.
    expect((await fetch(linkUrl)).status).toBe(200);
    await page.close();
  });

  it('renews an expired link to the registered address only, answering every request the same', async () => {
    // The company sent a link to an address it typed; the link expires (its row says so).
    const typed = await call('POST', `/v1/clients/${clientId}/portal-links`, { recipient: 'contador@despacho-ruiz.com' });
    expect(typed.status).toBe(201);
    await system.services.clients
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute(`update portal_link set expires_at = now() - interval '1 minute' where id = ?`, [typed.body.id]);
    const registeredBefore = mailsTo('pagos@lacandelaria.com.ve').length;
    const typedBefore = mailsTo('contador@despacho-ruiz.com').length;

    const page = await newPage();
    const response = await page.goto(typed.body.url);
    expect(response?.status()).toBe(410);
    expect(await page.$eval('h1', (el) => el.textContent)).toBe('Este enlace venció');
    // No field to type an address in: the page only asks.
    expect(await page.$$('input:not([type=hidden])')).toHaveLength(0);
    await screenshot(page, 'portal-expired');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const neutral = await page.$eval('main', (el) => el.textContent ?? '');
    expect(neutral).toContain('Solicitud recibida');

    const renewals = mailsTo('pagos@lacandelaria.com.ve').slice(registeredBefore);
    expect(renewals).toHaveLength(1);
    expect(renewals[0].subject).toBe('Su nuevo enlace al estado de cuenta - Inversiones Torre Europa, C.A.');
    expect(renewals[0].headers['x-cobranza-delivery-key']).toMatch(/^portal-renewal:/);
    expect(mailsTo('contador@despacho-ruiz.com')).toHaveLength(typedBefore);
    const fresh = PORTAL_URL.exec(renewals[0].text)![0];
    await page.goto(fresh);
    expect(await page.$eval('main', (el) => el.textContent ?? '')).toContain('Farmacia La Candelaria, C.A.');

    // A tampered or unknown token gets the very same answer, and emails nobody.
    const count = sink.messages.length;
    const unknown = await fetch(`${url}/portal/${'A'.repeat(119)}/renewal`, { method: 'POST', headers: { 'accept-language': 'es' } });
    expect(unknown.status).toBe(200);
    const unknownText = await unknown.text();
    expect(unknownText).toContain('Solicitud recibida');
    expect(sink.messages.length).toBe(count);

    // The per-client limit (3 an hour) stops the emails, not the neutral answer.
    const hour = () => Math.floor(Date.now() / 3_600_000);
    const firstHour = hour();
    for (let i = 0; i < 4; i += 1) {
      const again = await fetch(`${typed.body.url}/renewal`, { method: 'POST', headers: { 'accept-language': 'es' } });
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(unknownText);
    }
    const sentAfter = mailsTo('pagos@lacandelaria.com.ve').slice(registeredBefore).length;
    if (hour() === firstHour) expect(sentAfter).toBe(3);
    else expect(sentAfter).toBeLessThanOrEqual(5);
    await page.close();
  });
});
