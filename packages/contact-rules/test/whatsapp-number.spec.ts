import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalizeWhatsAppNumber } from '../src/whatsapp-number';

type Row = [input: string, country: string, expected: { national: string; e164: string } | string];

const ok = (national: string, e164: string) => ({ national, e164 });

// Non-VE expectations were read off libphonenumber-js 1.13 (parsePhoneNumberFromString + getType) before being written here.
const rows: Row[] = [
  // Venezuela: the ways people type an operator mobile.
  ['+58 424-718.18.11', 'VE', ok('04247181811', '+584247181811')],
  ['0424 7181811', 'VE', ok('04247181811', '+584247181811')],
  ['04247181811', 'VE', ok('04247181811', '+584247181811')],
  ['584247181811', 'VE', ok('04247181811', '+584247181811')],
  ['+584247181811', 'VE', ok('04247181811', '+584247181811')],
  ['(0424) 718-1811', 'VE', ok('04247181811', '+584247181811')],
  ['0424-718.18.11', 'VE', ok('04247181811', '+584247181811')],
  ['424 7181811', 'VE', ok('04247181811', '+584247181811')],
  ['  04121234567  ', 'VE', ok('04121234567', '+584121234567')],
  ['0414-123.45.67', 've', ok('04141234567', '+584141234567')],
  ['0416 1234567', 'VE', ok('04161234567', '+584161234567')],
  ['0426 123 45 67', 'VE', ok('04261234567', '+584261234567')],
  ['0422 1234567', 'VE', ok('04221234567', '+584221234567')],
  ['+58 (412) 123-4567', 'VE', ok('04121234567', '+584121234567')],
  ['+58 0424 7181811', 'VE', ok('04247181811', '+584247181811')],
  ['00584247181811', 'VE', ok('04247181811', '+584247181811')],
  // Venezuela: rejected.
  ['', 'VE', 'phone.required'],
  ['   ', 'VE', 'phone.required'],
  ['0424 ABC 1811', 'VE', 'phone.invalid_characters'],
  ['0424718181x', 'VE', 'phone.invalid_characters'],
  ['0424+7181811', 'VE', 'phone.invalid_characters'],
  ['0212 5551234', 'VE', 'phone.landline'],
  ['02415551234', 'VE', 'phone.landline'],
  ['+58 261 555 1234', 'VE', 'phone.landline'],
  ['0424 718181', 'VE', 'phone.wrong_length'],
  ['042471818111', 'VE', 'phone.wrong_length'],
  ['424718181', 'VE', 'phone.wrong_length'],
  ['0413 1234567', 'VE', 'phone.unknown_prefix'],
  ['0400 1234567', 'VE', 'phone.unknown_prefix'],
  ['0499 1234567', 'VE', 'phone.unknown_prefix'],
  ['0800 1234567', 'VE', 'phone.unknown_prefix'],
  ['+57 300 123 4567', 'VE', 'phone.unknown_prefix'],
  // Colombia: no trunk prefix in the national form.
  ['300 123 4567', 'CO', ok('3001234567', '+573001234567')],
  ['+57 321 123 4567', 'CO', ok('3211234567', '+573211234567')],
  ['601 2345678', 'CO', 'phone.landline'],
  ['300 123', 'CO', 'phone.wrong_length'],
  ['llamar 300 1234567', 'CO', 'phone.invalid_characters'],
  ['', 'CO', 'phone.required'],
  // Argentina: formatNational() dials mobiles as 0 + area + 15 + subscriber.
  ['011 15 2345-6789', 'AR', ok('0111523456789', '+5491123456789')],
  ['+54 9 11 2345 6789', 'AR', ok('0111523456789', '+5491123456789')],
  ['011 4321-1234', 'AR', 'phone.landline'],
  ['0351 15 123-4567', 'AR', 'phone.invalid'],
  // Mexico: numbers are FIXED_LINE_OR_MOBILE; the old mobile '1' after +52 is gone.
  ['55 1234 5678', 'MX', ok('5512345678', '+525512345678')],
  ['+52 55 1234 5678', 'MX', ok('5512345678', '+525512345678')],
  ['+52 1 55 1234 5678', 'MX', 'phone.wrong_length'],
  ['123', 'MX', 'phone.wrong_length'],
  // United States.
  ['(201) 555-0123', 'US', ok('2015550123', '+12015550123')],
  ['+1 415 555 2671', 'US', ok('4155552671', '+14155552671')],
  ['800 555 1234', 'US', 'phone.not_mobile'],
  ['555-0123', 'US', 'phone.wrong_length'],
  ['+57 300 123 4567', 'US', 'phone.invalid'],
  // Countries libphonenumber does not know.
  ['300 123 4567', 'XX', 'phone.country_unsupported'],
  ['04247181811', '', 'phone.country_unsupported'],
];

describe('normalizeWhatsAppNumber', () => {
  it('has a table of at least 30 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it.each(rows)('%j (%s)', (input, country, expected) => {
    const result = normalizeWhatsAppNumber(input, country);
    if (typeof expected === 'string') {
      expect(result).toEqual({ ok: false, problem: expect.objectContaining({ code: expected }) });
      if (!result.ok) expect(result.problem.params.input).toBe(input.trim());
    } else {
      expect(result).toEqual({ ok: true, value: expected });
    }
  });

  // The Venezuelan rule is our own; make sure it never contradicts libphonenumber's metadata.
  describe('Venezuelan rows agree with libphonenumber-js', () => {
    // Character and emptiness checks are about typing, not numbering, so they have nothing to compare.
    const numbering = rows.filter(
      ([, country, expected]) =>
        country.toUpperCase() === 'VE' && expected !== 'phone.required' && expected !== 'phone.invalid_characters',
    );
    it.each(numbering)('%j', (input, _country, expected) => {
      const parsed = parsePhoneNumberFromString(input, 'VE');
      if (typeof expected !== 'string') {
        expect(parsed?.getType()).toBe('MOBILE');
        expect(parsed?.number).toBe(expected.e164);
      } else if (expected === 'phone.landline') {
        expect(parsed?.getType()).toBe('FIXED_LINE');
      } else {
        expect(parsed?.isValid() && parsed.getType() === 'MOBILE' && parsed.country === 'VE').toBeFalsy();
      }
    });
  });

  it('puts the country and an example mobile in problems for other countries', () => {
    expect(normalizeWhatsAppNumber('601 2345678', 'co')).toEqual({
      ok: false,
      problem: { code: 'phone.landline', params: { input: '601 2345678', country: 'CO', example: '321 1234567' } },
    });
  });

  it('marks Venezuelan problems with the country so messages show the 11-digit form', () => {
    expect(normalizeWhatsAppNumber('0212 5551234', 'VE')).toEqual({
      ok: false,
      problem: { code: 'phone.landline', params: { input: '0212 5551234', country: 'VE', prefix: '0212' } },
    });
  });
});
