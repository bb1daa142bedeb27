import { envInt, startService } from '@cobranza/platform';
import { AppModule } from './app.module';
import { clientsDefinition } from './definition';
import { PortalTokenSigner } from './portal/domain/portal-token';

async function main(): Promise<void> {
  // Fail fast, before connecting anywhere, when production has no portal signing key.
  if (PortalTokenSigner.fromEnv().usingDevelopmentKey) console.warn('clients: PORTAL_TOKEN_SECRET is unset; portal links use the public development key');
  const definition = clientsDefinition();
  await startService(definition, AppModule.register(definition), { httpPort: envInt('HTTP_PORT', 3001) });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
