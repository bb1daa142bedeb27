/**
 * Calendar dates of the tenant. A local date is an ISO 'YYYY-MM-DD' string; arithmetic runs on
 * day numbers from Date.UTC, so neither the server's time zone nor daylight saving can shift a day.
 */

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a local date; throws for anything that is not a real date. */
function dayNumber(date: string): number {
  const match = typeof date === 'string' ? LOCAL_DATE.exec(date) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // Date.UTC reads years 0..99 as 1900..1999, and no billing date is that old.
    if (year >= 1000) {
      const ms = Date.UTC(year, month - 1, day);
      // Date.UTC rolls 2023-02-29 over to March 1st; a round trip catches it.
      if (formatDayNumber(ms / DAY_MS) === date) return ms / DAY_MS;
    }
  }
  throw new Error(`Invalid local date ${JSON.stringify(date)}: expected YYYY-MM-DD`);
}

function formatDayNumber(days: number): string {
  const d = new Date(days * DAY_MS);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** True for a real 'YYYY-MM-DD' date (years 1000..9999). */
export function isLocalDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

function requireInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new Error('Invalid instant');
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** Numeric parts of an instant in a time zone, 24-hour clock, Latin digits whatever the locale. */
function zonedParts(instant: Date, timeZone: string) {
  requireInstant(instant);
  let format = partsFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US-u-nu-latn', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      throw new Error(`Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as "America/Caracas"`);
    }
    partsFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    // Some ICU versions print midnight as 24 even with h23.
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The date on the tenant's calendar at an instant (2024-03-27T03:25:35Z in Caracas → '2024-03-26'). */
export function localDateOf(instant: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The date `days` calendar days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new Error(`Days must be a whole number, got ${days}`);
  const result = formatDayNumber(dayNumber(date) + days);
  dayNumber(result); // stays within the supported years
  return result;
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Due date of a document issued on `issueDate` with `paymentTermsDays` of credit (0: cash). */
export function dueDateOf(issueDate: string, paymentTermsDays: number): string {
  if (!Number.isSafeInteger(paymentTermsDays) || paymentTermsDays < 0) {
    throw new Error(`Payment terms must be a whole number of days >= 0, got ${paymentTermsDays}`);
  }
  return addDays(issueDate, paymentTermsDays);
}

/**
 * "Emitido el 26/03/2024 a las 11:25:35 p.m." (Spanish, the default) or "Issued on 03/26/2024 at
 * 11:25:35 PM" (any 'en' locale). Assembled from numeric parts, so ICU's wording and spacing
 * ("p. m." with narrow no-break spaces in recent versions) never reach the text.
 */
export function formatIssuedAt(instant: Date, timeZone: string, locale: string): string {
  const { year, month, day, hour, minute, second } = zonedParts(instant, timeZone);
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const time = `${pad2(hour12)}:${pad2(minute)}:${pad2(second)}`;
  const afternoon = hour >= 12;
  const yyyy = String(year).padStart(4, '0');
  if (/^en(?:-|$)/i.test(locale)) {
    return `Issued on ${pad2(month)}/${pad2(day)}/${yyyy} at ${time} ${afternoon ? 'PM' : 'AM'}`;
  }
  return `Emitido el ${pad2(day)}/${pad2(month)}/${yyyy} a las ${time} ${afternoon ? 'p.m.' : 'a.m.'}`;
}
