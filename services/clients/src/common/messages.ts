import { messageLanguage } from '@cobranza/platform';

type Catalog = Record<string, string>;

/** Messages people read, in Spanish (default) and English, chosen by the request's Accept-Language. */
const MESSAGES: Record<'es' | 'en', Catalog> = {
  es: {
    validation_failed: 'Los datos enviados no son válidos; revise los campos indicados.',
    required: 'Este campo es obligatorio.',
    too_long: 'Admite como máximo {max} caracteres.',
    country_invalid: 'El país debe ser un código ISO de dos letras, por ejemplo VE.',
    currency_invalid: 'La moneda debe ser un código ISO 4217 de tres letras, por ejemplo VES o USD.',
    timezone_invalid: 'Zona horaria desconocida: {value}. Ejemplo: America/Caracas.',
    locale_invalid: 'Idioma no soportado: {value}. Use uno de {allowed}.',
    kind_invalid: 'El tipo debe ser "client" (cliente) o "prospect" (prospecto).',
    code_invalid: 'El código admite de 1 a 20 letras, dígitos, puntos o guiones, por ejemplo 0000000012.',
    document_kind_invalid: 'Tipo de documento desconocido: {value}. Use uno de {allowed}.',
    document_kinds_required: 'Elija al menos un tipo de documento, o marque que se ofrezca para todos.',
    channel_invalid: 'Canal desconocido: {value}. Use email o whatsapp.',
    sort_invalid: 'Orden desconocido: {value}. Use code, legal_name o created_at, con "-" delante para orden descendente.',
    page_size_invalid: 'El tamaño de página debe estar entre 1 y 100.',
    contact_choice: 'Indique un contacto del catálogo (contactId) o los datos de uno nuevo (newContact), no ambos.',
    'tenant.not_found': 'No existe la empresa indicada.',
    'client.not_found': 'No existe el cliente indicado.',
    'contact.not_found': 'No existe el contacto indicado.',
    'client_contact.not_found': 'Ese contacto no está vinculado a este cliente.',
    'staff.not_found': 'No existe la persona indicada en recursos humanos.',
    'api_key.not_found': 'No existe la clave de API indicada.',
    'client.code_taken': 'Ya existe un cliente con el código {code}.',
    'client_contact.already_linked': 'Ese contacto ya está vinculado a este cliente.',
    'auth.invalid_key': 'La clave de API no es válida o fue revocada.',
  },
  en: {
    validation_failed: 'The data sent is not valid; check the fields listed.',
    required: 'This field is required.',
    too_long: 'At most {max} characters.',
    country_invalid: 'The country must be a two-letter ISO code, for example VE.',
    currency_invalid: 'The currency must be a three-letter ISO 4217 code, for example VES or USD.',
    timezone_invalid: 'Unknown time zone: {value}. Example: America/Caracas.',
    locale_invalid: 'Unsupported language: {value}. Use one of {allowed}.',
    kind_invalid: 'The kind must be "client" or "prospect".',
    code_invalid: 'The code takes 1 to 20 letters, digits, dots or dashes, for example 0000000012.',
    document_kind_invalid: 'Unknown document kind: {value}. Use one of {allowed}.',
    document_kinds_required: 'Choose at least one document kind, or offer the contact for all of them.',
    channel_invalid: 'Unknown channel: {value}. Use email or whatsapp.',
    sort_invalid: 'Unknown sort: {value}. Use code, legal_name or created_at, with a leading "-" for descending.',
    page_size_invalid: 'The page size must be between 1 and 100.',
    contact_choice: 'Give either a catalog contact (contactId) or a new one (newContact), not both.',
    'tenant.not_found': 'The company does not exist.',
    'client.not_found': 'The client does not exist.',
    'contact.not_found': 'The contact does not exist.',
    'client_contact.not_found': 'That contact is not linked to this client.',
    'staff.not_found': 'The staff member does not exist.',
    'api_key.not_found': 'The API key does not exist.',
    'client.code_taken': 'A client with code {code} already exists.',
    'client_contact.already_linked': 'That contact is already linked to this client.',
    'auth.invalid_key': 'The API key is not valid or was revoked.',
  },
};

export function message(code: string, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[messageLanguage()][code] ?? MESSAGES.es[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}
