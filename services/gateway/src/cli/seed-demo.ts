import { ClientsRpc } from '@cobranza/contracts';
import { connectNats, DomainError, RpcClient } from '@cobranza/platform';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Demo data for `scripts/up.sh`: the demo tenant of the seeds (Infotax, Caracas, bolívares).
 * Idempotent: the tenant id is remembered in the given file and reused while it exists.
 */
async function main(markerFile: string): Promise<void> {
  const nats = await connectNats('seed-demo');
  const rpc = new RpcClient(nats);
  try {
    if (existsSync(markerFile)) {
      const { tenantId } = JSON.parse(readFileSync(markerFile, 'utf8')) as { tenantId: string };
      try {
        const tenant = await rpc.call(ClientsRpc.getTenant, { id: tenantId });
        console.log(`Demo tenant: ${tenant.legalName} (${tenant.id})`);
        return;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'tenant.not_found')) throw error;
      }
    }
    const tenant = await rpc.call(ClientsRpc.createTenant, {
      legalName: 'Infotax, S.A.',
      taxId: 'J-30012345-6',
      country: 'VE',
      timezone: 'America/Caracas',
      locale: 'es-VE',
      currency: 'VES',
      email: 'cobranzas@infotax.com.ve',
    });
    writeFileSync(markerFile, JSON.stringify({ tenantId: tenant.id }, null, 2));
    console.log(`Demo tenant created: ${tenant.legalName} (${tenant.id}); workflow tenant-onboarding:${tenant.id}`);
  } finally {
    await nats.drain();
  }
}

main(process.argv[2] ?? '.run/dev/demo-tenant.json').catch((error) => {
  console.error(error instanceof DomainError ? `${error.code}: ${error.message}` : error);
  process.exit(1);
});
