import { inSpan, SpanKind } from '@cobranza/platform';
import { classifyCloudApiError, parseCloudApiError, type CloudApiErrorKind } from './domain/cloud-api-errors';

export interface CloudApiTarget {
  baseUrl: string;
  apiVersion: string;
  phoneNumberId: string;
  accessToken: string;
}

/** The Cloud API answered with an error. */
export class CloudApiError extends Error {
  constructor(
    readonly code: number,
    readonly httpStatus: number,
    readonly kind: CloudApiErrorKind,
    message: string,
    readonly details: string,
  ) {
    super(message);
    this.name = 'CloudApiError';
  }

  get providerCode(): string {
    return `whatsapp.${this.code >= 0 ? this.code : `http_${this.httpStatus}`}`;
  }
}

/**
 * The request never reached the Cloud API (certainlyNotSent) or broke or timed out after it was
 * sent, when the message may have been accepted.
 */
export class CloudApiNetworkError extends Error {
  constructor(
    message: string,
    readonly certainlyNotSent: boolean,
  ) {
    super(message);
    this.name = 'CloudApiNetworkError';
  }
}

const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export interface TemplateMessage {
  to: string;
  templateName: string;
  language: string;
  /** The document header; none for a template without one (the portal link fallback). */
  document?: { id: string; filename: string };
  bodyParameters: string[];
  callbackData: string;
}

/**
 * A small client of the WhatsApp Business Cloud API (../shared/whatsapp-cloud-api.md): media
 * upload, template messages with a document header, media deletion. Base URL and version come
 * from the tenant's settings or the service defaults.
 */
export class WhatsAppCloudClient {
  constructor(
    private readonly target: CloudApiTarget,
    private readonly timeoutMs = httpTimeoutMs(),
  ) {}

  private url(path: string): string {
    return `${this.target.baseUrl.replace(/\/+$/, '')}/${this.target.apiVersion}/${path}`;
  }

  async uploadMedia(bytes: Buffer, mediaType: string, fileName: string): Promise<string> {
    const form = new FormData();
    form.append('messaging_product', 'whatsapp');
    form.append('type', mediaType);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: mediaType }), fileName);
    const body = await this.request('POST', `${this.target.phoneNumberId}/media`, form);
    const id = (body as { id?: unknown }).id;
    if (typeof id !== 'string') throw new CloudApiError(-1, 200, 'transient', 'media upload answered without an id', '');
    return id;
  }

  /** Sends a template message; answers the message id (wamid...). HTTP 200 means accepted, not delivered. */
  async sendTemplate(message: TemplateMessage): Promise<string> {
    const components: unknown[] = [];
    if (message.document) {
      components.push({ type: 'header', parameters: [{ type: 'document', document: { id: message.document.id, filename: message.document.filename } }] });
    }
    if (message.bodyParameters.length) {
      components.push({ type: 'body', parameters: message.bodyParameters.map((text) => ({ type: 'text', text })) });
    }
    const payload = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: message.to,
      type: 'template',
      template: { name: message.templateName, language: { code: message.language }, components },
      biz_opaque_callback_data: message.callbackData,
    };
    const body = await this.request('POST', `${this.target.phoneNumberId}/messages`, JSON.stringify(payload), 'application/json');
    const id = (body as { messages?: Array<{ id?: unknown }> }).messages?.[0]?.id;
    if (typeof id !== 'string') throw new CloudApiNetworkError('the Cloud API answered 200 without a message id', false);
    return id;
  }

  async deleteMedia(mediaId: string): Promise<void> {
    await this.request('DELETE', encodeURIComponent(mediaId));
  }

  /** Each call to Meta is a client span of the request's trace (no trace header goes to Meta). */
  private request(method: string, path: string, body?: FormData | string, contentType?: string): Promise<unknown> {
    const operation = path.endsWith('/messages') ? 'messages' : path.endsWith('/media') ? 'media' : 'media.delete';
    return inSpan(`whatsapp ${operation}`, { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'server.address': new URL(this.url(path)).host } }, () =>
      this.send(method, path, body, contentType),
    );
  }

  private async send(method: string, path: string, body?: FormData | string, contentType?: string): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        method,
        headers: { authorization: `Bearer ${this.target.accessToken}`, ...(contentType ? { 'content-type': contentType } : {}) },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      const code = cause?.code ?? (error as { code?: string }).code ?? '';
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new CloudApiNetworkError(timedOut ? `no answer within ${this.timeoutMs} ms` : `${(error as Error).message} ${code}`.trim(), !timedOut && NOT_CONNECTED.has(code));
    }
    const text = await res.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = undefined;
    }
    if (res.ok) return json ?? {};
    const parsed = parseCloudApiError(res.status, json);
    const kind = classifyCloudApiError({ code: parsed.code >= 0 ? parsed.code : undefined, httpStatus: res.status });
    throw new CloudApiError(parsed.code, res.status, kind, parsed.message, parsed.details);
  }
}

export function httpTimeoutMs(): number {
  const value = Number(process.env.WHATSAPP_HTTP_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : 20_000;
}
