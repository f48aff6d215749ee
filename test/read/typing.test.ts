/**
 * Typing a text field's cells: the text trimmed (as String.prototype.trim does), null when
 * nothing is left — also on the path that skips trim() for texts with solid ends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field, Source } from '../../src/core/types.js';
import { FieldReader } from '../../src/read/typing.js';

const field: Field = { id: 'kind', type: 'text', headers: ['类型'] };
const source = { id: 'services', fields: [field], trueValues: [], falseValues: [] } as unknown as Source;
const reader = new FieldReader(field, source, { trueValues: [], falseValues: [] });
const expected = (text: string) => (text.trim() === '' ? null : text.trim());

describe('text fields', () => {
  it.each(['E1577', '上门维修', ' E1 ', '\u3000上门\u3000', '\u00a0x', 'x\ufeff', '\tA', 'A\r', '', ' ', '\u3000', 'a b', '㐀', '鿿', 'é', 'x\u2028'])('%j', (text) => {
    expect(reader.fromText(text)).toBe(expected(text));
  });

  it('any text: as trim() gives it', () => {
    const char = fc.constantFrom('a', 'Z', '1', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u2029', '中', 'é', '~', '!', '\u1680', '\u205f');
    fc.assert(fc.property(fc.array(char, { maxLength: 8 }), (chars) => {
      const text = chars.join('');
      expect(reader.fromText(text)).toBe(expected(text));
    }), { numRuns: 2000 });
  });
});
