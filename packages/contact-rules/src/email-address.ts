import type { FieldProblem } from './problem';

export type EmailResult = { ok: true; value: string } | { ok: false; problem: FieldProblem };
export type EmailListResult =
  | { ok: true; value: string[] }
  | { ok: false; problem: FieldProblem & { params: { address: string } } };

const MAX_ADDRESS_LENGTH = 254; // RFC 5321 path limit minus the angle brackets
const MAX_LOCAL_LENGTH = 64;
/** RFC 5322 atext without quotes: pasted "Name" <x@y> fragments must fail, not half-parse. */
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&*+/=?^_{|}~-]+$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL_DOMAIN = /^[a-z]{2,}$/;

/** usuario@dominio.com: trimmed, domain lowercased, local part kept as typed (it may be case-sensitive). */
export function normalizeEmail(input: string): EmailResult {
  const typed = input.trim();
  if (typed === '') return { ok: false, problem: { code: 'email.required', params: { input: typed } } };
  const invalid: EmailResult = { ok: false, problem: { code: 'email.invalid', params: { input: typed } } };

  const parts = typed.split('@');
  if (parts.length !== 2) return invalid;
  const local = parts[0];
  const domain = parts[1].toLowerCase();
  const address = `${local}@${domain}`;
  if (address.length > MAX_ADDRESS_LENGTH || local.length > MAX_LOCAL_LENGTH) return invalid;
  // Splitting on '.' turns leading, trailing and double dots into empty atoms, which fail.
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom))) return invalid;

  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return invalid;
  if (!TOP_LEVEL_DOMAIN.test(labels[labels.length - 1])) return invalid;
  return { ok: true, value: address };
}

/**
 * A list typed in one field, separated by commas or semicolons (both are accepted).
 * One bad address rejects the whole list, naming it, so nothing is silently dropped.
 */
export function parseEmailList(input: string): EmailListResult {
  const addresses: string[] = [];
  const seen = new Set<string>();
  for (const entry of input.split(/[,;]/)) {
    const typed = entry.trim();
    if (typed === '') continue;
    const result = normalizeEmail(typed);
    if (!result.ok) return { ok: false, problem: { code: 'email.invalid', params: { input: typed, address: typed } } };
    // Mailboxes are case-insensitive in practice; the first spelling typed is the one kept.
    const key = result.value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    addresses.push(result.value);
  }
  return { ok: true, value: addresses };
}
