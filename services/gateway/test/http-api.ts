// A JSON object as answered by the gateway.
export type Json = Record<string, any>;

export interface ApiResponse {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
}

/** A small HTTP client for the gateway, with or without an API key. */
export class HttpApi {
  constructor(
    readonly baseUrl: string,
    readonly key?: string,
  ) {}

  get(path: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return this.send('GET', path, undefined, headers);
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return this.send('POST', path, JSON.stringify(body), headers);
  }

  patch(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return this.send('PATCH', path, JSON.stringify(body), headers);
  }

  delete(path: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return this.send('DELETE', path, undefined, headers);
  }

  /** Sends a raw body (JSON content type unless the headers say otherwise). */
  async send(method: string, path: string, rawBody?: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const all: Record<string, string> = {};
    if (this.key) all.authorization = `Bearer ${this.key}`;
    if (rawBody !== undefined) all['content-type'] = 'application/json';
    Object.assign(all, headers);
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers: all, body: rawBody });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, contentType: res.headers.get('content-type') ?? '', text, body };
  }
}
