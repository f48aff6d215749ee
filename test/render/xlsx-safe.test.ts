/**
 * What may reach a workbook cell or sheet tab (RELIABILITY §0.6, §2.5): cleaned text, CJK
 * widths, and sheet names that are legal and unique even after cutting to 31 characters.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, displayWidth, finite, SheetNames } from '../../src/render/xlsx/safe.js';

describe('sheet names', () => {
  it.each([
    ['a/b\\c:d*e?f[g]h', 'a_b_c_d_e_f_g_h'],
    ["'quoted'", 'quoted'],
    ["O'Brien", 'O’Brien'],
    ['History', 'History_'],
    ['   ', 'Sheet_'],
    ['tab\there', 'tab here'],
    ['x'.repeat(40), 'x'.repeat(31)],
    ['😀'.repeat(20), '😀'.repeat(15)],
  ])('%j → %j', (wanted, expected) => {
    expect(new SheetNames().claim(wanted)).toBe(expected);
  });

  it('de-duplicates ignoring case, with a suffix that still fits in 31', () => {
    const names = new SheetNames(['Summary']);
    const long = 'E001 '.padEnd(40, '长');
    expect([names.claim('summary'), names.claim(long), names.claim(long), names.claim('e001 '.padEnd(40, '长'))]).toEqual([
      'summary (2)', long.slice(0, 31), `${long.slice(0, 27)} (2)`, `${'e001 '.padEnd(40, '长').slice(0, 27)} (3)`,
    ]);
  });
});

describe('cell text and numbers', () => {
  it('drops lone surrogates, U+FFFE/U+FFFF and C0 controls; keeps tab, newline and pairs', () => {
    expect(cleanText('a\uD800b\uDC00c\uFFFEd\uFFFF\u0000e\u001Bf\tg\nh😀')).toBe('abcdef\tg\nh😀');
  });

  it('cuts to 32,767 units without splitting a surrogate pair', () => {
    expect(cleanText('x'.repeat(40_000))).toHaveLength(32_767);
    expect(cleanText(`${'x'.repeat(32_766)}😀`)).toHaveLength(32_766);
  });

  it('counts CJK and full-width characters as two columns', () => {
    expect([displayWidth('abc'), displayWidth('客户服务'), displayWidth('ＡＢ'), displayWidth('短\n更长的一行')]).toEqual([3, 8, 4, 10]);
  });

  it('keeps only finite numbers', () => {
    expect([finite(1.5), finite(Number.NaN), finite(Infinity), finite(null)]).toEqual([1.5, null, null, null]);
  });
});
