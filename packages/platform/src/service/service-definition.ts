import type { RpcContract } from '@cobranza/contracts';
import type { Options } from '@mikro-orm/postgresql';

export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency works; rejects with the reason otherwise. */
  check: () => Promise<void>;
}

export interface ServiceDefinition {
  /** clients, billing, documents or notifications: NATS service name, schema and role. */
  name: 'clients' | 'billing' | 'documents' | 'notifications';
  version: string;
  /** Every rpc subject the service answers. */
  contracts: RpcContract[];
  orm: Options;
  readinessChecks?: ReadinessCheck[];
}
