import { envInt, startService } from '@cobranza/platform';
import { AppModule } from './app.module';
import { clientsDefinition } from './definition';

async function main(): Promise<void> {
  const definition = clientsDefinition();
  await startService(definition, AppModule.register(definition), { httpPort: envInt('HTTP_PORT', 3001) });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
