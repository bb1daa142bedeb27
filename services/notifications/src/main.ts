import { envInt, startService } from '@cobranza/platform';
import { AppModule } from './app.module';
import { notificationsDefinition } from './definition';
import { SecretBox } from './settings/secret-box';

async function main(): Promise<void> {
  // Fail fast, before connecting anywhere, when production has no encryption key.
  const box = SecretBox.fromEnv();
  if (box.usingDevelopmentKey) console.warn('notifications: NOTIFICATIONS_SECRET_KEY is unset; using the public development key');
  const definition = notificationsDefinition();
  await startService(definition, AppModule.register(definition), { httpPort: envInt('HTTP_PORT', 3004) });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
