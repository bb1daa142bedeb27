import { EMAIL_PROBLEM_CODES, PHONE_PROBLEM_CODES, type FieldProblem } from './field-problem';
import { parseEmailList, normalizeEmail } from '@cobranza/contact-rules';
import { localizeProblem, MESSAGES } from './messages';
import { normalizeWhatsAppNumber } from '@cobranza/contact-rules';

const VE_FORM_ES = 'por ejemplo 04121234567 (11 dígitos, sin +58, sin puntos, sin espacios y sin guiones)';
const VE_FORM_EN = 'for example 04121234567 (11 digits, no +58, no dots, no spaces and no dashes)';

function problemOf(result: { ok: true } | { ok: false; problem: FieldProblem }): FieldProblem {
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

describe('MESSAGES', () => {
  const keys = [
    ...PHONE_PROBLEM_CODES,
    ...PHONE_PROBLEM_CODES.filter((code) => code !== 'phone.country_unsupported').map((code) => `${code}#VE`),
    ...EMAIL_PROBLEM_CODES,
    'email.invalid#list',
  ];

  it.each(['es', 'en'] as const)('%s has a message for every code and variant, and nothing else', (locale) => {
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual([...keys].sort());
  });

  it('shows the 11-digit form in every Venezuelan phone message', () => {
    for (const [key, text] of Object.entries(MESSAGES.es).filter(([k]) => k.endsWith('#VE'))) {
      expect([key, text.includes(VE_FORM_ES)]).toEqual([key, true]);
    }
    for (const [key, text] of Object.entries(MESSAGES.en).filter(([k]) => k.endsWith('#VE'))) {
      expect([key, text.includes(VE_FORM_EN)]).toEqual([key, true]);
    }
  });

  it('shows usuario@dominio.com in every email message', () => {
    for (const locale of ['es', 'en'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[locale]).filter(([k]) => k.startsWith('email.'))) {
        expect([key, text.includes('usuario@dominio.com')]).toEqual([key, true]);
      }
    }
  });
});

describe('localizeProblem', () => {
  it('explains a Venezuelan landline in Spanish by default', () => {
    const problem = problemOf(normalizeWhatsAppNumber('0212 5551234', 'VE'));
    expect(localizeProblem(problem, 'es-VE')).toBe(
      'El número 0212 5551234 es un teléfono fijo; WhatsApp requiere un celular de operadora venezolana, ' +
        'por ejemplo 04121234567 (11 dígitos, sin +58, sin puntos, sin espacios y sin guiones).',
    );
    expect(localizeProblem(problem, 'fr')).toBe(localizeProblem(problem, 'es'));
    expect(localizeProblem(problem, '')).toBe(localizeProblem(problem, 'es'));
  });

  it('explains a Venezuelan landline in English for en locales', () => {
    const problem = problemOf(normalizeWhatsAppNumber('0212 5551234', 'VE'));
    const english =
      'The number 0212 5551234 is a landline; WhatsApp needs a mobile number from a Venezuelan operator, ' +
      'for example 04121234567 (11 digits, no +58, no dots, no spaces and no dashes).';
    expect(localizeProblem(problem, 'en')).toBe(english);
    expect(localizeProblem(problem, 'en-US')).toBe(english);
    expect(localizeProblem(problem, 'EN')).toBe(english);
  });

  it.each([
    ['', 'El número de WhatsApp es obligatorio.'],
    ['0424 71818', 'El número 0424 71818 no tiene la cantidad correcta de dígitos.'],
    ['0413 1234567', 'El número 0413 1234567 no empieza con un código de operadora celular venezolana (0412, 0414, 0416, 0422, 0424 o 0426).'],
    ['0424-ABC', 'El número 0424-ABC contiene caracteres no permitidos.'],
  ])('Venezuelan %j in Spanish', (input, start) => {
    const message = localizeProblem(problemOf(normalizeWhatsAppNumber(input, 'VE')), 'es');
    expect(message.startsWith(start)).toBe(true);
    expect(message).toContain(VE_FORM_ES);
  });

  it('names the country and shows an example for other countries', () => {
    const problem = problemOf(normalizeWhatsAppNumber('601 2345678', 'CO'));
    expect(localizeProblem(problem, 'es')).toBe(
      'El número 601 2345678 es un teléfono fijo; WhatsApp requiere un celular de Colombia, por ejemplo 321 1234567.',
    );
    expect(localizeProblem(problem, 'en')).toBe(
      'The number 601 2345678 is a landline; WhatsApp needs a mobile number from Colombia, for example 321 1234567.',
    );
  });

  it('explains an unsupported country', () => {
    const problem = problemOf(normalizeWhatsAppNumber('300 123 4567', 'XX'));
    expect(localizeProblem(problem, 'es')).toBe(
      'No se pueden validar teléfonos del país XX; indique un código de país ISO de dos letras, por ejemplo VE o CO.',
    );
    expect(localizeProblem(problem, 'en')).toContain('country XX');
  });

  it('explains email problems with the expected form', () => {
    expect(localizeProblem(problemOf(normalizeEmail('')), 'es')).toBe(
      'El correo electrónico es obligatorio; debe tener la forma usuario@dominio.com.',
    );
    expect(localizeProblem(problemOf(normalizeEmail('usuario@dominio')), 'es')).toBe(
      'El correo usuario@dominio no es válido; debe tener la forma usuario@dominio.com.',
    );
    expect(localizeProblem(problemOf(normalizeEmail('usuario@dominio')), 'en')).toBe(
      'The email address usuario@dominio is not valid; it must look like usuario@dominio.com.',
    );
  });

  it('names the bad address of a list', () => {
    const problem = problemOf(parseEmailList('a@x.com; malo@, b@y.com'));
    expect(localizeProblem(problem, 'es')).toBe(
      'El correo malo@ de la lista no es válido; cada correo debe tener la forma usuario@dominio.com. Sepárelos con coma o punto y coma.',
    );
    expect(localizeProblem(problem, 'en')).toBe(
      'The email address malo@ in the list is not valid; each address must look like usuario@dominio.com. Separate them with commas or semicolons.',
    );
  });

  it('falls back to the code for an unknown problem', () => {
    expect(localizeProblem({ code: 'foo.bar', params: {} }, 'es')).toBe('Dato no válido (foo.bar).');
    expect(localizeProblem({ code: 'foo.bar', params: {} }, 'en')).toBe('Invalid value (foo.bar).');
  });
});
