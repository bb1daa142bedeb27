import { messageLanguage, NotFoundError } from '@cobranza/platform';
import { RequestInvalidError } from '../http/request-shape';

/**
 * Request shape checks of the billing routes, the same rules as `http/request-shape.ts` (JSON
 * types, unknown fields, `null` never accepted) plus what billing bodies need: lists of objects,
 * whole numbers, and decimal strings for amounts, quantities and percentages. Formats, ranges and
 * required fields stay the billing service's business.
 */

type Lang = 'es' | 'en';
const text = (es: string, en: string) => (lang: Lang) => (lang === 'en' ? en : es);

/** Largest whole number accepted at the edge (it travels as uint32); the service applies its own limits. */
const MAX_COUNT = 1_000_000;

const MESSAGES = {
  bodyNotObject: text(
    'El cuerpo debe ser un objeto JSON (Content-Type: application/json).',
    'The body must be a JSON object (Content-Type: application/json).',
  ),
  unknownField: text('Campo desconocido.', 'Unknown field.'),
  string: text('Debe ser un texto.', 'Must be a string.'),
  decimal: text(
    'Los montos, cantidades y porcentajes se envían como texto, por ejemplo "360.00", para evitar errores de redondeo de los números JSON.',
    'Amounts, quantities and percentages are sent as strings, for example "360.00", to avoid the rounding errors of JSON numbers.',
  ),
  count: text(`Debe ser un número entero de 0 a ${MAX_COUNT}.`, `Must be a whole number from 0 to ${MAX_COUNT}.`),
  object: text('Debe ser un objeto.', 'Must be an object.'),
  boolean: text('Debe ser true o false.', 'Must be true or false.'),
  strings: text('Debe ser una lista de textos.', 'Must be a list of strings.'),
  list: text('Debe ser una lista de objetos.', 'Must be a list of objects.'),
  once: text('Debe aparecer una sola vez.', 'Must appear only once.'),
  idempotencyKey: text(
    'Debe tener de 1 a 200 caracteres entre letras sin acentos, dígitos, punto, guion, guion bajo y dos puntos.',
    'Must be 1 to 200 characters among unaccented letters, digits, ".", "-", "_" and ":".',
  ),
} as const;

// ---------------------------------------------------------------------------------------------
// JSON bodies

export type BillingRule =
  | { readonly type: 'string' }
  | { readonly type: 'decimal' }
  | { readonly type: 'count' }
  | { readonly type: 'boolean' }
  | { readonly type: 'strings' }
  | { readonly type: 'object'; readonly shape: BillingShape }
  | { readonly type: 'list'; readonly shape: BillingShape };
export type BillingShape = { readonly [field: string]: BillingRule };

type RuleValue<R extends BillingRule> = R extends { type: 'string' } | { type: 'decimal' }
  ? string
  : R extends { type: 'count' }
    ? number
    : R extends { type: 'object'; shape: infer S extends BillingShape }
      ? BillingValue<S>
      : R extends { type: 'list'; shape: infer S extends BillingShape }
        ? Array<BillingValue<S>>
        : never;

/** Every field optional: presence is decided by the service. */
export type BillingValue<S extends BillingShape> = { -readonly [K in keyof S]?: RuleValue<S[K]> };

export const billingField = {
  string: { type: 'string' },
  /** A decimal number written as a JSON string ("360.00"); a JSON number is refused. */
  decimal: { type: 'decimal' },
  /** A whole JSON number from 0 to 1,000,000. */
  count: { type: 'count' },
  boolean: { type: 'boolean' },
  /** A list of strings (ids). */
  strings: { type: 'strings' },
  object: <S extends BillingShape>(shape: S) => ({ type: 'object', shape }) as const,
  list: <S extends BillingShape>(shape: S) => ({ type: 'list', shape }) as const,
} as const;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function check(value: Record<string, unknown>, shape: BillingShape, path: string, errors: Record<string, string>, lang: Lang): void {
  for (const key of Object.keys(value)) {
    const name = path ? `${path}.${key}` : key;
    const rule = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
    const item = value[key];
    if (!rule) errors[name] = MESSAGES.unknownField(lang);
    else if (rule.type === 'string') {
      if (typeof item !== 'string') errors[name] = MESSAGES.string(lang);
    } else if (rule.type === 'decimal') {
      if (typeof item !== 'string') errors[name] = MESSAGES.decimal(lang);
    } else if (rule.type === 'count') {
      if (!(typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= MAX_COUNT)) errors[name] = MESSAGES.count(lang);
    } else if (rule.type === 'boolean') {
      if (typeof item !== 'boolean') errors[name] = MESSAGES.boolean(lang);
    } else if (rule.type === 'strings') {
      if (!Array.isArray(item) || item.some((element) => typeof element !== 'string')) errors[name] = MESSAGES.strings(lang);
    } else if (rule.type === 'object') {
      if (isPlainObject(item)) check(item, rule.shape, name, errors, lang);
      else errors[name] = MESSAGES.object(lang);
    } else if (!Array.isArray(item)) errors[name] = MESSAGES.list(lang);
    else
      item.forEach((element, index) => {
        const at = `${name}[${index}]`;
        if (isPlainObject(element)) check(element, rule.shape, at, errors, lang);
        else errors[at] = MESSAGES.object(lang);
      });
  }
}

/**
 * The body as the given shape, or 400 `request.invalid` with one message per offending field
 * (`lines[0].unitPrice`): the body must be a JSON object whose fields are all known and of the
 * right JSON type.
 */
export function parseBillingBody<S extends BillingShape>(body: unknown, shape: S): BillingValue<S> {
  const lang = messageLanguage();
  if (!isPlainObject(body)) throw new RequestInvalidError({ body: MESSAGES.bodyNotObject(lang) }, lang);
  const errors: Record<string, string> = {};
  check(body, shape, '', errors, lang);
  if (Object.keys(errors).length > 0) throw new RequestInvalidError(errors, lang);
  return body as BillingValue<S>;
}

// ---------------------------------------------------------------------------------------------
// Headers

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * The `Idempotency-Key` header: empty when absent, else 1–200 characters of [A-Za-z0-9._:-], or
 * 400 `request.invalid` (a repeated header arrives joined with ", " and is refused too).
 */
export function idempotencyKey(header: string | undefined): string {
  if (header === undefined) return '';
  if (IDEMPOTENCY_KEY.test(header)) return header;
  const lang = messageLanguage();
  throw new RequestInvalidError({ [IDEMPOTENCY_HEADER]: MESSAGES.idempotencyKey(lang) }, lang);
}

// ---------------------------------------------------------------------------------------------
// Query strings with lists and whole numbers

export type BillingQueryRule = 'string' | 'list' | 'count';
export type BillingQueryShape = { readonly [param: string]: BillingQueryRule };
export type BillingQueryValue<Q extends BillingQueryShape> = {
  -readonly [K in keyof Q]?: Q[K] extends 'list' ? string[] : Q[K] extends 'count' ? number : string;
};

/**
 * The query string as the given shape, or 400 `request.invalid`. A `list` parameter may repeat
 * and each value may be a comma-separated list (`kind=invoice,credit_note&kind=remission`); the
 * others must appear once; a `count` is a whole number from 0.
 */
export function parseBillingQuery<Q extends BillingQueryShape>(query: unknown, shape: Q): BillingQueryValue<Q> {
  const lang = messageLanguage();
  const input = isPlainObject(query) ? query : {};
  const errors: Record<string, string> = {};
  const out: Record<string, string | number | string[]> = {};
  for (const [key, raw] of Object.entries(input)) {
    const rule = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
    if (!rule) errors[key] = MESSAGES.unknownField(lang);
    else if (rule === 'list') {
      const values = Array.isArray(raw) ? raw : [raw];
      if (values.every((v): v is string => typeof v === 'string'))
        out[key] = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
      else errors[key] = MESSAGES.string(lang);
    } else if (typeof raw !== 'string') errors[key] = MESSAGES.once(lang);
    else if (rule === 'string') out[key] = raw;
    else if (/^\d{1,7}$/.test(raw) && Number(raw) <= MAX_COUNT) out[key] = Number(raw);
    else errors[key] = MESSAGES.count(lang);
  }
  if (Object.keys(errors).length > 0) throw new RequestInvalidError(errors, lang);
  return out as BillingQueryValue<Q>;
}

// ---------------------------------------------------------------------------------------------
// Ids

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DOCUMENT_NOT_FOUND = text('No existe el documento indicado.', 'The document does not exist.');

/**
 * A document id when it is a UUID; otherwise 404 `document.not_found` with the billing service's
 * message for an id that does not exist, so a malformed id never reaches the service.
 */
export function documentId(id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  throw new NotFoundError('document.not_found', DOCUMENT_NOT_FOUND(messageLanguage()));
}

/** Whether the text is a UUID (the form of every id). */
export const isUuid = (id: string): boolean => UUID.test(id);
