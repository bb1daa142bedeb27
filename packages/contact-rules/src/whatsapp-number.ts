import {
  getCountryCallingCode,
  getExampleNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import type { FieldProblem, PhoneProblemCode } from './problem';

export interface WhatsAppNumber {
  /** Digits only, with the trunk prefix where the country dials one (VE: 04247181811). */
  national: string;
  /** +584247181811 */
  e164: string;
}

export type WhatsAppNumberResult = { ok: true; value: WhatsAppNumber } | { ok: false; problem: FieldProblem };

/** Mobile ranges of Movilnet (0416, 0426), Movistar (0414, 0424) and Digitel (0412, 0422). */
export const VE_MOBILE_PREFIXES: readonly string[] = ['0412', '0414', '0416', '0422', '0424', '0426'];

const VE_NATIONAL_LENGTH = 11;

/** What people type around digits; anything else (letters, '#', 'ext') is rejected rather than guessed at. */
const TYPED_PHONE = /^\+?[0-9\s().\-]+$/;

export function normalizeWhatsAppNumber(input: string, country: string): WhatsAppNumberResult {
  const typed = input.trim();
  const code = country.trim().toUpperCase();
  if (code === 'VE') return normalizeVenezuelan(typed);
  if (!isSupportedCountry(code)) return fail('phone.country_unsupported', { input: typed, country: code });
  return normalizeWithLibrary(typed, code);
}

/**
 * Venezuela follows the product's own rule instead of libphonenumber: only operator mobile
 * prefixes count, and the stored form is the 11-digit one people recognise (04247181811).
 */
function normalizeVenezuelan(typed: string): WhatsAppNumberResult {
  const params = { input: typed, country: 'VE' };
  if (typed === '') return fail('phone.required', params);
  if (!TYPED_PHONE.test(typed)) return fail('phone.invalid_characters', params);

  let digits = typed.replace(/\D/g, '');
  if (typed.startsWith('+')) {
    // An explicit country code other than 58 is a foreign number, never a Venezuelan operator.
    if (!digits.startsWith('58')) return fail('phone.unknown_prefix', params);
    digits = digits.slice(2);
  } else if (digits.startsWith('0058')) {
    digits = digits.slice(4);
  } else if (digits.startsWith('58') && (digits.length === 12 || (digits.length === 13 && digits[2] === '0'))) {
    // 58 without '+' is only taken as the country code at full international length,
    // so short garbage starting with 58 is not silently reinterpreted.
    digits = digits.slice(2);
  }
  // People often drop the trunk 0 ('424 7181811') or keep it after +58 ('+58 0424...').
  const national = digits.startsWith('0') ? digits : `0${digits}`;
  const prefix = national.slice(0, 4);

  if (VE_MOBILE_PREFIXES.includes(prefix)) {
    if (national.length !== VE_NATIONAL_LENGTH) return fail('phone.wrong_length', params);
    return { ok: true, value: { national, e164: `+58${national.slice(1)}` } };
  }
  // Every Venezuelan geographic area code is 02xx (0212 Caracas, 0241 Valencia, 0261 Maracaibo...).
  if (/^02\d{2}/.test(national)) return fail('phone.landline', { ...params, prefix });
  if (national.length !== VE_NATIONAL_LENGTH) return fail('phone.wrong_length', params);
  return fail('phone.unknown_prefix', { ...params, prefix });
}

function normalizeWithLibrary(typed: string, country: CountryCode): WhatsAppNumberResult {
  // The example goes into every problem so the message can show the expected form.
  const example = getExampleNumber(country, mobileExamples)?.formatNational() ?? '';
  const params = { input: typed, country, example };
  if (typed === '') return fail('phone.required', params);
  if (!TYPED_PHONE.test(typed)) return fail('phone.invalid_characters', params);

  const lengthProblem = validatePhoneNumberLength(typed, country);
  if (lengthProblem === 'TOO_SHORT' || lengthProblem === 'TOO_LONG' || lengthProblem === 'INVALID_LENGTH') {
    return fail('phone.wrong_length', params);
  }
  const number = parsePhoneNumberFromString(typed, country);
  // A '+' number of another calling code is not a number of this country; its national form would be foreign.
  if (!number || !number.isValid() || number.countryCallingCode !== getCountryCallingCode(country)) {
    return fail('phone.invalid', params);
  }
  const type = number.getType();
  if (type === 'FIXED_LINE') return fail('phone.landline', params);
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return fail('phone.not_mobile', params);
  return { ok: true, value: { national: number.formatNational().replace(/\D/g, ''), e164: number.number } };
}

function fail(code: PhoneProblemCode, params: Record<string, string>): { ok: false; problem: FieldProblem } {
  return { ok: false, problem: { code, params } };
}
