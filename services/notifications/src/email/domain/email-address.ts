/**
 * E-mail address rules, the same as the clients service's (services/clients/src/clients/domain),
 * copied rather than imported: services share contracts, never code.
 */
export interface EmailProblem {
  code: 'email.required' | 'email.invalid';
  params: Record<string, string>;
}

export type EmailResult = { ok: true; value: string } | { ok: false; problem: EmailProblem };
export type EmailListResult = { ok: true; value: string[] } | { ok: false; problem: EmailProblem & { params: { address: string } } };

const MAX_ADDRESS_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&*+/=?^_{|}~-]+$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL_DOMAIN = /^[a-z]{2,}$/;

/** usuario@dominio.com: trimmed, domain lowercased, local part kept as typed. */
export function normalizeEmail(input: string): EmailResult {
  const typed = input.trim();
  if (typed === '') return { ok: false, problem: { code: 'email.required', params: { input: typed, address: typed } } };
  const invalid: EmailResult = { ok: false, problem: { code: 'email.invalid', params: { input: typed, address: typed } } };
  const parts = typed.split('@');
  if (parts.length !== 2) return invalid;
  const local = parts[0];
  const domain = parts[1].toLowerCase();
  const address = `${local}@${domain}`;
  if (address.length > MAX_ADDRESS_LENGTH || local.length > MAX_LOCAL_LENGTH) return invalid;
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom))) return invalid;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return invalid;
  if (!TOP_LEVEL_DOMAIN.test(labels[labels.length - 1])) return invalid;
  return { ok: true, value: address };
}

/**
 * Addresses typed in one field separated by commas or semicolons (seeds 002 and 004). One bad
 * address rejects the whole list, naming it; duplicates (case-insensitive) are dropped.
 */
export function parseEmailList(input: string): EmailListResult {
  const addresses: string[] = [];
  const seen = new Set<string>();
  for (const entry of input.split(/[,;]/)) {
    const typed = entry.trim();
    if (typed === '') continue;
    const result = normalizeEmail(typed);
    if (!result.ok) return { ok: false, problem: { code: 'email.invalid', params: { input: typed, address: typed } } };
    const key = result.value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    addresses.push(result.value);
  }
  return { ok: true, value: addresses };
}
