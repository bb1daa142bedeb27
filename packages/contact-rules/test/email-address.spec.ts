import { normalizeEmail, parseEmailList } from '../src/email-address';

describe('normalizeEmail', () => {
  const valid: Array<[input: string, expected: string]> = [
    ['usuario@dominio.com', 'usuario@dominio.com'],
    ['  usuario@dominio.com  ', 'usuario@dominio.com'],
    ['Usuario@Dominio.COM', 'Usuario@dominio.com'],
    ['maria.perez@empresa.com.ve', 'maria.perez@empresa.com.ve'],
    ['cobranza+facturas@mi-empresa.co', 'cobranza+facturas@mi-empresa.co'],
    ['a_b-c@sub.dominio.com.ar', 'a_b-c@sub.dominio.com.ar'],
    ['1234@correo123.mx', '1234@correo123.mx'],
    ['x@xn--espaa-rta.com', 'x@xn--espaa-rta.com'],
  ];
  const invalid: Array<[input: string, code: string]> = [
    ['', 'email.required'],
    ['   ', 'email.required'],
    ['usuario', 'email.invalid'],
    ['usuario@', 'email.invalid'],
    ['@dominio.com', 'email.invalid'],
    ['usuario@@dominio.com', 'email.invalid'],
    ['usu@rio@dominio.com', 'email.invalid'],
    ['usuario@dominio', 'email.invalid'],
    ['usuario@dominio.c', 'email.invalid'],
    ['usuario@dominio.c0m', 'email.invalid'],
    ['usuario@-dominio.com', 'email.invalid'],
    ['usuario@dominio-.com', 'email.invalid'],
    ['usuario@dominio..com', 'email.invalid'],
    ['usuario@.dominio.com', 'email.invalid'],
    ['usuario@dominio.com.', 'email.invalid'],
    ['usuario@domi_nio.com', 'email.invalid'],
    ['.usuario@dominio.com', 'email.invalid'],
    ['usuario.@dominio.com', 'email.invalid'],
    ['usu..ario@dominio.com', 'email.invalid'],
    ['usu ario@dominio.com', 'email.invalid'],
    ['usuario@domi nio.com', 'email.invalid'],
    ['usu,ario@dominio.com', 'email.invalid'],
    ['usu;ario@dominio.com', 'email.invalid'],
    ['"usuario"@dominio.com', 'email.invalid'],
    ['Juan <juan@dominio.com>', 'email.invalid'],
    ['josé@dominio.com', 'email.invalid'],
    ['usuario@dominio.com, otro@dominio.com', 'email.invalid'],
    [`${'a'.repeat(65)}@dominio.com`, 'email.invalid'],
    [`usuario@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(51)}.com`, 'email.invalid'],
  ];

  it('has a table of at least 20 rows', () => {
    expect(valid.length + invalid.length).toBeGreaterThanOrEqual(20);
  });

  it.each(valid)('accepts %j', (input, expected) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, value: expected });
  });

  it.each(invalid)('rejects %j with %s', (input, code) => {
    expect(normalizeEmail(input)).toEqual({ ok: false, problem: { code, params: { input: input.trim() } } });
  });

  it('accepts an address of exactly 254 characters', () => {
    const address = `usuario@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(50)}.com`;
    expect(address).toHaveLength(254);
    expect(normalizeEmail(address)).toEqual({ ok: true, value: address });
    expect(normalizeEmail(`x${address}`).ok).toBe(false);
  });
});

describe('parseEmailList', () => {
  it.each<[string, string, string[]]>([
    ['comma', 'a@x.com,b@y.com', ['a@x.com', 'b@y.com']],
    ['semicolon', 'a@x.com;b@y.com', ['a@x.com', 'b@y.com']],
    ['mixed separators', 'a@x.com, b@y.com; c@z.com', ['a@x.com', 'b@y.com', 'c@z.com']],
    ['spaces and empty entries', '  a@x.com ;; , b@y.com ;  ', ['a@x.com', 'b@y.com']],
    ['one address', ' a@x.com ', ['a@x.com']],
    ['nothing', ' ; , ', []],
    ['duplicates, case-insensitive, first spelling kept', 'Ana@X.com; b@y.com, ana@x.COM;B@Y.COM', ['Ana@x.com', 'b@y.com']],
    ['domain lowercased', 'cobranza@EMPRESA.com.VE', ['cobranza@empresa.com.ve']],
  ])('%s', (_name, input, expected) => {
    expect(parseEmailList(input)).toEqual({ ok: true, value: expected });
  });

  it('fails the whole list on one invalid address, naming it', () => {
    expect(parseEmailList('a@x.com; usuario@dominio, c@z.com')).toEqual({
      ok: false,
      problem: { code: 'email.invalid', params: { input: 'usuario@dominio', address: 'usuario@dominio' } },
    });
  });

  it('names the first invalid address when there are several', () => {
    const result = parseEmailList('bad one@x.com, also@bad');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.params.address).toBe('bad one@x.com');
  });

  it('rejects addresses separated only by spaces', () => {
    const result = parseEmailList('a@x.com b@y.com');
    expect(result).toEqual({
      ok: false,
      problem: { code: 'email.invalid', params: { input: 'a@x.com b@y.com', address: 'a@x.com b@y.com' } },
    });
  });
});
