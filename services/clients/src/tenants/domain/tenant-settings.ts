import { SUPPORTED_LOCALES } from '@cobranza/contracts';
import { normalizeEmail } from '@cobranza/contact-rules';
import { FieldErrors } from '../../common/errors';

export const DEFAULT_TIMEZONE = 'America/Caracas';
export const DEFAULT_LOCALE = 'es-VE';

export interface TenantSettings {
  legalName: string;
  taxId: string;
  address: string;
  country: string;
  timezone: string;
  locale: string;
  currency: string;
  email: string;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Applies defaults and rejects what cannot be stored, naming every field at once. */
export function normalizeTenantSettings(input: TenantSettings): TenantSettings {
  const errors = new FieldErrors();
  const settings: TenantSettings = {
    legalName: input.legalName.trim(),
    taxId: input.taxId.trim(),
    address: input.address.trim(),
    country: (input.country.trim() || 'VE').toUpperCase(),
    timezone: input.timezone.trim() || DEFAULT_TIMEZONE,
    locale: input.locale.trim() || DEFAULT_LOCALE,
    currency: (input.currency.trim() || 'VES').toUpperCase(),
    email: input.email.trim(),
  };
  if (!settings.legalName) errors.add('legalName', 'required');
  if (settings.legalName.length > 200) errors.add('legalName', 'too_long', { max: 200 });
  if (settings.taxId.length > 40) errors.add('taxId', 'too_long', { max: 40 });
  if (!/^[A-Z]{2}$/.test(settings.country)) errors.add('country', 'country_invalid');
  if (!isTimeZone(settings.timezone)) errors.add('timezone', 'timezone_invalid', { value: settings.timezone });
  if (!(SUPPORTED_LOCALES as readonly string[]).includes(settings.locale))
    errors.add('locale', 'locale_invalid', { value: settings.locale, allowed: SUPPORTED_LOCALES.join(', ') });
  if (!/^[A-Z]{3}$/.test(settings.currency)) errors.add('currency', 'currency_invalid');
  settings.email = errors.take('email', normalizeEmail(settings.email)) ?? settings.email;
  errors.throwIfAny();
  return settings;
}
