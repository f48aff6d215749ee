/**
 * Rows crossing from the workbook worker travel as columns (src/read/xlsx-messages.ts):
 * whatever a sheet holds — texts, numbers (−0 and the largest included), booleans, dates,
 * error cells, gaps — arrives as the same rows, in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRows, encodeRows, transferables } from '../../src/read/xlsx-messages.js';
import type { RawCell, RawRow } from '../../src/read/table.js';

const cell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.constantFrom('上门维修', '是', '√', ''),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.integer({ min: -700_000, max: 2_958_465 }).map((day) => ({ day })),
  fc.double({ min: 0, max: 60_000, noNaN: true }).map((day) => ({ day })),
  fc.constantFrom('#DIV/0!', '#N/A', '#VALUE!').map((error) => ({ error })),
);
const row: fc.Arbitrary<RawRow> = fc.record({ row: fc.integer({ min: 1, max: 1_048_576 }), cells: fc.array(cell, { maxLength: 12 }) }).map(({ row, cells }) => ({ row, cells }));

describe('rows as columns', () => {
  it('decode(encode(rows)) is the rows', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
      expect(decodeRows(encodeRows(rows))).toStrictEqual(rows);
    }), { numRuns: 500 });
  });

  it('lists each distinct text of a batch once, and moves only typed-array memory', () => {
    const rows: RawRow[] = [
      { row: 2, cells: ['E1', { day: 20394 }, '上门维修', 5, true, null, { error: '#N/A' }] },
      { row: 3, cells: ['E1', { day: 20395 }, '上门维修', -0, false] },
    ];
    const encoded = encodeRows(rows);
    expect(encoded.texts).toEqual(['E1', '上门维修', '#N/A']);
    expect(Object.is(decodeRows(encoded)[1].cells[3], -0)).toBe(true);
    expect(transferables(encoded).every((b) => b instanceof ArrayBuffer)).toBe(true);
  });
});
