import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumCheck, chromiumPath } from '../src/rendering/chromium';

describe('Chromium for document rendering', () => {
  it('is installed and passes the readiness check', async () => {
    await expect(chromiumCheck().check()).resolves.toBeUndefined();
  });

  it('renders an HTML page to a PDF through puppeteer-core', async () => {
    const browser = await puppeteer.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<h1>Estado de Cuenta de Cliente</h1><p>Emitido el 26/03/2024</p>');
      const pdf = Buffer.from(await page.pdf({ format: 'A4' }));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(1000);
    } finally {
      await browser.close();
    }
  });

  it('readiness fails with a clear reason when the binary is missing', async () => {
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await expect(chromiumCheck().check()).rejects.toThrow(/Chromium not found at \/nonexistent\/chromium/);
    } finally {
      process.env.CHROMIUM_PATH = previous;
    }
  });
});
