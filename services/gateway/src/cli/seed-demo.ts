import { ClientsRpc, NotificationsRpc } from '@cobranza/contracts';
import { connectNats, DomainError, RpcClient } from '@cobranza/platform';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

interface DemoState {
  tenantId: string;
  apiKey: string;
}

/**
 * Demo data for `scripts/up.sh`, from the seeds: the company Infotax (Caracas, bolívares), an API
 * key, the client INFOTAX, INFORMATICA TRIBUTARIA, S.A. (0000000012) with a contact and a staff
 * member. Idempotent: what it created is remembered in the state file (a local dev file, so the
 * demo key can be printed again) and reused while it exists.
 */
async function main(stateFile: string): Promise<void> {
  const nats = await connectNats('seed-demo');
  const rpc = new RpcClient(nats);
  try {
    const existing = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as Partial<DemoState>) : {};
    if (existing.tenantId && existing.apiKey && (await tenantExists(rpc, existing.tenantId))) {
      await useDevelopmentChannels(rpc, existing.tenantId);
      print(existing as DemoState);
      return;
    }
    const tenant = await rpc.call(ClientsRpc.createTenant, {
      legalName: 'Infotax, S.A.',
      taxId: 'J-30012345-6',
      address: 'Av. Sanatorio del Ávila, Centro Empresarial Ciudad Center, Torre C, piso 1, Caracas',
      country: 'VE',
      timezone: 'America/Caracas',
      locale: 'es-VE',
      currency: 'VES',
      email: 'cobranzas@infotax.com.ve',
    });
    const { key } = await rpc.call(ClientsRpc.createApiKey, { tenantId: tenant.id, name: 'demo (scripts/up.sh)' });
    const client = await rpc.call(ClientsRpc.createClient, {
      tenantId: tenant.id,
      code: '0000000012',
      kind: 'client',
      legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
      taxId: 'J-00012345-0',
      address: 'Av. Sanatorio del Ávila, Centro Empresarial Ciudad Center, Torre C, piso 1.',
      emails: ['usuario@galac.com'],
      whatsapp: '0424-718.18.11',
      delivery: { autoSend: true, onlyWhenSeveral: false, channels: ['email', 'whatsapp'] },
    });
    await rpc.call(ClientsRpc.addClientContact, {
      tenantId: tenant.id,
      clientId: client.id,
      newContact: { tenantId: tenant.id, name: 'Pedro Gómez', email: 'pedro.gomez@galac.com', phone: '0414 5551234' },
      department: 'Administración',
      role: 'Gerente de cobranzas',
      offeredForAll: false,
      documentKinds: ['invoice', 'statement', 'reminder'],
    });
    await rpc.call(ClientsRpc.createStaffMember, { tenantId: tenant.id, name: 'María Pérez', email: 'maria.perez@infotax.com.ve' });
    await useDevelopmentChannels(rpc, tenant.id);
    const state: DemoState = { tenantId: tenant.id, apiKey: key };
    writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
    print(state);
  } finally {
    await nats.drain();
  }
}

/** The demo tenant sends through the development sinks that scripts/up.sh starts. */
async function useDevelopmentChannels(rpc: RpcClient, tenantId: string): Promise<void> {
  await rpc.call(NotificationsRpc.updateSettings, {
    tenantId,
    smtp: { host: '127.0.0.1', port: 2525, tlsMode: 'none', user: '', password: '', fromAddress: 'cobranzas@infotax.com.ve' },
    whatsapp: {
      phoneNumberId: '106540352242922',
      accessToken: 'demo-whatsapp-token',
      appSecret: 'demo-app-secret',
      verifyToken: 'demo-verify-token',
      apiBaseUrl: 'http://127.0.0.1:8089',
      // The approved templates a real account would have; the stand-in accepts any name.
      templates: [
        { documentKind: 'invoice', name: 'factura_documento', linkName: 'factura_enlace', language: 'es' },
        { documentKind: 'statement', name: 'estado_de_cuenta', linkName: 'estado_de_cuenta_enlace', language: 'es' },
        { documentKind: 'reminder', name: 'recordatorio_vencimiento', linkName: 'recordatorio_enlace', language: 'es' },
      ],
    },
  });
  await rpc.call(NotificationsRpc.setEntitlement, { tenantId, mode: 'contracted' });
}

async function tenantExists(rpc: RpcClient, id: string): Promise<boolean> {
  try {
    await rpc.call(ClientsRpc.getTenant, { id });
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'tenant.not_found') return false;
    throw error;
  }
}

function print(state: DemoState): void {
  console.log(`Demo tenant: Infotax, S.A. (${state.tenantId}); onboarding workflow tenant-onboarding:${state.tenantId}`);
  console.log(`Demo API key: ${state.apiKey}`);
}

main(process.argv[2] ?? '.run/dev/demo-tenant.json').catch((error) => {
  console.error(error instanceof DomainError ? `${error.code}: ${error.message} ${JSON.stringify(error.details)}` : error);
  process.exit(1);
});
