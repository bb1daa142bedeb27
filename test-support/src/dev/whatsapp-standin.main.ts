/**
 * The WhatsApp Cloud API stand-in as a standalone process for development, on
 * WHATSAPP_STANDIN_PORT (default 8089). Point a tenant's WhatsApp settings at it (apiBaseUrl
 * http://127.0.0.1:8089). Control API:
 *   GET  /_standin/requests   every request recorded
 *   POST /_standin/inject     {"route":"messages","code":130429} or {"route":"media","delayMs":3000}
 *   POST /_standin/webhook    {"url":"http://127.0.0.1:3000/v1/webhooks/whatsapp/<tenant id>","appSecret":"...",
 *                              "phoneNumberId":"...","statuses":[{"messageId":"wamid...","status":"delivered"}]}
 *   POST /_standin/clear
 * Optional: WHATSAPP_STANDIN_TOKEN (the only access token accepted), WHATSAPP_STANDIN_TEMPLATES
 * (comma-separated approved template names).
 * Run: bash scripts/dev/whatsapp-standin.sh
 */
import { WhatsAppCloudStandIn } from '../whatsapp-cloud-standin';

async function main(): Promise<void> {
  const templates = process.env.WHATSAPP_STANDIN_TEMPLATES?.split(',').map((t) => t.trim()).filter(Boolean);
  const standIn = await WhatsAppCloudStandIn.start({
    port: Number(process.env.WHATSAPP_STANDIN_PORT ?? 8089),
    host: process.env.WHATSAPP_STANDIN_HOST ?? '127.0.0.1',
    accessToken: process.env.WHATSAPP_STANDIN_TOKEN || undefined,
    templates: templates?.length ? templates : undefined,
  });
  console.log(`WhatsApp Cloud API stand-in at ${standIn.url} (control API under ${standIn.url}/_standin/)`);
  let seen = 0;
  const timer = setInterval(() => {
    for (const r of standIn.requests.slice(seen)) console.log(JSON.stringify({ method: r.method, path: r.path, status: r.status, template: r.json?.template?.name, to: r.json?.to }));
    seen = standIn.requests.length;
  }, 500);
  const stop = () => {
    clearInterval(timer);
    void standIn.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
