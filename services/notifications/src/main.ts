import { envInt, startService } from '@cobranza/platform';
import { AppModule } from './app.module';
import { notificationsDefinition } from './definition';

async function main(): Promise<void> {
  const definition = notificationsDefinition();
  await startService(definition, AppModule.register(definition), { httpPort: envInt('HTTP_PORT', 3004) });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
