import { ValidationError } from '@cobranza/platform';

export const SUPPORTED_LOCALES = ['es-VE', 'es-CO', 'es-AR', 'es-MX', 'en'] as const;
export const DEFAULT_TIMEZONE = 'America/Caracas';
export const DEFAULT_LOCALE = 'es-VE';

export interface TenantSettingsInput {
  legalName: string;
  taxId: string;
  country: string;
  timezone: string;
  locale: string;
  currency: string;
  email: string;
}

const EMAIL = /^[^\s@<>(),;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Applies defaults and rejects what cannot be stored, naming every field at once. */
export function normalizeTenantSettings(input: TenantSettingsInput): TenantSettingsInput {
  const settings: TenantSettingsInput = {
    legalName: input.legalName.trim(),
    taxId: input.taxId.trim(),
    country: (input.country.trim() || 'VE').toUpperCase(),
    timezone: input.timezone.trim() || DEFAULT_TIMEZONE,
    locale: input.locale.trim() || DEFAULT_LOCALE,
    currency: (input.currency.trim() || 'VES').toUpperCase(),
    email: input.email.trim().toLowerCase(),
  };
  const problems: Record<string, string> = {};
  if (!settings.legalName) problems.legalName = 'La razón social es obligatoria.';
  if (!/^[A-Z]{2}$/.test(settings.country)) problems.country = 'El país debe ser un código ISO de dos letras, por ejemplo VE.';
  if (!isTimeZone(settings.timezone)) problems.timezone = `Zona horaria desconocida: ${settings.timezone}. Ejemplo: America/Caracas.`;
  if (!(SUPPORTED_LOCALES as readonly string[]).includes(settings.locale))
    problems.locale = `Idioma no soportado: ${settings.locale}. Use uno de ${SUPPORTED_LOCALES.join(', ')}.`;
  if (!/^[A-Z]{3}$/.test(settings.currency)) problems.currency = 'La moneda debe ser un código ISO 4217, por ejemplo VES o USD.';
  if (!EMAIL.test(settings.email)) problems.email = 'El correo debe tener la forma usuario@dominio.com.';
  if (Object.keys(problems).length > 0) throw new ValidationError('Los datos de la empresa no son válidos.', problems);
  return settings;
}
