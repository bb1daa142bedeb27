/** seed 000: WhatsApp is disabled, free until a date (inclusive), or contracted. */
export const ENTITLEMENT_MODES = ['disabled', 'free_until', 'contracted'] as const;
export type EntitlementMode = (typeof ENTITLEMENT_MODES)[number];

export interface EntitlementDecision {
  allowed: boolean;
  /** Message code explaining it, with its parameters. */
  reason: 'entitlement.disabled' | 'entitlement.free_until' | 'entitlement.expired' | 'entitlement.contracted';
  params: Record<string, string>;
}

/** `today` and `freeUntil` are yyyy-mm-dd dates in the tenant's time zone. */
export function decideEntitlement(mode: string, freeUntil: string | null | undefined, today: string, language: 'es' | 'en'): EntitlementDecision {
  if (mode === 'contracted') return { allowed: true, reason: 'entitlement.contracted', params: {} };
  if (mode === 'free_until' && freeUntil) {
    const date = displayDate(freeUntil, language);
    return today <= freeUntil
      ? { allowed: true, reason: 'entitlement.free_until', params: { date } }
      : { allowed: false, reason: 'entitlement.expired', params: { date } };
  }
  return { allowed: false, reason: 'entitlement.disabled', params: {} };
}

/** 2024-07-01 as 01/07/2024 (Spanish, as seed 000 writes it) or 2024-07-01 (English). */
export function displayDate(isoDate: string, language: 'es' | 'en'): string {
  const [y, m, d] = isoDate.split('-');
  return language === 'es' ? `${d}/${m}/${y}` : isoDate;
}

/** Today's date (yyyy-mm-dd) in a time zone. */
export function todayIn(timezone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
