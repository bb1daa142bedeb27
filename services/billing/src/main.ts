import { envInt, startService } from '@cobranza/platform';
import { AppModule } from './app.module';
import { billingDefinition } from './definition';

async function main(): Promise<void> {
  const definition = billingDefinition();
  await startService(definition, AppModule.register(definition), { httpPort: envInt('HTTP_PORT', 3002) });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
