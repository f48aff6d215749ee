/**
 * Cell parsing (SPEC §4.4). Expected DayNumbers were checked against Date.UTC(y, m-1, d)/864e5
 * (2026-11-05 = 20762) and Excel serials against DOMAIN §4.4 (46331 = 2026-11-05).
 * The date tests must pass under any TZ: run with TZ=UTC, Asia/Shanghai, America/Sao_Paulo.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumberFromYmd,
  excelSerialToDayNumber,
  formatDayNumber,
  normalizeCellText,
  parseBooleanCell,
  parseDateCell,
  parseNumberCell,
} from '../../src/read/cells.js';

const D = 20762; // 2026-11-05

describe('normalizeCellText', () => {
  it.each([
    ['  ９５％ ', '95%'],
    ['\u3000张三\u3000', '张三'],
    ['\u00a0E001\u00a0', 'E001'],
    ['\u200b是\ufeff', '是'],
    ['２０２６年１１月５日', '2026年11月5日'],
    ['张三（新）', '张三(新)'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCellText(input)).toBe(expected);
  });
});

describe('parseNumberCell', () => {
  it.each([
    ['1,234.5', 1234.5],
    [' 95 ', 95],
    ['95%', 0.95],
    ['29%', 0.29],
    ['57%', 0.57],
    ['1.1%', 0.011],
    ['12.5%', 0.125],
    ['-5%', -0.05],
    ['95 %', 0.95],
    ['-3', -3],
    ['+3', 3],
    ['\u22123', -3],
    ['９５', 95],
    ['９５％', 0.95],
    ['１，２３４．５', 1234.5],
    ['1,234,567.8', 1234567.8],
    ['0', 0],
    ['-0', 0],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e5', 100000],
    ['1.23E+11', 123000000000],
    ['2.5e-3', 0.0025],
    ['007', 7],
  ])('%j → %j', (input, expected) => {
    const r = parseNumberCell(input);
    expect(r).toEqual({ ok: true, value: expected });
    if (r.ok) expect(Object.is(r.value, -0)).toBe(false);
  });

  it.each(['', '   ', '\u3000', '\t\n'])('empty %j → null', (input) => {
    expect(parseNumberCell(input)).toEqual({ ok: true, value: null });
  });

  it.each([
    'abc', '1,2,3', '12,34', '1,2345', ',123', '1 234', '1.2.3', '--3', '3-', '%', '95%%',
    'Infinity', '-Infinity', 'NaN', '0x1F', '1_000', '1e', 'e5', '1,234e5', '3次', '2h',
    '2026-11-05', 'N/A', '—', '1e999',
  ])('rejects %j', (input) => {
    const r = parseNumberCell(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(String(r.reason)).toMatch(/^(not a number|number too large \(over 10\^15: an id in a number column\?\))$/);
  });
});

describe('parseBooleanCell', () => {
  const TRUE = ['true', 'yes', 'y', '1', '是', '对', '有', '√', '✓', '✔', '合格', '通过'];
  const FALSE = ['false', 'no', 'n', '0', '否', '错', '无', '×', '✗', '✘', '不合格', '未通过'];

  it.each(TRUE)('%j → true', (w) => expect(parseBooleanCell(w)).toEqual({ ok: true, value: true }));
  it.each(FALSE)('%j → false', (w) => expect(parseBooleanCell(w)).toEqual({ ok: true, value: false }));

  it.each([
    ['TRUE', true], ['Yes', true], ['Y', true], [' 是 ', true], ['\u3000√\u3000', true], ['１', true],
    ['ｙｅｓ', true], ['ＴＲＵＥ', true],
    ['FALSE', false], ['No', false], ['N', false], ['０', false], ['ｎｏ', false],
  ])('case/width-insensitive %j → %j', (w, expected) => {
    expect(parseBooleanCell(w)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '  ', '\u3000'])('empty %j → null', (w) => {
    expect(parseBooleanCell(w)).toEqual({ ok: true, value: null });
  });

  it.each(['maybe', '2', 'x', 'X', '对的', 'yess', '是否', '1.0', 'ok'])('rejects %j', (w) => {
    const r = parseBooleanCell(w);
    expect(r.ok ? r : { ...r, reason: String(r.reason) }).toEqual({
      ok: false,
      reason: 'not a yes/no value (use 是/否, true/false, 1/0)',
    });
  });

  const extra = { trueValues: ['OK', '已完成', 'Ｐａｓｓ', 'N'], falseValues: ['未完成', 'x'] };
  it.each([
    ['ok', true], ['Ok', true], ['已完成', true], ['pass', true], ['是', true],
    ['未完成', false], ['X', false], ['否', false],
    ['n', true], // a config word beats the built-in `n` = no
  ])('extra words: %j → %j', (w, expected) => {
    expect(parseBooleanCell(w, extra)).toEqual({ ok: true, value: expected });
  });
});

describe('dayNumberFromYmd / formatDayNumber', () => {
  it.each([
    [1970, 1, 1, 0, '1970-01-01'],
    [1969, 12, 31, -1, '1969-12-31'],
    [2000, 2, 29, 11016, '2000-02-29'],
    [2024, 2, 29, 19782, '2024-02-29'],
    [1900, 3, 1, -25508, '1900-03-01'],
    [2025, 12, 31, 20453, '2025-12-31'],
    [2026, 1, 1, 20454, '2026-01-01'],
    [2026, 11, 5, D, '2026-11-05'],
    [9999, 12, 31, 2932896, '9999-12-31'],
  ])('%i-%i-%i = %i', (y, m, d, day, text) => {
    expect(dayNumberFromYmd(y, m, d)).toBe(day);
    expect(formatDayNumber(day)).toBe(text);
  });

  it.each([
    [12, 0, 0, D + 0.5, '2026-11-05 12:00'],
    [6, 0, 0, D + 0.25, '2026-11-05 06:00'],
    [14, 30, 0, D + 52200 / 86400, '2026-11-05 14:30'],
    [14, 30, 15, D + 52215 / 86400, '2026-11-05 14:30:15'],
    [23, 59, 59, D + 86399 / 86400, '2026-11-05 23:59:59'],
  ])('time %i:%i:%i', (hh, mi, ss, day, text) => {
    expect(dayNumberFromYmd(2026, 11, 5, hh, mi, ss)).toBeCloseTo(day, 10);
    expect(formatDayNumber(dayNumberFromYmd(2026, 11, 5, hh, mi, ss))).toBe(text);
  });

  it('rolls over like arithmetic (no validation)', () => {
    expect(formatDayNumber(dayNumberFromYmd(2026, 2, 30))).toBe('2026-03-02');
    expect(formatDayNumber(dayNumberFromYmd(2026, 13, 1))).toBe('2027-01-01');
  });

  it('rounds to the second, carrying into the next day', () => {
    expect(formatDayNumber(D + 0.9999999)).toBe('2026-11-06');
  });
});

describe('excelSerialToDayNumber', () => {
  it.each([
    [46327, '2026-11-01'],
    [46331, '2026-11-05'],
    [46356, '2026-11-30'],
    [46357, '2026-12-01'],
    [25569, '1970-01-01'],
    [2958465, '9999-12-31'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-03-01'], // Excel's fictitious 1900-02-29
    [61, '1900-03-01'],
    [46331.5, '2026-11-05 12:00'],
    [46331.604166666664, '2026-11-05 14:30'],
  ])('%d → %s', (serial, text) => {
    expect(formatDayNumber(excelSerialToDayNumber(serial))).toBe(text);
  });

  it('gives exact day numbers', () => {
    expect(excelSerialToDayNumber(46331)).toBe(D);
    expect(excelSerialToDayNumber(46331.5)).toBe(D + 0.5);
    // the same moment from a serial and from text compare equal
    expect(excelSerialToDayNumber(46331.604166666664)).toBe(dayNumberFromYmd(2026, 11, 5, 14, 30));
  });

  it.each([
    [44869, '2026-11-05'],
    [0, '1904-01-01'],
    [59, '1904-02-29'], // 1904 really was a leap year; no 1900 bug in this system
    [44869.25, '2026-11-05 06:00'],
  ])('1904 system: %d → %s', (serial, text) => {
    expect(formatDayNumber(excelSerialToDayNumber(serial, true))).toBe(text);
  });
});

describe('parseDateCell', () => {
  it.each([
    ['2026-11-05', '2026-11-05'],
    ['2026/11/5', '2026-11-05'],
    ['2026/11/05', '2026-11-05'],
    ['2026.11.05', '2026-11-05'],
    ['2026.11.5', '2026-11-05'],
    ['2026-1-5', '2026-01-05'],
    ['2026年11月5日', '2026-11-05'],
    ['2026年11月05日', '2026-11-05'],
    ['2026年11月05号', '2026-11-05'],
    ['2026 年 11 月 5 日', '2026-11-05'],
    ['20261105', '2026-11-05'],
    ['２０２６年１１月５日', '2026-11-05'],
    ['２０２６－１１－０５', '2026-11-05'],
    ['  2026-11-05\u3000', '2026-11-05'],
    ['2026-11-05 14:30', '2026-11-05 14:30'],
    ['2026/11/5 14:30:15', '2026-11-05 14:30:15'],
    ['2026-11-05T14:30', '2026-11-05 14:30'],
    ['2026-11-05T14:30:15.000', '2026-11-05 14:30:15'],
    ['2026-11-05  9:05', '2026-11-05 09:05'],
    ['2026-11-05 00:00', '2026-11-05'],
    ['2026-11-05 23:59:59', '2026-11-05 23:59:59'],
    ['2026.11.05 08:00', '2026-11-05 08:00'],
    ['2026年11月5日 14:30', '2026-11-05 14:30'],
    ['２０２６/１１/５　１４：３０', '2026-11-05 14:30'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['46327', '2026-11-01'],
    ['46331', '2026-11-05'],
    ['46356', '2026-11-30'],
    ['46357', '2026-12-01'],
    ['46331.5', '2026-11-05 12:00'],
    ['４６３３１', '2026-11-05'],
    ['61', '1900-03-01'],
    ['2958465', '9999-12-31'],
  ])('%j → %s', (input, text) => {
    const r = parseDateCell(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(formatDayNumber(r.value as number)).toBe(text);
  });

  it('returns DayNumbers (days since 1970-01-01)', () => {
    expect(parseDateCell('2026-11-05')).toEqual({ ok: true, value: D });
    expect(parseDateCell('46331')).toEqual({ ok: true, value: D });
    expect(parseDateCell('2026-11-05 12:00')).toEqual({ ok: true, value: D + 0.5 });
    expect(parseDateCell('46331.5')).toEqual({ ok: true, value: D + 0.5 });
    expect(parseDateCell('1970-01-01')).toEqual({ ok: true, value: 0 });
  });

  it.each(['', '   ', '\u3000'])('empty %j → null', (input) => {
    expect(parseDateCell(input)).toEqual({ ok: true, value: null });
  });

  const AMBIGUOUS = ['05/11/2026', '5/11/26', '05-11-2026', '05.11.2026', '25/11/2026', '05/11/2026 14:30'];
  it.each(AMBIGUOUS)('ambiguous without date_format: %j', (input) => {
    for (const fmt of [undefined, 'ymd'] as const) {
      const r = parseDateCell(input, fmt);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(String(r.reason)).toMatch(/^ambiguous date.*date_format: dmy or mdy/);
    }
  });

  it.each([
    ['05/11/2026', 'dmy', '2026-11-05'],
    ['05/11/2026', 'mdy', '2026-05-11'],
    ['5/11/26', 'dmy', '2026-11-05'],
    ['11/5/26', 'mdy', '2026-11-05'],
    ['05-11-2026', 'dmy', '2026-11-05'],
    ['05.11.2026', 'dmy', '2026-11-05'],
    ['25/11/2026', 'dmy', '2026-11-25'],
    ['1/2/99', 'dmy', '1999-02-01'],
    ['1/2/30', 'mdy', '1930-01-02'],
    ['1/2/29', 'mdy', '2029-01-02'],
    ['05/11/2026 14:30', 'dmy', '2026-11-05 14:30'],
    ['2026-11-05', 'dmy', '2026-11-05'], // year-first stays unambiguous
    ['2026-11-05', 'mdy', '2026-11-05'],
  ] as const)('%j with %s → %s', (input, fmt, text) => {
    const r = parseDateCell(input, fmt);
    expect(r.ok).toBe(true);
    if (r.ok) expect(formatDayNumber(r.value as number)).toBe(text);
  });

  it.each([
    ['2026-02-30', /^no such date: 2026-02-30$/],
    ['2026-02-29', /^no such date/],
    ['1900-02-29', /^no such date/],
    ['2026-13-01', /^no such date/],
    ['2026-00-10', /^no such date/],
    ['2026-11-31', /^no such date/],
    ['2026-11-00', /^no such date/],
    ['2026年2月30日', /^no such date/],
    ['20260230', /^no such date/],
    ['25/11/2026', /^no such date/, 'mdy'],
    ['31/02/2026', /^no such date/, 'dmy'],
    ['2026-11-05 24:00', /^invalid time/],
    ['2026-11-05 14:60', /^invalid time/],
    ['2026-11-05 14:30:60', /^invalid time/],
    ['60', /^not a date: 60 is not an Excel serial date$/],
    ['5', /^not a date/],
    ['0', /^not a date/],
    ['2958466', /^not a date/],
    ['-46331', /^not a date \(use 2026-11-05\)$/],
    ['tomorrow', /^not a date \(use 2026-11-05\)$/],
    ['2026-11', /^not a date/],
    ['11月5日', /^not a date/],
    ['2026-11/05', /^not a date/],
    ['2026-11-05Z', /^not a date/],
    ['2026-11-05T14:30+08:00', /^not a date/],
    ['2026-11-05 14', /^not a date/],
    ['1e5', /^not a date/],
    ['202611051', /^not a date/],
  ] as const)('rejects %j', (input, reason, fmt?: 'dmy' | 'mdy') => {
    const r = parseDateCell(input, fmt);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(String(r.reason)).toMatch(reason);
  });
});

describe('round trips', () => {
  it('formatDayNumber → parseDateCell gives the same DayNumber (to the second)', () => {
    // 0001-01-01 .. 9999-12-31, any whole second of the day
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), fc.integer({ min: 0, max: 86399 }), (day, sec) => {
        const dn = dayNumberFromYmd(1970, 1, 1 + day, 0, 0, sec);
        const r = parseDateCell(formatDayNumber(dn));
        expect(r).toEqual({ ok: true, value: dn });
      }),
    );
  });

  it('serial ↔ text agree for every day of 1900-03-01 .. 2100', () => {
    for (let serial = 61; serial <= 73415; serial += 1) {
      const fromSerial = excelSerialToDayNumber(serial);
      expect(parseDateCell(formatDayNumber(fromSerial))).toEqual({ ok: true, value: fromSerial });
      expect(fromSerial).toBe(Date.UTC(1899, 11, 30) / 86400000 + serial);
    }
  });
});
