/**
 * The SMTP sink as a standalone process for development: a real SMTP server on
 * SMTP_SINK_PORT (default 2525) that prints every message it takes and, with SMTP_SINK_DIR,
 * writes each one as an .eml file. Point a tenant's SMTP settings at it with tlsMode "none".
 * Run: bash scripts/dev/smtp-sink.sh
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SmtpSink } from '../smtp-sink';

async function main(): Promise<void> {
  const port = Number(process.env.SMTP_SINK_PORT ?? 2525);
  const host = process.env.SMTP_SINK_HOST ?? '127.0.0.1';
  const dir = process.env.SMTP_SINK_DIR;
  if (dir) mkdirSync(dir, { recursive: true });
  let count = 0;
  const sink = await SmtpSink.start({
    port,
    host,
    onMessage: (mail) => {
      count += 1;
      const summary = {
        n: count,
        from: `${mail.fromName} <${mail.from}>`,
        envelopeTo: mail.envelopeTo,
        subject: mail.subject,
        attachments: mail.attachments.map((a) => `${a.filename} (${a.contentType}, ${a.size} B, sha256 ${a.sha256})`),
      };
      console.log(JSON.stringify(summary));
      if (dir) writeFileSync(join(dir, `${String(count).padStart(5, '0')}.eml`), mail.raw);
    },
  });
  console.log(`SMTP sink listening on ${sink.host}:${sink.port} (no TLS, any login)${dir ? `; messages saved in ${dir}` : ''}`);
  const stop = () => void sink.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
