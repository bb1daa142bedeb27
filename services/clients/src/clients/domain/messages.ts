import type { FieldProblem } from './field-problem';

export type MessageLocale = 'es' | 'en';

const VE_FORM_ES =
  'WhatsApp requiere un celular de operadora venezolana, por ejemplo 04121234567 (11 dígitos, sin +58, sin puntos, sin espacios y sin guiones).';
const VE_FORM_EN =
  'WhatsApp needs a mobile number from a Venezuelan operator, for example 04121234567 (11 digits, no +58, no dots, no spaces and no dashes).';
const EMAIL_FORM_ES = 'debe tener la forma usuario@dominio.com.';
const EMAIL_FORM_EN = 'it must look like usuario@dominio.com.';

/**
 * Keys are problem codes; '#VE' holds the Venezuelan wording (the product's own rule) and
 * '#list' the wording for an address inside a list. The plain key covers everything else.
 */
export const MESSAGES: Record<MessageLocale, Record<string, string>> = {
  es: {
    'phone.required#VE': `El número de WhatsApp es obligatorio. ${VE_FORM_ES}`,
    'phone.invalid_characters#VE': `El número {input} contiene caracteres no permitidos. ${VE_FORM_ES}`,
    'phone.wrong_length#VE': `El número {input} no tiene la cantidad correcta de dígitos. ${VE_FORM_ES}`,
    'phone.landline#VE': `El número {input} es un teléfono fijo; ${VE_FORM_ES}`,
    'phone.unknown_prefix#VE': `El número {input} no empieza con un código de operadora celular venezolana (0412, 0414, 0416, 0422, 0424 o 0426). ${VE_FORM_ES}`,
    'phone.invalid#VE': `El número {input} no es válido. ${VE_FORM_ES}`,
    'phone.not_mobile#VE': `El número {input} no es un celular. ${VE_FORM_ES}`,
    'phone.required': 'El número de WhatsApp es obligatorio; escriba un celular de {countryName}, por ejemplo {example}.',
    'phone.invalid_characters':
      'El número {input} contiene caracteres no permitidos; use solo dígitos y, si quiere, espacios, guiones, puntos, paréntesis y un + inicial, por ejemplo {example}.',
    'phone.wrong_length': 'El número {input} no tiene la cantidad correcta de dígitos para {countryName}; por ejemplo {example}.',
    'phone.landline': 'El número {input} es un teléfono fijo; WhatsApp requiere un celular de {countryName}, por ejemplo {example}.',
    'phone.unknown_prefix': 'El número {input} no corresponde a un celular de {countryName}; por ejemplo {example}.',
    'phone.invalid': 'El número {input} no es un número válido de {countryName}; por ejemplo {example}.',
    'phone.not_mobile': 'El número {input} no es un celular; WhatsApp requiere un celular de {countryName}, por ejemplo {example}.',
    'phone.country_unsupported':
      'No se pueden validar teléfonos del país {country}; indique un código de país ISO de dos letras, por ejemplo VE o CO.',
    'email.required': `El correo electrónico es obligatorio; ${EMAIL_FORM_ES}`,
    'email.invalid': `El correo {input} no es válido; ${EMAIL_FORM_ES}`,
    'email.invalid#list': `El correo {address} de la lista no es válido; cada correo ${EMAIL_FORM_ES} Sepárelos con coma o punto y coma.`,
  },
  en: {
    'phone.required#VE': `The WhatsApp number is required. ${VE_FORM_EN}`,
    'phone.invalid_characters#VE': `The number {input} contains characters that are not allowed. ${VE_FORM_EN}`,
    'phone.wrong_length#VE': `The number {input} does not have the right number of digits. ${VE_FORM_EN}`,
    'phone.landline#VE': `The number {input} is a landline; ${VE_FORM_EN}`,
    'phone.unknown_prefix#VE': `The number {input} does not start with a Venezuelan mobile operator code (0412, 0414, 0416, 0422, 0424 or 0426). ${VE_FORM_EN}`,
    'phone.invalid#VE': `The number {input} is not valid. ${VE_FORM_EN}`,
    'phone.not_mobile#VE': `The number {input} is not a mobile number. ${VE_FORM_EN}`,
    'phone.required': 'The WhatsApp number is required; enter a mobile number from {countryName}, for example {example}.',
    'phone.invalid_characters':
      'The number {input} contains characters that are not allowed; use digits and optionally spaces, dashes, dots, parentheses and a leading +, for example {example}.',
    'phone.wrong_length': 'The number {input} does not have the right number of digits for {countryName}; for example {example}.',
    'phone.landline': 'The number {input} is a landline; WhatsApp needs a mobile number from {countryName}, for example {example}.',
    'phone.unknown_prefix': 'The number {input} is not a mobile number from {countryName}; for example {example}.',
    'phone.invalid': 'The number {input} is not a valid number from {countryName}; for example {example}.',
    'phone.not_mobile': 'The number {input} is not a mobile number; WhatsApp needs a mobile number from {countryName}, for example {example}.',
    'phone.country_unsupported':
      'Phone numbers from country {country} cannot be validated; use a two-letter ISO country code, for example VE or CO.',
    'email.required': `The email address is required; ${EMAIL_FORM_EN}`,
    'email.invalid': `The email address {input} is not valid; ${EMAIL_FORM_EN}`,
    'email.invalid#list': `The email address {address} in the list is not valid; each address must look like usuario@dominio.com. Separate them with commas or semicolons.`,
  },
};

/** Locales starting with 'en' get English; Spanish is the product's default for everything else. */
export function localizeProblem(problem: FieldProblem, locale: string): string {
  const language: MessageLocale = locale.trim().toLowerCase().startsWith('en') ? 'en' : 'es';
  const catalog = MESSAGES[language];
  const template = catalog[variantKey(problem)] ?? catalog[problem.code];
  if (template === undefined) return language === 'en' ? `Invalid value (${problem.code}).` : `Dato no válido (${problem.code}).`;
  const params: Record<string, string> = { countryName: countryName(problem.params.country, language), ...problem.params };
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder);
}

function variantKey(problem: FieldProblem): string {
  if (problem.code.startsWith('phone.') && problem.params.country === 'VE') return `${problem.code}#VE`;
  if (problem.code === 'email.invalid' && problem.params.address !== undefined) return `${problem.code}#list`;
  return problem.code;
}

/** 'CO' reads better as 'Colombia'; falls back to the code when the runtime has no name for it. */
function countryName(code: string | undefined, language: MessageLocale): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
