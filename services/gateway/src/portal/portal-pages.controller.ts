import {
  BillingRpc,
  ClientsRpc,
  DOCUMENTS_RENDER_TIMEOUT_MS,
  DocumentsRpc,
  PortalRpc,
  type PortalLink,
  type Statement,
  type StatementFilters,
} from '@cobranza/contracts';
import { ArtifactStore, DomainError, LOGGER, messageLanguage, RpcClient } from '@cobranza/platform';
import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { Public } from '../auth/auth.decorators';
import { contentDisposition } from '../exports/artifact-response';
import { normalizeTypedAmount, spreadPayment } from './portal-amounts';
import { PortalLinkGuard, type PortalAccess, type PortalRequest } from './portal-link.guard';
import { PortalFile, PortalPage } from './portal-pages.openapi';
import { PORTAL_CSS } from './portal-stylesheet';
import { formatDate, portalText, type Lang } from './portal-text';
import {
  errorPage,
  expiredPage,
  invalidLinkPage,
  notFoundPage,
  paymentReportPage,
  PAYMENT_METHOD_ORDER,
  PortalUrls,
  renewalRequestedPage,
  reportResultPage,
  STATEMENT_FILTERS,
  statementPage,
  type FilterValues,
  type ReportFormValues,
} from './portal-views';
import { portalReceiptStorage, type StoredReceipt } from './receipt-storage';

/** No script, font or style from anywhere but this gateway; no framing; forms post only here. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const INVOICES_PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Query = Record<string, unknown>;

/** One value of a query or form field: the first when repeated, '' when absent. */
const one = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '');
const many = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function secure(res: Response): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
}

function sendPage(res: Response, status: number, body: string): void {
  secure(res);
  res.status(status).type('text/html; charset=utf-8').send(body);
}

const languageOf = (locale: string): Lang => (locale.toLowerCase().startsWith('en') ? 'en' : 'es');

/**
 * The customer portal's pages (seeds 002 and 004), public and without login: the link's token is
 * the only credential, and every page, file and form is answered for the token's own client only.
 * Server-rendered HTML that works without JavaScript; the clients service owns the links.
 */
@ApiTags('portal pages')
@Public()
@UseGuards(PortalLinkGuard)
@Controller('portal')
export class PortalPagesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly store: ArtifactStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get('assets/portal.css')
  @ApiOperation({ summary: 'The portal\'s stylesheet (served here: no third-party styles or fonts)' })
  @ApiProduces('text/css')
  @ApiOkResponse({ content: { 'text/css': { schema: { type: 'string' }, example: ':root { color-scheme: light; }' } } })
  stylesheet(@Res() res: Response): void {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.status(200).type('text/css; charset=utf-8').send(PORTAL_CSS);
  }

  @Get(':token')
  @PortalPage(
    'The client\'s statement in real time',
    'Header, documents, totals and aging; filters by number, type, creation and due dates, days overdue, status and aging bucket (query string); every issued invoice to download.',
  )
  async statement(@Req() req: PortalRequest, @Query() query: Query, @Res() res: Response): Promise<void> {
    await this.page(req, res, query, async (link, lang, urls) => {
      const filters = filtersOf(query);
      const problems: string[] = [];
      let statement: Statement;
      try {
        statement = await this.getStatement(link, filters, lang);
      } catch (error) {
        if (!(error instanceof DomainError) || error.status !== 400) throw error;
        // Bad filters (a malformed date typed by hand): the statement without them, and why.
        problems.push(...Object.values(error.details));
        for (const name of STATEMENT_FILTERS) delete filters[name];
        statement = await this.getStatement(link, {}, lang);
      }
      const invoicesPage = Math.max(1, Math.min(10_000, Number.parseInt(one(query.invoicesPage), 10) || 1));
      const invoices = await this.rpc.call(
        BillingRpc.listDocuments,
        { tenantId: link.tenantId, clientId: link.clientId, kind: 'invoice', page: invoicesPage, pageSize: INVOICES_PAGE_SIZE },
        { locale: lang },
      );
      const reports = await this.rpc.call(BillingRpc.listPaymentReports, { tenantId: link.tenantId, clientId: link.clientId, status: 'pending' });
      const tenant = await this.rpc.call(ClientsRpc.getTenant, { id: link.tenantId });
      return statementPage({
        lang,
        urls,
        otherLanguageUrl: urls.otherLanguage(`/portal/${urls.token}`, { ...(filters as Record<string, string>) }, lang),
        statement,
        filters,
        filterProblems: problems,
        invoices: { items: invoices.items, page: invoicesPage, pages: Math.max(1, Math.ceil(invoices.total / INVOICES_PAGE_SIZE)) },
        pendingReports: reports.items,
        expiresOn: formatDate(localDate(link.expiresAt, tenant.timezone), lang),
      });
    });
  }

  @Get(':token/statement.pdf')
  @PortalFile('The statement as PDF, with the page\'s filters', ['application/pdf'])
  async statementPdf(@Req() req: PortalRequest, @Query() query: Query, @Res() res: Response): Promise<void> {
    await this.statementFile(req, query, res, 'pdf');
  }

  @Get(':token/statement.xlsx')
  @PortalFile('The statement as a spreadsheet, with the page\'s filters', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
  async statementXlsx(@Req() req: PortalRequest, @Query() query: Query, @Res() res: Response): Promise<void> {
    await this.statementFile(req, query, res, 'xlsx');
  }

  @Get(':token/documents/:documentId/:format')
  @PortalFile('An issued invoice of the client as PDF or UBL XML (format pdf or xml)', ['application/pdf', 'application/xml'])
  async documentFile(
    @Req() req: PortalRequest,
    @Param('documentId') documentId: string,
    @Param('format') format: string,
    @Query() query: Query,
    @Res() res: Response,
  ): Promise<void> {
    await this.file(req, res, query, async (link, lang, urls) => {
      if (!UUID.test(documentId) || !['pdf', 'xml'].includes(format)) return notFoundPage(lang, urls.statement());
      const document = await this.rpc.call(BillingRpc.getDocument, { tenantId: link.tenantId, id: documentId.toLowerCase() }).catch((error: unknown) => {
        if (error instanceof DomainError && error.status === 404) return undefined;
        throw error;
      });
      // Another client's document (or a draft) is answered exactly like one that does not exist.
      if (!document || document.clientId !== link.clientId || document.status === 'draft') return notFoundPage(lang, urls.statement());
      if (format === 'xml' && !['invoice', 'credit_note'].includes(document.kind)) return notFoundPage(lang, urls.statement());
      const reply = await this.rpc.call(
        DocumentsRpc.renderSalesDocument,
        { tenantId: link.tenantId, documentId: document.id, format, locale: await this.fileLocale(link, lang, query) },
        { timeoutMs: DOCUMENTS_RENDER_TIMEOUT_MS },
      );
      return reply.artifact?.id;
    });
  }

  @Get(':token/payment-report')
  @PortalPage('The payment report form', 'Invoices to choose, amount, date, method, reference and an optional receipt (PNG, JPEG or PDF, up to 5 MB).')
  async paymentReportForm(@Req() req: PortalRequest, @Query() query: Query, @Res() res: Response): Promise<void> {
    await this.page(req, res, query, async (link, lang, urls) => {
      const statement = await this.getStatement(link, {}, lang);
      return this.reportForm(link, lang, urls, statement, {
        documentIds: [],
        amount: '',
        date: statement.header!.asOf,
        method: 'transfer',
        reference: '',
        reporterEmail: '',
        notes: '',
        idempotencyKey: randomUUID(),
      }, {});
    });
  }

  @Post(':token/payment-report')
  @ApiConsumes('multipart/form-data', 'application/x-www-form-urlencoded')
  @PortalPage('Reports a payment', 'Answers 303 to the report\'s page when stored (pending in billing, the company emailed), or the form again with its errors (400).')
  @UseInterceptors(
    FileInterceptor('receipt', {
      storage: portalReceiptStorage,
      // Beyond these the request is refused outright; the 5 MB receipt limit is checked while storing.
      limits: { files: 1, fileSize: 20 * 1024 * 1024, fields: 60, fieldSize: 10_000, parts: 70 },
    }),
  )
  async reportPayment(@Req() req: PortalRequest & { file?: StoredReceipt }, @Query() query: Query, @Res() res: Response): Promise<void> {
    const receipt = req.file?.artifactId;
    let kept = false;
    try {
      await this.page(req, res, query, async (link, lang, urls) => {
        const t = portalText(lang);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const statement = await this.getStatement(link, {}, lang);
        const values: ReportFormValues = {
          documentIds: many(body.documentId),
          amount: one(body.amount).slice(0, 40),
          date: one(body.date).slice(0, 20),
          method: one(body.method).slice(0, 40),
          reference: one(body.reference),
          reporterEmail: one(body.reporterEmail).slice(0, 254),
          notes: one(body.notes),
          idempotencyKey: UUID.test(one(body.idempotencyKey)) ? one(body.idempotencyKey) : randomUUID(),
        };
        const errors: Record<string, string> = {};
        const amount = normalizeTypedAmount(values.amount);
        if (!values.amount.trim()) errors.amount = t.required;
        else if (!amount) errors.amount = t.amountInvalid;
        if (!values.date) errors.date = t.required;
        if (req.portalUploadError) errors.receipt = uploadMessage(req.portalUploadError, lang);
        const open = openRows(statement);
        const chosen = open.filter((row) => values.documentIds.includes(row.documentId));
        if (Object.keys(errors).length > 0) {
          res.status(400);
          return this.reportForm(link, lang, urls, statement, values, errors);
        }
        let report;
        try {
          report = await this.rpc.call(
            BillingRpc.reportPayment,
            {
              tenantId: link.tenantId,
              clientId: link.clientId,
              idempotencyKey: `portal:${link.id}:${values.idempotencyKey}`,
              date: values.date,
              amount: amount!,
              currency: statement.header!.currency,
              method: values.method,
              reference: values.reference,
              allocations: spreadPayment(amount!, chosen.map((row) => ({ documentId: row.documentId, balance: row.balance }))),
              notes: values.notes,
              reporterEmail: values.reporterEmail.trim(),
            },
            { locale: lang },
          );
        } catch (error) {
          if (!(error instanceof DomainError) || error.status !== 400) throw error;
          res.status(400);
          return this.reportForm(link, lang, urls, statement, values, fieldErrorsOf(error));
        }
        if (receipt) {
          // Only the artifact id travels over NATS; billing checks it is a receipt of this tenant.
          await this.rpc.call(BillingRpc.attachPaymentReceipt, { tenantId: link.tenantId, id: report.id, artifactId: receipt });
          kept = true;
        }
        // Post/redirect/get: reloading the answer never posts the form again.
        res.status(303).setHeader('Location', urls.reportResult(report.id));
        return '';
      });
    } finally {
      if (receipt && !kept) await this.store.delete(req.portal!.link!.tenantId, receipt).catch(() => undefined);
    }
  }

  @Get(':token/payment-reports/:reportId')
  @PortalPage('A reported payment, as the client sees it', 'The report of this client with its status (pending, confirmed, rejected).')
  async reportResult(@Req() req: PortalRequest, @Param('reportId') reportId: string, @Query() query: Query, @Res() res: Response): Promise<void> {
    await this.page(req, res, query, async (link, lang, urls) => {
      const reports = UUID.test(reportId) ? await this.rpc.call(BillingRpc.listPaymentReports, { tenantId: link.tenantId, clientId: link.clientId, status: '' }) : { items: [] };
      const report = reports.items.find((r) => r.id === reportId.toLowerCase());
      if (!report) {
        res.status(404);
        return notFoundPage(lang, urls.statement());
      }
      const tenant = await this.rpc.call(ClientsRpc.getTenant, { id: link.tenantId });
      return reportResultPage({
        lang,
        urls,
        otherLanguageUrl: urls.otherLanguage(`/portal/${urls.token}/payment-reports/${report.id}`, {}, lang),
        company: tenant.legalName,
        report,
        expiresOn: formatDate(localDate(link.expiresAt, tenant.timezone), lang),
      });
    });
  }

  /** The expired page's button. Whatever the token, the same answer: nothing is revealed. */
  @Post(':token/renewal')
  @PortalPage('Asks for a new link (the expired page\'s button)', 'Always the same answer: a new link goes to the client\'s registered addresses only, rate-limited, and nothing is revealed.')
  @HttpCode(200)
  async renewal(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    const lang = messageLanguage();
    const token = req.portal?.token ?? '';
    if (req.portal && ['valid', 'expired', 'revoked'].includes(req.portal.status)) {
      try {
        await this.rpc.call(PortalRpc.requestRenewal, { token, requesterIp: req.ip ?? req.socket.remoteAddress ?? '' }, { timeoutMs: 150_000 });
      } catch (error) {
        this.logger.warn({ err: error }, 'portal renewal request failed');
      }
    }
    sendPage(res, 200, renewalRequestedPage(lang));
  }

  private async statementFile(req: PortalRequest, query: Query, res: Response, format: 'pdf' | 'xlsx'): Promise<void> {
    await this.file(req, res, query, async (link, lang) => {
      const filters = filtersOf(query);
      const reply = await this.rpc.call(
        DocumentsRpc.renderStatement,
        { tenantId: link.tenantId, clientId: link.clientId, format, locale: await this.fileLocale(link, lang, query), filters: toFilters(filters) },
        { timeoutMs: DOCUMENTS_RENDER_TIMEOUT_MS },
      );
      return reply.artifact?.id;
    });
  }

  /**
   * Runs a page for a valid link in the link tenant's language (or the one chosen with ?lang=);
   * an expired link gets the renewal page, anything else the generic invalid-link page.
   */
  private async page(
    req: PortalRequest,
    res: Response,
    query: Query,
    render: (link: PortalLink, lang: Lang, urls: PortalUrls) => Promise<string>,
  ): Promise<void> {
    const access = req.portal;
    const chosen = (['es', 'en'] as const).find((l) => l === one(query.lang));
    if (!this.opens(access, res, chosen)) return;
    const link = access!.link!;
    let lang: Lang = chosen ?? 'es';
    try {
      if (!chosen) lang = languageOf((await this.rpc.call(ClientsRpc.getTenant, { id: link.tenantId })).locale);
      const body = await render(link, lang, new PortalUrls(access!.token, chosen));
      if (res.statusCode === 303) {
        secure(res);
        res.end();
      } else sendPage(res, res.statusCode === 404 || res.statusCode === 400 ? res.statusCode : 200, body);
    } catch (error) {
      this.logger.error({ err: error, linkId: link.id }, 'portal page failed');
      if (!res.headersSent) sendPage(res, 500, errorPage(lang));
    }
  }

  /** Streams a file of the token's client, or the page saying why not. */
  private async file(
    req: PortalRequest,
    res: Response,
    query: Query,
    produce: (link: PortalLink, lang: Lang, urls: PortalUrls) => Promise<string | undefined>,
  ): Promise<void> {
    const access = req.portal;
    const chosen = (['es', 'en'] as const).find((l) => l === one(query.lang));
    if (!this.opens(access, res, chosen)) return;
    const link = access!.link!;
    const lang: Lang = chosen ?? 'es';
    const urls = new PortalUrls(access!.token, chosen);
    try {
      const result = await produce(link, lang, urls);
      if (result === undefined || result.startsWith('<!doctype')) {
        sendPage(res, 404, result ?? notFoundPage(lang, urls.statement()));
        return;
      }
      const { info, content } = await this.store.read(link.tenantId, result);
      secure(res);
      res.status(200);
      res.setHeader('Content-Type', info.mediaType);
      res.setHeader('Content-Length', String(info.size));
      res.setHeader('Content-Disposition', contentDisposition(info.fileName));
      await pipeline(content, res).catch((error: unknown) => res.destroy(error as Error));
    } catch (error) {
      this.logger.error({ err: error, linkId: link.id }, 'portal download failed');
      if (!res.headersSent) sendPage(res, 500, errorPage(lang));
    }
  }

  /** True for a valid link; otherwise answers the expired or invalid page. */
  private opens(access: PortalAccess | undefined, res: Response, chosen: Lang | undefined): boolean {
    const lang = chosen ?? messageLanguage();
    if (access?.status === 'valid' && access.link) return true;
    if (access?.status === 'unavailable') sendPage(res, 503, errorPage(lang));
    else if (access?.status === 'expired') sendPage(res, 410, expiredPage(lang, `/portal/${access.token}/renewal`));
    else sendPage(res, 404, invalidLinkPage(lang));
    return false;
  }

  /** Files in the page's language: the tenant's own locale unless English or Spanish was chosen. */
  private async fileLocale(link: PortalLink, lang: Lang, query: Query): Promise<string> {
    if (one(query.lang) === 'en') return 'en';
    const tenant = await this.rpc.call(ClientsRpc.getTenant, { id: link.tenantId });
    return languageOf(tenant.locale) === lang ? tenant.locale : 'es-VE';
  }

  private getStatement(link: PortalLink, filters: FilterValues, lang: Lang): Promise<Statement> {
    return this.rpc.call(BillingRpc.getStatement, { tenantId: link.tenantId, clientId: link.clientId, filters: toFilters(filters) }, { locale: lang });
  }

  private async reportForm(link: PortalLink, lang: Lang, urls: PortalUrls, statement: Statement, values: ReportFormValues, errors: Record<string, string>): Promise<string> {
    const tenant = await this.rpc.call(ClientsRpc.getTenant, { id: link.tenantId });
    return paymentReportPage({
      lang,
      urls,
      otherLanguageUrl: urls.otherLanguage(`/portal/${urls.token}/payment-report`, {}, lang),
      company: statement.header!.tenantName,
      clientName: statement.header!.clientName,
      currency: statement.header!.currency,
      today: statement.header!.asOf,
      openRows: openRows(statement),
      values: { ...values, method: (PAYMENT_METHOD_ORDER as readonly string[]).includes(values.method) ? values.method : 'transfer' },
      errors,
      expiresOn: formatDate(localDate(link.expiresAt, tenant.timezone), lang),
    });
  }
}

/** The statement's filters from the page's query: empty fields of the form are no filter. */
function filtersOf(query: Query): FilterValues {
  const filters: FilterValues = {};
  for (const name of STATEMENT_FILTERS) {
    const value = one(query[name]).trim().slice(0, 100);
    if (value) filters[name] = value;
  }
  return filters;
}

function toFilters(f: FilterValues): Omit<StatementFilters, '$typeName'> {
  const count = (value: string | undefined) => (value && /^\d{1,7}$/.test(value) ? Number(value) : undefined);
  return {
    number: f.number ?? '',
    kinds: f.kind ? [f.kind] : [],
    issueFrom: f.issueFrom ?? '',
    issueTo: f.issueTo ?? '',
    dueFrom: f.dueFrom ?? '',
    dueTo: f.dueTo ?? '',
    minDaysOverdue: count(f.minDaysOverdue),
    maxDaysOverdue: count(f.maxDaysOverdue),
    statuses: f.status ? [f.status] : [],
    bucket: f.bucket ?? '',
  };
}

/** Documents a payment can go to: those with a balance, but credit notes. */
function openRows(statement: Statement) {
  return statement.rows.filter((row) => row.kind !== 'credit_note' && /^\d*\.?\d*$/.test(row.balance) && /[1-9]/.test(row.balance));
}

/** Billing's field problems on the form's fields (allocations[0].amount and the like → the invoices). */
function fieldErrorsOf(error: DomainError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.details)) {
    const name = field.startsWith('allocations') ? 'allocations' : ['amount', 'date', 'method', 'reference', 'reporterEmail', 'notes'].includes(field) ? field : 'amount';
    errors[name] ??= message;
  }
  if (Object.keys(errors).length === 0) errors.amount = error.message;
  return errors;
}

function uploadMessage(error: unknown, lang: Lang): string {
  if (error instanceof DomainError && error.code === 'receipt.empty')
    return lang === 'en' ? 'The receipt file is empty; choose it again.' : 'El archivo del comprobante está vacío; elíjalo de nuevo.';
  if (error instanceof DomainError) return error.message;
  return lang === 'en' ? 'The receipt could not be stored; try again.' : 'No se pudo guardar el comprobante; intente de nuevo.';
}

/** The calendar date of an instant, in UTC (the link's expiry is shown as a date only). */
/** The day an instant falls on in the tenant's time zone (yyyy-mm-dd). */
function localDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}
