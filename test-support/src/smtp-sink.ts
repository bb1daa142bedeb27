import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

export interface ReceivedAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** Lower-case hex SHA-256 of the decoded content. */
  sha256: string;
  content: Buffer;
}

/** One message the sink took, parsed. */
export interface ReceivedMail {
  /** SMTP envelope: MAIL FROM and every RCPT TO (copies in Bcc show only here). */
  envelopeFrom: string;
  envelopeTo: string[];
  /** Header From's address and display name. */
  from: string;
  fromName: string;
  /** Header To addresses. */
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  attachments: ReceivedAttachment[];
  /** The user that authenticated, if any. */
  user?: string;
  raw: Buffer;
}

export type SmtpStage = 'connect' | 'mail' | 'rcpt' | 'data';

/** Make the sink answer an SMTP error at a stage, `times` times (default once; Infinity for always). */
export interface SmtpRefusal {
  stage: SmtpStage;
  /** 421, 450, 451, 452 (transient) or 550, 552, 553, 554 (permanent). */
  code: number;
  message?: string;
  times?: number;
  /** At rcpt: only this recipient is refused. */
  recipient?: string;
}

export interface SmtpSinkOptions {
  port?: number;
  host?: string;
  /** Accepted logins; without it any login (or none) is accepted. */
  users?: Record<string, string>;
  /** Called for every message received (the standalone process logs them). */
  onMessage?: (mail: ReceivedMail) => void;
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * A real SMTP server (smtp-server) that parses what it receives (mailparser): tests check
 * recipients, subject, body and attachments by content hash. It can refuse at any stage with a
 * 4xx or 5xx reply, and can be taken down and brought back on the same port.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private refusals: SmtpRefusal[] = [];
  private server?: SMTPServer;
  private waiters: Array<() => void> = [];

  private constructor(
    readonly host: string,
    public port: number,
    private readonly options: SmtpSinkOptions,
  ) {}

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options.host ?? '127.0.0.1', options.port ?? 0, options);
    await sink.up();
    return sink;
  }

  /** Settings for the notifications service pointing at this sink (no TLS). */
  settings(fromAddress = 'facturacion@infotax.com.ve') {
    return { host: this.host, port: this.port, tlsMode: 'none', user: 'sink', password: 'sink-password', fromAddress };
  }

  refuse(refusal: SmtpRefusal): void {
    this.refusals.push({ ...refusal, times: refusal.times ?? 1 });
  }

  clearRefusals(): void {
    this.refusals = [];
  }

  clear(): void {
    this.messages.length = 0;
  }

  /** Stops listening: connections are refused until `up()`. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      allowInsecureAuth: true,
      closeTimeout: 100,
      logger: false,
      size: 50 * 1024 * 1024,
      onConnect: (_session, callback) => callback(this.refusal('connect')),
      onAuth: (auth, _session, callback) => {
        const users = this.options.users;
        if (users && users[auth.username ?? ''] !== auth.password) return callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
        callback(null, { user: auth.username });
      },
      onMailFrom: (_address, _session, callback) => callback(this.refusal('mail')),
      onRcptTo: (address: SMTPServerAddress, _session, callback) => callback(this.refusal('rcpt', address.address)),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const refused = this.refusal('data');
          if (refused) return callback(refused);
          const raw = Buffer.concat(chunks);
          void this.store(raw, session).then(
            () => callback(null),
            (error: Error) => callback(error),
          );
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
    const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
    this.port = address.port;
    this.server = server;
  }

  async stop(): Promise<void> {
    await this.down();
  }

  /** Resolves when at least `count` messages arrived. */
  async waitForMessages(count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > deadline) throw new Error(`SMTP sink: expected ${count} message(s), got ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.messages.slice(0, count);
  }

  private refusal(stage: SmtpStage, recipient?: string): Error | null {
    const index = this.refusals.findIndex((r) => r.stage === stage && (!r.recipient || r.recipient.toLowerCase() === recipient?.toLowerCase()));
    if (index < 0) return null;
    const refusal = this.refusals[index];
    refusal.times = (refusal.times ?? 1) - 1;
    if (refusal.times <= 0) this.refusals.splice(index, 1);
    return smtpError(refusal.code, refusal.message ?? defaultText(refusal.code));
  }

  private async store(raw: Buffer, session: SMTPServerSession): Promise<void> {
    const parsed = await simpleParser(raw);
    const addresses = (value: AddressObject | AddressObject[] | undefined) =>
      (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.value.map((a) => a.address ?? ''));
    const fromValue = parsed.from?.value[0];
    const headers: Record<string, string> = {};
    for (const [key, value] of parsed.headers) headers[key] = typeof value === 'string' ? value : JSON.stringify(value);
    const mail: ReceivedMail = {
      envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      envelopeTo: session.envelope.rcptTo.map((r) => r.address),
      from: fromValue?.address ?? '',
      fromName: fromValue?.name ?? '',
      to: addresses(parsed.to),
      cc: addresses(parsed.cc),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      messageId: parsed.messageId ?? '',
      headers,
      attachments: parsed.attachments.map((a) => ({
        filename: a.filename ?? '',
        contentType: a.contentType,
        size: a.content.length,
        sha256: sha256(a.content),
        content: a.content,
      })),
      user: typeof session.user === 'string' ? session.user : undefined,
      raw,
    };
    this.messages.push(mail);
    this.options.onMessage?.(mail);
    for (const wake of this.waiters.splice(0)) wake();
  }
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

function defaultText(code: number): string {
  if (code === 421) return '4.3.2 Service not available, closing transmission channel';
  if (code >= 400 && code < 500) return '4.2.0 Mailbox temporarily unavailable, try again later';
  if (code === 550) return '5.1.1 The email account that you tried to reach does not exist';
  return '5.0.0 Message refused';
}
