import { ClientsRpc } from '@cobranza/contracts';
import { connectNats, DomainError, RpcClient } from '@cobranza/platform';
import { parseArgs } from 'node:util';

const USAGE = `Cobranza admin (talks to the clients service over NATS_URL)

  tenant create --legal-name NAME --email EMAIL [--tax-id ID] [--address TEXT] [--country VE]
                [--timezone America/Caracas] [--locale es-VE] [--currency VES]
  api-key create --tenant TENANT_ID --name NAME     prints the key once; store it now
  api-key list   --tenant TENANT_ID
  api-key revoke --tenant TENANT_ID --id KEY_ID
`;

async function run(argv: string[], rpc: RpcClient): Promise<void> {
  const [area, command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      tenant: { type: 'string' },
      name: { type: 'string' },
      id: { type: 'string' },
      'legal-name': { type: 'string' },
      email: { type: 'string' },
      'tax-id': { type: 'string' },
      address: { type: 'string' },
      country: { type: 'string' },
      timezone: { type: 'string' },
      locale: { type: 'string' },
      currency: { type: 'string' },
    },
  });
  const key = `${area} ${command}`;
  if (key === 'tenant create') {
    const tenant = await rpc.call(ClientsRpc.createTenant, {
      legalName: values['legal-name'] ?? '',
      email: values.email ?? '',
      taxId: values['tax-id'] ?? '',
      address: values.address ?? '',
      country: values.country ?? '',
      timezone: values.timezone ?? '',
      locale: values.locale ?? '',
      currency: values.currency ?? '',
    });
    console.log(JSON.stringify({ id: tenant.id, legalName: tenant.legalName }, null, 2));
  } else if (key === 'api-key create') {
    const created = await rpc.call(ClientsRpc.createApiKey, { tenantId: values.tenant ?? '', name: values.name ?? '' });
    console.log(JSON.stringify({ id: created.apiKey?.id, name: created.apiKey?.name, key: created.key }, null, 2));
    console.error('This is the only time the key is shown: store it now.');
  } else if (key === 'api-key list') {
    const { items } = await rpc.call(ClientsRpc.listApiKeys, { tenantId: values.tenant ?? '' });
    for (const k of items) console.log(`${k.id}  ${k.prefix}…  ${k.name}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}`);
  } else if (key === 'api-key revoke') {
    const revoked = await rpc.call(ClientsRpc.revokeApiKey, { tenantId: values.tenant ?? '', id: values.id ?? '' });
    console.log(`revoked ${revoked.id} at ${revoked.revokedAt}`);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
}

async function main(): Promise<void> {
  const nats = await connectNats('admin-cli');
  try {
    await run(process.argv.slice(2), new RpcClient(nats));
  } finally {
    await nats.drain();
  }
}

main().catch((error) => {
  if (error instanceof DomainError) {
    console.error(`${error.code}: ${error.message}`);
    for (const [field, problem] of Object.entries(error.details)) console.error(`  ${field}: ${problem}`);
  } else console.error((error as Error).message);
  process.exit(1);
});
