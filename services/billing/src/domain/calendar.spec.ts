import fc from 'fast-check';
import { addDays, daysBetween, dueDateOf, formatIssuedAt, isLocalDate, localDateOf } from './calendar';

describe('localDateOf', () => {
  it.each([
    // the seed's report: 11:25:35 p.m. of the 26th in Caracas (UTC−4)
    ['2024-03-27T03:25:35Z', 'America/Caracas', '2024-03-26'],
    ['2024-01-01T03:59:59.999Z', 'America/Caracas', '2023-12-31'],
    ['2024-01-01T04:00:00Z', 'America/Caracas', '2024-01-01'],
    ['2024-03-01T03:59:59Z', 'America/Caracas', '2024-02-29'],
    // Caracas was UTC−4:30 from December 2007 to May 2016
    ['2015-06-01T04:15:00Z', 'America/Caracas', '2015-05-31'],
    ['2015-06-01T04:30:00Z', 'America/Caracas', '2015-06-01'],
    ['2024-01-01T04:59:59Z', 'America/Bogota', '2023-12-31'],
    ['2024-01-01T05:00:00Z', 'America/Bogota', '2024-01-01'],
    ['2024-03-01T04:59:59Z', 'America/Bogota', '2024-02-29'],
    ['2024-12-31T23:59:59Z', 'UTC', '2024-12-31'],
    ['2025-01-01T00:00:00Z', 'UTC', '2025-01-01'],
  ])('%s in %s → %s', (instant, timeZone, expected) => {
    expect(localDateOf(new Date(instant), timeZone)).toBe(expected);
  });

  it('throws for an unknown time zone or an invalid instant', () => {
    expect(() => localDateOf(new Date(), 'America/Gotham')).toThrow(/Unknown time zone/);
    expect(() => localDateOf(new Date('nope'), 'UTC')).toThrow(/Invalid instant/);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'], // common year
    ['2000-02-28', 1, '2000-02-29'], // divisible by 400: leap
    ['1900-02-28', 1, '1900-03-01'], // divisible by 100: not leap
    ['2100-02-28', 1, '2100-03-01'],
    ['2024-12-31', 1, '2025-01-01'], // year end
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-01-31', 29, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['2024-03-31', -31, '2024-02-29'],
    ['2024-03-10', 0, '2024-03-10'],
  ])('%s + %i → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses fractions of days and invalid dates', () => {
    expect(() => addDays('2024-01-01', 1.5)).toThrow(/whole number/);
    expect(() => addDays('2023-02-29', 1)).toThrow(/Invalid local date/);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-02-01', '2024-03-01', 29],
    ['2023-02-01', '2023-03-01', 28],
    ['2023-12-31', '2024-01-01', 1],
    ['2024-01-31', '2024-02-29', 29],
    ['2024-02-29', '2024-03-31', 31],
    ['2023-12-31', '2024-03-31', 91],
    ['2024-03-31', '2024-01-31', -60],
    ['2024-03-10', '2024-03-10', 0],
    // the US daylight saving change (2024-03-10) must not matter
    ['2024-03-09', '2024-03-11', 2],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('is the inverse of addDays (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 200 }), fc.integer({ min: -20_000, max: 20_000 }), (start, days) => {
        const from = addDays('1950-01-01', start);
        expect(daysBetween(from, addDays(from, days))).toBe(days);
      }),
      { numRuns: 200 },
    );
  });
});

describe('dueDateOf', () => {
  it.each([
    ['2024-01-31', 0, '2024-01-31'],
    ['2024-01-31', 29, '2024-02-29'],
    ['2024-01-31', 30, '2024-03-01'],
    ['2023-12-02', 30, '2024-01-01'],
  ])('issued %s with %i days → %s', (issue, terms, due) => {
    expect(dueDateOf(issue, terms)).toBe(due);
  });

  it('refuses negative or fractional terms', () => {
    expect(() => dueDateOf('2024-01-01', -1)).toThrow();
    expect(() => dueDateOf('2024-01-01', 0.5)).toThrow();
  });
});

describe('isLocalDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-01', false],
    ['24-04-01', false],
    ['0099-01-01', false],
    ['2024-01-01T00:00:00Z', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });
});

describe('formatIssuedAt', () => {
  it.each([
    // exactly the seed's header
    ['2024-03-27T03:25:35Z', 'America/Caracas', 'es', 'Emitido el 26/03/2024 a las 11:25:35 p.m.'],
    ['2024-03-27T03:25:35Z', 'America/Caracas', 'es-VE', 'Emitido el 26/03/2024 a las 11:25:35 p.m.'],
    ['2024-03-27T03:25:35Z', 'America/Caracas', 'en', 'Issued on 03/26/2024 at 11:25:35 PM'],
    ['2024-03-27T03:25:35Z', 'America/Caracas', 'en-US', 'Issued on 03/26/2024 at 11:25:35 PM'],
    ['2024-03-27T04:00:00Z', 'America/Caracas', 'es', 'Emitido el 27/03/2024 a las 12:00:00 a.m.'],
    ['2024-03-27T16:00:00Z', 'America/Caracas', 'es-CO', 'Emitido el 27/03/2024 a las 12:00:00 p.m.'],
    ['2024-03-27T13:05:07Z', 'America/Bogota', 'es-MX', 'Emitido el 27/03/2024 a las 08:05:07 a.m.'],
    ['2024-03-27T13:05:07Z', 'America/Bogota', 'en', 'Issued on 03/27/2024 at 08:05:07 AM'],
    ['2025-01-01T04:59:59Z', 'America/Bogota', 'es', 'Emitido el 31/12/2024 a las 11:59:59 p.m.'],
    ['2024-03-27T03:25:35Z', 'America/Caracas', 'pt-BR', 'Emitido el 26/03/2024 a las 11:25:35 p.m.'], // Spanish by default
  ])('%s in %s, %s → %s', (instant, timeZone, locale, expected) => {
    const text = formatIssuedAt(new Date(instant), timeZone, locale);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/[\u00a0\u202f]/);
  });
});
