import { currencyName, formatDate, formatDecimal, formatTime, localDateTime, localeFormat } from './locale-format';

describe('document formatting by locale', () => {
  const ve = localeFormat('es-VE');
  const en = localeFormat('en');

  it.each([
    ['1234.56', '1.234,56', '1,234.56'],
    ['0.00', '0,00', '0.00'],
    ['-1234567.5', '-1.234.567,5', '-1,234,567.5'],
    ['999', '999', '999'],
    ['1000', '1.000', '1,000'],
    ['-0.00', '0,00', '0.00'],
    ['123456789012345678.99', '123.456.789.012.345.678,99', '123,456,789,012,345,678.99'],
  ])('prints %s from its digits (es-VE %s, en %s)', (value, spanish, english) => {
    expect(formatDecimal(value, ve)).toBe(spanish);
    expect(formatDecimal(value, en)).toBe(english);
  });

  it('never guesses: anything but a plain decimal string is refused', () => {
    for (const bad of ['1e3', '1,5', '', 'NaN', '12.', '.5']) expect(() => formatDecimal(bad, ve)).toThrow(/Not a decimal/);
  });

  it('prints dates and times as seed 000 shows them', () => {
    expect(formatDate('2024-03-26', ve)).toBe('26/03/2024');
    expect(formatDate('2024-03-26', en)).toBe('03/26/2024');
    expect(formatTime('23:25:35', ve)).toBe('11:25:35 p.m.');
    expect(formatTime('00:05:00', ve)).toBe('12:05:00 a.m.');
    expect(formatTime('12:00:00', en)).toBe('12:00:00 PM');
  });

  it('reads an instant on the tenant calendar', () => {
    expect(localDateTime(new Date('2024-03-27T03:25:35Z'), 'America/Caracas')).toEqual({ date: '2024-03-26', time: '23:25:35' });
  });

  it('names the currency in the document language', () => {
    expect(currencyName('VES', ve)).toMatch(/^Bolívar .* \(VES\)$/);
    expect(currencyName('USD', en)).toBe('US Dollar (USD)');
  });

  it('falls back by language, then to es-VE', () => {
    expect(localeFormat('en-US').locale).toBe('en');
    expect(localeFormat('pt-BR').locale).toBe('es-VE');
    expect(localeFormat('es-MX').group).toBe(',');
  });
});
