import { envInt, LOGGER } from '@cobranza/platform';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { domainError } from '../common/messages';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

export interface PdfOptions {
  headerTemplate: string;
  footerTemplate: string;
  landscape?: boolean;
}

/** Pages kept open in the one browser; also the number of documents rendered at once. */
export const pagePoolSize = (): number => Math.min(16, Math.max(1, envInt('DOCUMENTS_PAGE_POOL_SIZE', 3)));

/** How long a render may wait for a free page before it is refused (a burst queues meanwhile). */
const QUEUE_TIMEOUT_MS = () => envInt('DOCUMENTS_QUEUE_TIMEOUT_MS', 90_000);

/** Longest a single page may take to lay out and print. */
const RENDER_TIMEOUT_MS = () => envInt('DOCUMENTS_RENDER_TIMEOUT_MS', 120_000);

interface Waiter {
  resolve: (page: Page) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * HTML to PDF through ONE headless Chromium launched at start and a warm pool of pages. A render
 * borrows a page and gives it back; when every page is busy, requests wait in a FIFO queue, so a
 * burst queues instead of overloading the browser (the pool size is the concurrency limit).
 *
 * Pages run no JavaScript and load nothing: request interception aborts every request but the
 * document itself (set as content, no network) and embedded `data:` assets.
 */
@Injectable()
export class PdfRenderer implements OnModuleInit, OnApplicationShutdown {
  private browser?: Browser;
  private launching?: Promise<Browser>;
  private readonly idle: Page[] = [];
  private readonly waiters: Waiter[] = [];
  private pages = 0;
  private closing = false;
  /** Requests aborted since start (observability and tests). */
  blockedRequests = 0;

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  readonly size = pagePoolSize();

  async onModuleInit(): Promise<void> {
    await this.ensureBrowser();
    // Warm the pool: every page created and configured before the first request.
    const pages = await Promise.all(Array.from({ length: this.size }, () => this.newPage()));
    for (const page of pages) this.release(page);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('The documents service is shutting down'));
    }
    const browser = this.browser;
    if (!browser) return;
    // A wedged Chromium must not hold the shutdown: ten seconds to close, then it is killed.
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      browser.close().then(() => true, () => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 10_000))),
    ]);
    clearTimeout(timer);
    if (!closed) browser.process()?.kill('SIGKILL');
  }

  /** Pages busy and requests waiting: what the pool is doing now. */
  stats(): { size: number; idle: number; queued: number; connected: boolean } {
    return { size: this.size, idle: this.idle.length, queued: this.waiters.length, connected: this.browser?.connected ?? false };
  }

  /** Lays the HTML out and streams the PDF to `consume` (which stores it) while the page is held. */
  async render<T>(htmlDocument: string, options: PdfOptions, consume: (pdf: AsyncIterable<Uint8Array>) => Promise<T>): Promise<T> {
    const page = await this.acquire();
    let healthy = true;
    try {
      await page.setContent(htmlDocument, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS() });
      const stream = await page.createPDFStream({
        format: 'A4',
        landscape: options.landscape ?? false,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        margin: { top: '16mm', bottom: '14mm', left: '12mm', right: '12mm' },
        timeout: RENDER_TIMEOUT_MS(),
      });
      return await consume(stream as unknown as AsyncIterable<Uint8Array>);
    } catch (error) {
      healthy = false;
      throw error;
    } finally {
      if (healthy) {
        // A fresh empty document (not document.write on the old one, which would keep its
        // policies): the 5,000-line statement is dropped before the page goes back to the pool.
        await page.goto('about:blank', { timeout: RENDER_TIMEOUT_MS() }).catch(() => (healthy = false));
      }
      if (healthy && !page.isClosed()) this.release(page);
      else this.replace(page);
    }
  }

  private async acquire(): Promise<Page> {
    if (this.closing) throw new Error('The documents service is shutting down');
    const page = this.idle.pop();
    if (page) return page;
    return new Promise<Page>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          this.logger.warn({ queued: this.waiters.length }, 'no Chromium page became free in time');
          reject(domainError('render.busy', 503));
        }, QUEUE_TIMEOUT_MS()),
      };
      this.waiters.push(waiter);
    });
  }

  private release(page: Page): void {
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(page);
    } else this.idle.push(page);
  }

  /** A page that failed is closed and a fresh one takes its place. */
  private replace(page: Page): void {
    if (page.browser() === this.browser) this.pages--;
    void page.close().catch(() => undefined);
    void this.refill();
  }

  private async ensureBrowser(): Promise<Browser> {
    if (this.browser?.connected) return this.browser;
    this.launching ??= puppeteer
      .launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
      .then((browser) => {
        this.browser = browser;
        browser.on('disconnected', () => {
          if (this.browser === browser) this.browser = undefined;
          if (this.closing) return;
          this.logger.error('Chromium disconnected; it is relaunched with fresh pages');
          this.idle.splice(0);
          this.pages = 0;
          void this.refill();
        });
        return browser;
      })
      .finally(() => (this.launching = undefined));
    return this.launching;
  }

  /** Opens pages until the pool is full again (after a failed page or a browser crash). */
  private async refill(): Promise<void> {
    if (this.closing) return;
    try {
      while (this.pages < this.size) this.release(await this.newPage());
    } catch (error) {
      this.logger.error({ err: error }, 'could not open a Chromium page; retrying in 1 s');
      setTimeout(() => void this.refill(), 1000).unref();
    }
  }

  private async newPage(): Promise<Page> {
    // Counted before the first await, so concurrent refills never open more than the pool size.
    this.pages++;
    try {
      const browser = await this.ensureBrowser();
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => this.intercept(request));
      return page;
    } catch (error) {
      this.pages--;
      throw error;
    }
  }

  /** Only the document itself (about:blank, filled with setContent) and data: assets load. */
  private intercept(request: HTTPRequest): void {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url === 'about:blank' || url.startsWith('data:')) {
      void request.continue();
      return;
    }
    this.blockedRequests++;
    this.logger.warn({ url: url.slice(0, 200) }, 'blocked a request from a document page');
    void request.abort('blockedbyclient');
  }
}
