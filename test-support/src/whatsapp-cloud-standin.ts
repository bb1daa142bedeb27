import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the WhatsApp Business Cloud API, speaking the request, response and error
 * shapes of ../shared/whatsapp-cloud-api.md: media upload (multipart), template and document
 * messages, media deletion, Graph error bodies with their codes, and signed status webhooks.
 * It records every request and can be told to delay or fail.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCUMENT_TYPES = new Set([
  'application/pdf',
  XLSX_TYPE,
  'application/vnd.ms-excel',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'text/plain',
]);

export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. /v22.0/106540352242922/messages. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** JSON bodies, parsed. */
  json?: any;
  /** Multipart fields other than the file. */
  form?: Record<string, string>;
  file?: { filename: string; type: string; size: number; sha256: string };
  status: number;
  response: unknown;
}

export interface StoredMedia {
  id: string;
  phoneNumberId: string;
  type: string;
  filename: string;
  size: number;
  sha256: string;
  deleted: boolean;
}

export type StandInRoute = 'media' | 'messages' | 'delete' | 'any';

/** A failure or delay for the next matching requests. */
export interface Injection {
  route: StandInRoute;
  /** Answer this Graph error code (with a fitting HTTP status unless `status` is given). */
  code?: number;
  status?: number;
  message?: string;
  /** Wait this long before answering (or before failing). */
  delayMs?: number;
  /** Drop the connection without answering. */
  hangUp?: boolean;
  /** How many requests it applies to; default 1. */
  times?: number;
}

export interface StandInOptions {
  port?: number;
  host?: string;
  /** The access token accepted; any non-empty Bearer token when absent. */
  accessToken?: string;
  /** Known phone-number ids; any when absent. */
  phoneNumberIds?: string[];
  /** Approved template names; any when absent. */
  templates?: string[];
  /** Refuse spreadsheets in template document headers with 132012 (document headers may accept PDF only). Default true. */
  rejectSpreadsheetHeaders?: boolean;
  /** Numbers (digits, without +) that are not WhatsApp users: 131026. */
  notWhatsAppUsers?: string[];
}

export interface WebhookStatusInput {
  messageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed' | string;
  recipientId?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  callbackData?: string;
  errors?: Array<{ code: number; title: string; details?: string }>;
}

const ERRORS: Record<number, { status: number; message: string }> = {
  0: { status: 401, message: 'AuthException' },
  1: { status: 500, message: 'An unknown error occurred' },
  2: { status: 503, message: 'Service temporarily unavailable' },
  4: { status: 429, message: 'Application request limit reached' },
  100: { status: 400, message: 'Invalid parameter' },
  190: { status: 401, message: 'Error validating access token: Session has expired' },
  368: { status: 403, message: 'Temporarily blocked for policies violations' },
  80007: { status: 429, message: 'Rate limit issues' },
  130429: { status: 429, message: 'Rate limit hit' },
  131000: { status: 500, message: 'Something went wrong' },
  131005: { status: 403, message: 'Access denied' },
  131008: { status: 400, message: 'Required parameter is missing' },
  131009: { status: 400, message: 'Parameter value is not valid' },
  131016: { status: 503, message: 'Service unavailable' },
  131021: { status: 400, message: 'Recipient cannot be sender' },
  131026: { status: 400, message: 'Message undeliverable' },
  131047: { status: 400, message: 'Re-engagement message' },
  131048: { status: 400, message: 'Spam rate limit hit' },
  131051: { status: 400, message: 'Unsupported message type' },
  131053: { status: 400, message: 'Media upload error' },
  131056: { status: 400, message: '(Business Account, Consumer Account) pair rate limit hit' },
  132000: { status: 400, message: 'Number of parameters does not match the expected number of params' },
  132001: { status: 404, message: 'Template name does not exist in the translation' },
  132007: { status: 400, message: 'Template Format Character Policy Violated' },
  132012: { status: 400, message: 'Parameter format does not match format in the created template' },
  132015: { status: 400, message: 'Template is Paused' },
  133010: { status: 400, message: 'Phone number Not Registered' },
};

export function graphError(code: number, message?: string, details = '') {
  const known = ERRORS[code] ?? { status: 400, message: 'Error' };
  return {
    status: known.status,
    body: {
      error: {
        message: `(#${code}) ${message ?? known.message}`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: details || (message ?? known.message) },
        fbtrace_id: `A${randomBytes(8).toString('hex')}`,
      },
    },
  };
}

/** "sha256=<hex>" over the raw body, as Meta signs webhooks. */
export function hubSignature(body: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** JSON with every non-ASCII character escaped as \uXXXX, as Meta writes the bodies it signs. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export class WhatsAppCloudStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly media = new Map<string, StoredMedia>();
  private injections: Injection[] = [];
  private server?: Server;
  url = '';

  private constructor(private readonly options: StandInOptions) {}

  static async start(options: StandInOptions = {}): Promise<WhatsAppCloudStandIn> {
    const standIn = new WhatsAppCloudStandIn(options);
    await standIn.listen();
    return standIn;
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    this.server = server;
    this.url = `http://${this.options.host ?? '127.0.0.1'}:${port}`;
  }

  inject(injection: Injection): void {
    this.injections.push({ ...injection, times: injection.times ?? 1 });
  }

  clear(): void {
    this.requests.length = 0;
    this.injections = [];
  }

  /** The requests to one route (media, messages, delete). */
  requestsTo(route: Exclude<StandInRoute, 'any'>): RecordedRequest[] {
    return this.requests.filter((r) => routeOf(r.method, r.path) === route);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A status webhook body for one phone number, in Meta's shape. */
  webhookBody(phoneNumberId: string, statuses: WebhookStatusInput[]) {
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550001111', phone_number_id: phoneNumberId },
                statuses: statuses.map((s) => ({
                  id: s.messageId,
                  status: s.status,
                  timestamp: String(s.timestamp ?? Math.floor(Date.now() / 1000)),
                  recipient_id: s.recipientId ?? '584247181811',
                  ...(s.callbackData ? { biz_opaque_callback_data: s.callbackData } : {}),
                  ...(s.status === 'sent' || s.status === 'delivered'
                    ? { conversation: { id: 'CONVERSATION_ID', origin: { type: 'utility' } }, pricing: { billable: true, pricing_model: 'PMP', category: 'utility' } }
                    : {}),
                  ...(s.errors ? { errors: s.errors.map((e) => ({ code: e.code, title: e.title, message: e.title, error_data: { details: e.details ?? e.title } })) } : {}),
                })),
              },
            },
          ],
        },
      ],
    };
  }

  /**
   * POSTs a signed status webhook to `url`, as Meta does. `signature`: good (default), bad (signed
   * with another secret), none (no header), or an exact header value.
   */
  async sendStatuses(input: { url: string; appSecret: string; phoneNumberId: string; statuses: WebhookStatusInput[]; signature?: 'good' | 'bad' | 'none' | string; body?: string }) {
    const body = input.body ?? metaJson(this.webhookBody(input.phoneNumberId, input.statuses));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
    const mode = input.signature ?? 'good';
    if (mode === 'good') headers['x-hub-signature-256'] = hubSignature(body, input.appSecret);
    else if (mode === 'bad') headers['x-hub-signature-256'] = hubSignature(body, `${input.appSecret}-wrong`);
    else if (mode !== 'none') headers['x-hub-signature-256'] = mode;
    const res = await fetch(input.url, { method: 'POST', headers, body });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text(), body };
  }

  private take(route: StandInRoute): Injection | undefined {
    const index = this.injections.findIndex((i) => i.route === route || i.route === 'any');
    if (index < 0) return undefined;
    const injection = this.injections[index];
    injection.times = (injection.times ?? 1) - 1;
    if (injection.times <= 0) this.injections.splice(index, 1);
    return injection;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://standin');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
      status: 0,
      response: undefined,
    };
    if (url.pathname.startsWith('/_standin/')) return this.control(url, raw, res);
    this.requests.push(record);
    const send = (status: number, body: unknown) => {
      record.status = status;
      record.response = body;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    try {
      const route = routeOf(record.method, record.path);
      if (route && req.headers['content-type']?.startsWith('multipart/form-data')) await this.readForm(record, raw, req.headers['content-type']);
      else if (raw.length && req.headers['content-type']?.startsWith('application/json')) record.json = JSON.parse(raw.toString('utf8'));
      const injection = route ? this.take(route) : undefined;
      if (injection?.delayMs) await new Promise((r) => setTimeout(r, injection.delayMs));
      if (injection?.hangUp) {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      if (injection && (injection.code !== undefined || injection.status !== undefined)) {
        const error = graphError(injection.code ?? 1, injection.message);
        return send(injection.status ?? error.status, error.body);
      }
      const answer = this.answer(record, route);
      send(answer.status, answer.body);
    } catch (error) {
      const e = graphError(100, `Malformed request: ${(error as Error).message}`);
      send(e.status, e.body);
    }
  }

  private async readForm(record: RecordedRequest, raw: Buffer, contentType: string): Promise<void> {
    const form = await new Request('http://standin/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
    record.form = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') record.form[key] = value;
      else {
        const bytes = Buffer.from(await value.arrayBuffer());
        record.file = { filename: value.name, type: value.type, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      }
    }
  }

  private answer(r: RecordedRequest, route: StandInRoute | undefined): { status: number; body: unknown } {
    const parts = r.path.split('/').filter(Boolean);
    if (!route || !/^v\d+\.\d+$/.test(parts[0] ?? '')) return graphError(100, `Unknown path components: ${r.path}`);
    const token = /^Bearer (\S+)$/.exec(r.headers.authorization ?? '')?.[1];
    if (!token || (this.options.accessToken && token !== this.options.accessToken)) return graphError(190);
    if (route === 'delete') {
      const media = this.media.get(parts[1]);
      if (!media || media.deleted) return graphError(100, `Unsupported delete request. Object with ID '${parts[1]}' does not exist`);
      media.deleted = true;
      return { status: 200, body: { success: true } };
    }
    const phoneNumberId = parts[1];
    if (this.options.phoneNumberIds && !this.options.phoneNumberIds.includes(phoneNumberId)) {
      return graphError(100, `Unsupported post request. Object with ID '${phoneNumberId}' does not exist`);
    }
    return route === 'media' ? this.upload(r, phoneNumberId) : this.message(r);
  }

  private upload(r: RecordedRequest, phoneNumberId: string): { status: number; body: unknown } {
    const product = r.form?.messaging_product ?? r.query.messaging_product;
    if (product !== 'whatsapp') return graphError(100, 'The parameter messaging_product is required.');
    if (!r.file) return graphError(100, 'The parameter file is required.');
    const type = r.form?.type ?? r.file.type;
    if (!type) return graphError(100, 'The parameter type is required.');
    if (!DOCUMENT_TYPES.has(type) && !type.startsWith('image/')) return graphError(131053, `Media upload error: unsupported type ${type}`);
    if (r.file.size > 100 * 1024 * 1024) return graphError(131053, 'Media upload error: file too large');
    const id = String(1_000_000_000_000_000n + BigInt(`0x${randomBytes(6).toString('hex')}`));
    this.media.set(id, { id, phoneNumberId, type, filename: r.file.filename, size: r.file.size, sha256: r.file.sha256, deleted: false });
    return { status: 200, body: { id } };
  }

  private message(r: RecordedRequest): { status: number; body: unknown } {
    const m = r.json;
    if (!m || m.messaging_product !== 'whatsapp') return graphError(100, 'The parameter messaging_product is required.');
    if (typeof m.to !== 'string' || !/^\+?\d{8,15}$/.test(m.to)) return graphError(131009, 'Parameter value is not valid', 'to must be a phone number');
    const digits = m.to.replace(/^\+/, '');
    if (m.type === 'template') {
      const t = m.template;
      if (!t?.name) return graphError(131008, 'Required parameter is missing', 'template.name');
      if (!t.language?.code) return graphError(131008, 'Required parameter is missing', 'template.language.code');
      if (this.options.templates && !this.options.templates.includes(t.name)) return graphError(132001, undefined, `template name (${t.name}) does not exist in ${t.language.code}`);
      for (const component of t.components ?? []) {
        if (component.type !== 'header') continue;
        for (const p of component.parameters ?? []) {
          if (p.type !== 'document') continue;
          const problem = this.checkDocument(p.document, true);
          if (problem) return problem;
        }
      }
    } else if (m.type === 'document') {
      const problem = this.checkDocument(m.document, false);
      if (problem) return problem;
    } else if (m.type !== 'text') return graphError(131051);
    if (this.options.notWhatsAppUsers?.includes(digits)) return graphError(131026, undefined, 'Message failed to send because the recipient is not a WhatsApp user');
    const id = `wamid.${Buffer.from(`${digits}-${randomBytes(9).toString('hex')}`).toString('base64')}`;
    return {
      status: 200,
      body: { messaging_product: 'whatsapp', contacts: [{ input: m.to, wa_id: digits }], messages: [{ id, message_status: 'accepted' }] },
    };
  }

  private checkDocument(document: { id?: string; link?: string } | undefined, inTemplateHeader: boolean) {
    if (!document || (!document.id && !document.link)) return graphError(131008, 'Required parameter is missing', 'document.id or document.link');
    if (document.id && document.link) return graphError(100, 'Invalid parameter', 'document takes id or link, not both');
    if (document.id) {
      const media = this.media.get(document.id);
      if (!media || media.deleted) return graphError(131053, undefined, `media ${document.id} does not exist`);
      if (inTemplateHeader && media.type === XLSX_TYPE && this.options.rejectSpreadsheetHeaders !== false) {
        return graphError(132012, undefined, 'header document must be a PDF');
      }
    }
    return undefined;
  }

  /** The development control API of the standalone process. */
  private async control(url: URL, raw: Buffer, res: ServerResponse): Promise<void> {
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body, null, 2));
    };
    try {
      const body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      if (url.pathname === '/_standin/requests') return reply(200, this.requests);
      if (url.pathname === '/_standin/inject') {
        this.inject(body as Injection);
        return reply(200, { ok: true });
      }
      if (url.pathname === '/_standin/clear') {
        this.clear();
        return reply(200, { ok: true });
      }
      if (url.pathname === '/_standin/webhook') {
        const result = await this.sendStatuses(body);
        return reply(200, { status: result.status, answer: result.text });
      }
      reply(404, { error: 'unknown control path; use /_standin/requests, /inject, /clear or /webhook' });
    } catch (error) {
      reply(400, { error: (error as Error).message });
    }
  }
}

function routeOf(method: string, path: string): Exclude<StandInRoute, 'any'> | undefined {
  const parts = path.split('/').filter(Boolean);
  if (method === 'POST' && parts.length === 3 && parts[2] === 'media') return 'media';
  if (method === 'POST' && parts.length === 3 && parts[2] === 'messages') return 'messages';
  if (method === 'DELETE' && parts.length === 2) return 'delete';
  return undefined;
}
