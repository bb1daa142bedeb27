/** Environment-driven configuration shared by every process. Every address can be overridden. */

export function env(name: string, fallback?: string): string {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new Error(`missing required environment variable ${name}`);
}

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`environment variable ${name} must be an integer, got "${raw}"`);
  return value;
}

export const natsUrl = (): string => env('NATS_URL', 'nats://127.0.0.1:4222');
export const temporalAddress = (): string => env('TEMPORAL_ADDRESS', '127.0.0.1:7233');
export const temporalNamespace = (): string => env('TEMPORAL_NAMESPACE', 'default');
/** Per-request timeout of NATS request/reply calls. */
export const rpcTimeoutMs = (): number => envInt('RPC_TIMEOUT_MS', 5000);

/**
 * Each service connects as its own role, which owns only that service's schema.
 * `<SERVICE>_DATABASE_URL` wins; otherwise the role `svc_<service>` (password = role name, the
 * development default set by scripts/lib/infra.sh) on the host and database of DATABASE_URL.
 */
export function databaseUrlFor(service: string): string {
  const specific = process.env[`${service.toUpperCase()}_DATABASE_URL`];
  if (specific) return specific;
  const url = new URL(env('DATABASE_URL', 'postgres://127.0.0.1:5432/cobranza'));
  url.username = `svc_${service}`;
  url.password = process.env[`${service.toUpperCase()}_DATABASE_PASSWORD`] ?? `svc_${service}`;
  return url.toString();
}

export const serviceVersion = (): string => env('SERVICE_VERSION', '0.1.0');
