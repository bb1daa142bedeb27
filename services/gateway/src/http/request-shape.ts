import { DomainError, messageLanguage, NotFoundError } from '@cobranza/platform';

/**
 * Request shape checks at the edge: JSON types, unknown fields, non-object bodies, query
 * parameters and path ids. Nothing that fails here reaches a service. Domain rules (required
 * fields, formats, lengths) are the services' business, not the gateway's.
 */

type Lang = 'es' | 'en';
const text = (es: string, en: string) => (lang: Lang) => (lang === 'en' ? en : es);

const MESSAGES = {
  invalid: text('La solicitud no es válida; revise los campos indicados.', 'The request is not valid; check the fields listed.'),
  bodyNotObject: text(
    'El cuerpo debe ser un objeto JSON (Content-Type: application/json).',
    'The body must be a JSON object (Content-Type: application/json).',
  ),
  bodyNotJson: text('El cuerpo no es JSON válido.', 'The body is not valid JSON.'),
  unknownField: text('Campo desconocido.', 'Unknown field.'),
  string: text('Debe ser un texto.', 'Must be a string.'),
  boolean: text('Debe ser true o false.', 'Must be true or false.'),
  strings: text('Debe ser una lista de textos.', 'Must be a list of strings.'),
  object: text('Debe ser un objeto.', 'Must be an object.'),
  positiveInt: text('Debe ser un número entero mayor que cero.', 'Must be a whole number greater than zero.'),
  once: text('Debe aparecer una sola vez.', 'Must appear only once.'),
} as const;

/** 400 `request.invalid` with one message per offending field. */
export class RequestInvalidError extends DomainError {
  constructor(errors: Record<string, string>, lang: Lang = messageLanguage()) {
    super('request.invalid', MESSAGES.invalid(lang), 400, errors);
  }
}

export function bodyNotJsonError(): RequestInvalidError {
  const lang = messageLanguage();
  return new RequestInvalidError({ body: MESSAGES.bodyNotJson(lang) }, lang);
}

// ---------------------------------------------------------------------------------------------
// JSON bodies

export type Rule =
  | { readonly type: 'string' }
  | { readonly type: 'boolean' }
  | { readonly type: 'strings' }
  | { readonly type: 'object'; readonly shape: Shape };
export type Shape = { readonly [field: string]: Rule };

type RuleValue<R extends Rule> = R extends { type: 'string' }
  ? string
  : R extends { type: 'boolean' }
    ? boolean
    : R extends { type: 'strings' }
      ? string[]
      : R extends { type: 'object'; shape: infer S extends Shape }
        ? ShapeValue<S>
        : never;

/** Every field optional: presence is decided by the service. */
export type ShapeValue<S extends Shape> = { -readonly [K in keyof S]?: RuleValue<S[K]> };

export const field = {
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  strings: { type: 'strings' },
  object: <S extends Shape>(shape: S) => ({ type: 'object', shape }) as const,
} as const;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function check(value: unknown, shape: Shape, path: string, errors: Record<string, string>, lang: Lang): void {
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const name = path ? `${path}.${key}` : key;
    const rule = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
    const item = record[key];
    if (!rule) errors[name] = MESSAGES.unknownField(lang);
    else if (rule.type === 'string' && typeof item !== 'string') errors[name] = MESSAGES.string(lang);
    else if (rule.type === 'boolean' && typeof item !== 'boolean') errors[name] = MESSAGES.boolean(lang);
    else if (rule.type === 'strings' && !(Array.isArray(item) && item.every((v) => typeof v === 'string')))
      errors[name] = MESSAGES.strings(lang);
    else if (rule.type === 'object') {
      if (isPlainObject(item)) check(item, rule.shape, name, errors, lang);
      else errors[name] = MESSAGES.object(lang);
    }
  }
}

/**
 * The body as the given shape, or 400 `request.invalid`: the body must be a JSON object whose
 * fields are all known and of the right JSON type (`null` is never accepted).
 */
export function parseBody<S extends Shape>(body: unknown, shape: S): ShapeValue<S> {
  const lang = messageLanguage();
  if (!isPlainObject(body)) throw new RequestInvalidError({ body: MESSAGES.bodyNotObject(lang) }, lang);
  const errors: Record<string, string> = {};
  check(body, shape, '', errors, lang);
  if (Object.keys(errors).length > 0) throw new RequestInvalidError(errors, lang);
  return body as ShapeValue<S>;
}

// ---------------------------------------------------------------------------------------------
// Query strings

export type QueryRule = 'string' | 'boolean' | 'positiveInt';
export type QueryShape = { readonly [param: string]: QueryRule };
export type QueryValue<Q extends QueryShape> = {
  -readonly [K in keyof Q]?: Q[K] extends 'boolean' ? boolean : Q[K] extends 'positiveInt' ? number : string;
};

/** Largest page or page size accepted at the edge (they travel as uint32); the service applies its own limits. */
const MAX_INT = 1_000_000;

/** The query string as the given shape, or 400 `request.invalid` (unknown, repeated or mistyped parameters). */
export function parseQuery<Q extends QueryShape>(query: unknown, shape: Q): QueryValue<Q> {
  const lang = messageLanguage();
  const input = isPlainObject(query) ? query : {};
  const errors: Record<string, string> = {};
  const out: Record<string, string | number | boolean> = {};
  for (const [key, raw] of Object.entries(input)) {
    const rule = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
    if (!rule) {
      errors[key] = MESSAGES.unknownField(lang);
      continue;
    }
    if (typeof raw !== 'string') {
      errors[key] = MESSAGES.once(lang);
      continue;
    }
    if (rule === 'string') out[key] = raw;
    else if (rule === 'boolean') {
      if (raw === 'true' || raw === 'false') out[key] = raw === 'true';
      else errors[key] = MESSAGES.boolean(lang);
    } else if (/^[1-9]\d{0,6}$/.test(raw) && Number(raw) <= MAX_INT) out[key] = Number(raw);
    else errors[key] = MESSAGES.positiveInt(lang);
  }
  if (Object.keys(errors).length > 0) throw new RequestInvalidError(errors, lang);
  return out as QueryValue<Q>;
}

// ---------------------------------------------------------------------------------------------
// Path ids

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The resources addressed by id, with the code and message of "there is no such one". */
const RESOURCES = {
  client: { code: 'client.not_found', message: text('No existe el cliente indicado.', 'The client does not exist.') },
  contact: { code: 'contact.not_found', message: text('No existe el contacto indicado.', 'The contact does not exist.') },
  clientContact: {
    code: 'client_contact.not_found',
    message: text('Ese contacto no está vinculado a este cliente.', 'That contact is not linked to this client.'),
  },
  staff: {
    code: 'staff.not_found',
    message: text('No existe la persona indicada en recursos humanos.', 'The staff member does not exist.'),
  },
  paymentReport: {
    code: 'payment_report.not_found',
    message: text('No existe el reporte de pago indicado.', 'The payment report does not exist.'),
  },
  schedule: { code: 'schedule.not_found', message: text('No existe la programación indicada.', 'The schedule does not exist.') },
} as const;
export type Resource = keyof typeof RESOURCES;

/**
 * The id when it is a UUID; otherwise 404 with the resource's not_found code and the same
 * message the service gives for an id that does not exist, so a malformed id never reaches it.
 */
export function resourceId(resource: Resource, id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  const { code, message } = RESOURCES[resource];
  throw new NotFoundError(code, message(messageLanguage()));
}
