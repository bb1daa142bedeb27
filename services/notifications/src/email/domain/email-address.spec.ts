import { normalizeEmail, parseEmailList } from './email-address';

describe('e-mail addresses (the clients service’s rule)', () => {
  it.each<[string, string | undefined]>([
    ['usuario@galac.com', 'usuario@galac.com'],
    ['  Usuario@Dominio.COM ', 'Usuario@dominio.com'],
    ['cobranza+facturas@mi-empresa.co', 'cobranza+facturas@mi-empresa.co'],
    ['usuario@dominio', undefined],
    ['usu ario@dominio.com', undefined],
    ['Juan <juan@dominio.com>', undefined],
    ['josé@dominio.com', undefined],
  ])('%j → %s', (input, expected) => {
    const result = normalizeEmail(input);
    expect(result.ok ? result.value : undefined).toBe(expected);
  });

  it('splits lists on commas and semicolons, drops duplicates, and names the first bad address', () => {
    expect(parseEmailList('a@x.com, b@y.com; A@X.com;; ')).toEqual({ ok: true, value: ['a@x.com', 'b@y.com'] });
    expect(parseEmailList('a@x.com; malo@x, c@z.com')).toEqual({ ok: false, problem: { code: 'email.invalid', params: { input: 'malo@x', address: 'malo@x' } } });
  });
});
