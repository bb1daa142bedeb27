import { formatLocalDate, parseLocalDate, type LocalDate } from './local-date';

// Intl is deterministic for a given instant and zone, so these run inside workflows too.

function zoneParts(epochMs: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at an instant, in milliseconds (Caracas: -4 h). */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = zoneParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** Throws RangeError for a zone name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone });
}

/**
 * The instant a wall-clock time of a local date happens in a zone. A time skipped by a
 * daylight-saving jump resolves to the instant after the jump.
 */
export function zonedInstant(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const { year, month, day } = parseLocalDate(date);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

/** The local date of an instant in a zone. */
export function localDateAt(epochMs: number, timeZone: string): LocalDate {
  const p = zoneParts(epochMs, timeZone);
  return formatLocalDate(p.year, p.month, p.day);
}
