import { envInt, LOGGER, startTracing } from '@cobranza/platform';
import type { Logger } from 'pino';
import { createGateway } from './create-gateway';

async function main(): Promise<void> {
  startTracing('gateway');
  const app = await createGateway();
  await app.listen(envInt('HTTP_PORT', 3000), process.env.HTTP_HOST ?? '0.0.0.0');
  app.get<Logger>(LOGGER).info({ url: await app.getUrl() }, 'gateway started');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
