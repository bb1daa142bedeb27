/**
 * Formatting of what a document shows, by the tenant's locale. Money arrives from billing as exact
 * decimal strings ("-1234.50") and is printed from its digits: it is never turned into a float.
 */

export type Language = 'es' | 'en';

export interface LocaleFormat {
  locale: string;
  language: Language;
  group: string;
  decimal: string;
  /** Day first (26/03/2024) or month first (03/26/2024). */
  dayFirst: boolean;
  am: string;
  pm: string;
}

const FORMATS: Record<string, Omit<LocaleFormat, 'locale'>> = {
  'es-VE': { language: 'es', group: '.', decimal: ',', dayFirst: true, am: 'a.m.', pm: 'p.m.' },
  'es-CO': { language: 'es', group: '.', decimal: ',', dayFirst: true, am: 'a.m.', pm: 'p.m.' },
  'es-AR': { language: 'es', group: '.', decimal: ',', dayFirst: true, am: 'a.m.', pm: 'p.m.' },
  'es-MX': { language: 'es', group: ',', decimal: '.', dayFirst: true, am: 'a.m.', pm: 'p.m.' },
  en: { language: 'en', group: ',', decimal: '.', dayFirst: false, am: 'AM', pm: 'PM' },
};

export const DOCUMENT_LOCALES = Object.keys(FORMATS);
export const DEFAULT_LOCALE = 'es-VE';

export const isDocumentLocale = (locale: string): boolean => Object.prototype.hasOwnProperty.call(FORMATS, locale);

/** The format of a locale; an unknown one falls back by language (en-US → en) and then to es-VE. */
export function localeFormat(locale: string): LocaleFormat {
  if (isDocumentLocale(locale)) return { locale, ...FORMATS[locale] };
  const fallback = /^en(?:-|$)/i.test(locale) ? 'en' : DEFAULT_LOCALE;
  return { locale: fallback, ...FORMATS[fallback] };
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** True for a plain decimal string as billing sends it ("417.60", "-12.3", "5"). */
export const isDecimalText = (value: string): boolean => DECIMAL.test(value);

/**
 * "1234567.5" → "1.234.567,5" (es-VE) or "1,234,567.5" (en), keeping exactly the given decimals.
 * Throws on anything that is not a plain decimal string: a document must never show a guess.
 */
export function formatDecimal(value: string, format: LocaleFormat): string {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`Not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, integer, fraction] = match;
  const digits = integer.replace(/^0+(?=\d)/, '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, format.group);
  const isZero = /^0+$/.test(digits) && (!fraction || /^0+$/.test(fraction));
  return `${sign && !isZero ? '-' : ''}${grouped}${fraction ? format.decimal + fraction : ''}`;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-03-26" → "26/03/2024" (Spanish) or "03/26/2024" (English); empty stays empty. */
export function formatDate(date: string, format: LocaleFormat): string {
  if (!date) return '';
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new Error(`Not a local date: ${JSON.stringify(date)}`);
  const [, y, m, d] = match;
  return format.dayFirst ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

/** "23:25:35" → "11:25:35 p.m." (Spanish) or "11:25:35 PM" (English). */
export function formatTime(time: string, format: LocaleFormat): string {
  if (!time) return '';
  const match = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`Not a clock time: ${JSON.stringify(time)}`);
  const hour = Number(match[1]);
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${String(hour12).padStart(2, '0')}:${match[2]}:${match[3]} ${hour >= 12 ? format.pm : format.am}`;
}

const zoned = new Map<string, Intl.DateTimeFormat>();

/** The local date and time ("2024-03-26", "23:25:35") of an instant in a time zone. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  let format = zoned.get(timeZone);
  if (!format) {
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
    zoned.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  const hour = String(Number(parts.hour) % 24).padStart(2, '0');
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${hour}:${parts.minute}:${parts.second}` };
}

/** "Bolívar soberano (VES)": the currency's name in the document's language, and its code. */
export function currencyName(currency: string, format: LocaleFormat): string {
  let name = currency;
  try {
    name = new Intl.DisplayNames([format.locale], { type: 'currency' }).of(currency) ?? currency;
  } catch {
    // An unknown code prints as itself.
  }
  const capitalized = name.charAt(0).toLocaleUpperCase(format.locale) + name.slice(1);
  return capitalized === currency ? currency : `${capitalized} (${currency})`;
}
