import { envInt, startService } from '@cobranza/platform';
import { AppModule } from './app.module';
import { documentsDefinition } from './definition';

async function main(): Promise<void> {
  const definition = documentsDefinition();
  await startService(definition, AppModule.register(definition), { httpPort: envInt('HTTP_PORT', 3003) });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
