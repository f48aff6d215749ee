/**
 * ColumnTyper: typing a ledger cell straight from its bytes (the fast path of text
 * ledgers) must give exactly what the field's reader gives for the cell's text —
 * `FieldReader.fromText`, the reference every other path uses. The typer keeps a pool of
 * texts per column and a direct-mapped cache of short texts in front of it, so the cases
 * below put many cells in one buffer (at odd offsets, in buffers that do not start at
 * their ArrayBuffer's start) and type them again and again with one typer: cache hits,
 * misses, slot collisions, the cache growing and the pool filling up all get their turn.
 * Unreadable results are compared by their reason. `typer.entry` (the pool entry the
 * table reader keys employees by) is checked against its rule in src/read/column-typer.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field, FieldType, Source } from '../../src/core/types.js';
import { ColumnTyper } from '../../src/read/column-typer.js';
import { booleanWords, FieldReader, Unreadable } from '../../src/read/typing.js';

const FIELD_TYPES: FieldType[] = ['text', 'number', 'boolean', 'date'];
/** The pool keeps at most this many distinct texts per column (MAX_KEPT in column-typer.ts). */
const MAX_KEPT = 1 << 16;
/** Texts longer than this are never pooled (MAX_POOLED_BYTES in text-pool.ts). */
const MAX_POOLED_BYTES = 64;

interface Column {
  field: Field;
  source: Source;
}

function column(type: FieldType, options: { trueValues?: string[]; falseValues?: string[]; dateFormat?: 'dmy' | 'mdy' } = {}): Column {
  const field: Field = { id: `f_${type}`, type, headers: ['H'] };
  const source = {
    id: 'services', fields: [field], dated: false,
    trueValues: options.trueValues ?? [], falseValues: options.falseValues ?? [], dateFormat: options.dateFormat,
  } as Source;
  return { field, source };
}

/** A fresh reader for the column: the reference, shares no cache with the typer's reader. */
const readerOf = ({ field, source }: Column) => new FieldReader(field, source, booleanWords(source));

/** A result as a plain value: Unreadable instances compare by their reason. */
function plain(value: unknown): unknown {
  return value instanceof Unreadable ? { unreadable: String(value.reason) } : value;
}

interface Laid {
  buf: Buffer;
  view: DataView;
  /** Where each text lies in `buf`: [start, end). */
  bounds: [number, number][];
}

/**
 * The texts in one buffer, `lead` filler bytes first and a `|` after each, as a
 * subarray `shift` bytes into a larger allocation (so buf.byteOffset ≠ 0 when shift > 0).
 */
function lay(texts: readonly string[], lead = 0, shift = 0): Laid {
  const parts: Buffer[] = [Buffer.alloc(shift, 0x58), Buffer.alloc(lead, 0x7c)];
  const bounds: [number, number][] = [];
  let at = lead;
  for (const text of texts) {
    const bytes = Buffer.from(text, 'utf8');
    bounds.push([at, at + bytes.length]);
    parts.push(bytes, Buffer.from('|'));
    at += bytes.length + 1;
  }
  const whole = Buffer.concat(parts);
  const buf = whole.subarray(shift);
  return { buf, view: new DataView(buf.buffer, buf.byteOffset, buf.byteLength), bounds };
}

/** The rule for `entry`: a pool entry exactly for a non-empty text of at most 64 bytes,
 *  while the pool has room (or already holds the text) — a number field's pool too, which
 *  keeps 4,096 texts (below, past them its cells are read from their digits). */
function expectsEntry(_type: FieldType, text: string): boolean {
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > 0 && bytes <= MAX_POOLED_BYTES;
}

/**
 * Types every cell of `laid` with `typer` in the order given by `order` and checks each
 * against the reference reader, and the entry rule; the same text must always get the
 * same entry, and different texts different entries.
 */
function typeAndCheck(typer: ColumnTyper, col: Column, laid: Laid, texts: readonly string[], order: readonly number[], entries = new Map<string, number>()): Map<string, number> {
  const reference = readerOf(col);
  // Mismatches are gathered and compared once: an expect() per cell would dominate the time.
  const wrong: string[] = [];
  for (const k of order) {
    const [start, end] = laid.bounds[k];
    const text = texts[k];
    const got = plain(typer.value(laid.buf, laid.view, start, end));
    const want = plain(reference.fromText(text));
    const same = typeof want === 'object' && want !== null ? JSON.stringify(got) === JSON.stringify(want) : Object.is(got, want);
    if (!same) wrong.push(`${col.field.type} cell ${JSON.stringify(text)} at ${start}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    const pooled = expectsEntry(col.field.type, text);
    if (typer.entry >= 0 !== pooled) wrong.push(`${col.field.type} cell ${JSON.stringify(text)}: entry ${typer.entry}, expected ${pooled ? 'one' : 'none'}`);
    if (pooled) {
      const known = entries.get(text);
      if (known === undefined) entries.set(text, typer.entry);
      else if (typer.entry !== known) wrong.push(`${JSON.stringify(text)}: entry ${typer.entry}, before ${known}`);
    }
  }
  expect(wrong.slice(0, 20)).toEqual([]);
  const byEntry = new Map<number, string>();
  for (const [text, entry] of entries) {
    expect(byEntry.has(entry), `entry ${entry} shared by ${JSON.stringify(byEntry.get(entry))} and ${JSON.stringify(text)}`).toBe(false);
    byEntry.set(entry, text);
  }
  return entries;
}

const forwardAndBack = (n: number): number[] => [...Array.from({ length: n }, (_, i) => i), ...Array.from({ length: n }, (_, i) => n - 1 - i)];

// A 15-byte text (five 3-byte characters), a 16-byte one, a 17-byte one and a 70-byte one:
// either side of the cache's 16 bytes and the pool's 64.
const FIFTEEN = '预防性维护';
const SIXTEEN = '预防性维护X';
const SEVENTEEN = '预防性维护XY';
const SEVENTY = `${'上门维修'.repeat(5)}0123456789`; // 60 + 10 bytes
const SIXTY_FOUR = `${'上门维修'.repeat(5)}ABCD`; // 64 bytes: pooled, not cached

const HAND_PICKED = [
  '', ' ', '\u3000', ' 42 ', '42', '3.9', '-0', '+0', '+7.', '.5', '-.5', '.', '-', '+', '1.2.3', '1,234.5', '1,234,567', '12,34', '95%', '9.5 %', '９５', '９５％',
  '1e5', '1.23E+11', '123456789012345', '1234567890123456', '12345678901234567', '999999999999999.9', '0.1', '0.30000000000000004', '00042', '−3',
  '是', '否', '√', '×', '✓', ' yes ', 'YES', 'No', 'true', 'FALSE', 'y', 'n', '1', '0', '对', '不合格', '未通过', 'maybe', 'OK', 'ok', 'N',
  '2026-11-05', '2026/11/5', '2026-02-30', '2026-02-29', '2024-02-29', '2026.11.05', '2026年11月5日', '2026年11月5号', '20261105', '05/11/2026', '5/11/26',
  '2026-11-05 14:30', '2026-11-05T09:05:07', '2026-11-05 24:00', '46000', '60', '61', '2026-13-01', '2026-1-1',
  '上门维修', FIFTEEN, SIXTEEN, SEVENTEEN, SIXTY_FOUR, SEVENTY, 'E1577', ' E1577', 'E1577 ', '\u3000上门\u3000', '\u00a0x', 'x\ufeff', '\tA', 'a b', '是\u200b',
  'ａｂｃ', '㐀', '鿿', 'é', 'abc', 'abcd', 'abcdefgh', 'abcdefghi', 'abcdefghijklmnop', 'abcdefghijklmnopq',
];

describe('ColumnTyper: hand-picked cells give what the field reader gives', () => {
  it.each(FIELD_TYPES)('%s field', (type) => {
    const col = column(type);
    const typer = new ColumnTyper(readerOf(col), col.field);
    // Three layouts of the same cells, typed by one typer: the second and third meet the
    // cache and the pool already filled, at other offsets and other alignments.
    const entries = new Map<string, number>();
    for (const [lead, shift] of [[0, 0], [3, 1], [1, 7]] as const) {
      const laid = lay(HAND_PICKED, lead, shift);
      typeAndCheck(typer, col, laid, HAND_PICKED, forwardAndBack(HAND_PICKED.length), entries);
    }
  });

  it('a boolean field with its own words, and a date field with a day-first format', () => {
    for (const col of [column('boolean', { trueValues: ['OK', 'Ｎ'], falseValues: ['bad'] }), column('date', { dateFormat: 'dmy' }), column('date', { dateFormat: 'mdy' })]) {
      const typer = new ColumnTyper(readerOf(col), col.field);
      const laid = lay(HAND_PICKED, 5, 3);
      typeAndCheck(typer, col, laid, HAND_PICKED, forwardAndBack(HAND_PICKED.length));
    }
  });

  it('reads the values a person expects (not only what the reader says)', () => {
    const valueOf = (type: FieldType, text: string) => {
      const col = column(type);
      const laid = lay([text], 2, 1);
      return plain(new ColumnTyper(readerOf(col), col.field).value(laid.buf, laid.view, laid.bounds[0][0], laid.bounds[0][1]));
    };
    expect(valueOf('number', ' 42 ')).toBe(42);
    expect(valueOf('number', '3.9')).toBe(3.9);
    expect(Object.is(valueOf('number', '-0'), 0)).toBe(true); // never -0
    expect(valueOf('number', '+7.')).toBe(7);
    expect(valueOf('number', '.5')).toBe(0.5);
    expect(valueOf('number', '1,234.5')).toBe(1234.5);
    expect(valueOf('number', '95%')).toBe(0.95);
    expect(valueOf('number', '９５')).toBe(95);
    expect(valueOf('number', '1e5')).toBe(100000);
    expect(valueOf('number', '12345678901234567')).toEqual({ unreadable: 'number too large (over 10^15: an id in a number column?)' });
    expect(valueOf('number', '')).toBeNull();
    expect(valueOf('boolean', '是')).toBe(true);
    expect(valueOf('boolean', '否')).toBe(false);
    expect(valueOf('boolean', '√')).toBe(true);
    expect(valueOf('boolean', ' yes ')).toBe(true);
    expect(valueOf('date', '2026-11-05')).toBe(20762); // 2026-01-01 = 20454, + 308 days
    expect(valueOf('date', '2026/11/5')).toBe(20762);
    expect(valueOf('date', '2026-02-30')).toEqual({ unreadable: 'no such date: 2026-02-30' });
    expect(valueOf('text', '预防性维护')).toBe('预防性维护');
    expect(valueOf('text', '\u3000上门\u3000')).toBe('上门');
    expect(valueOf('text', '   ')).toBeNull();
  });
});

describe('ColumnTyper: the cache in front of the pool', () => {
  it('many distinct short texts (the cache grows past 256 slots up to its largest) and repeats, in one typer', () => {
    for (const type of ['text', 'date', 'boolean'] as const) {
      const col = column(type);
      const typer = new ColumnTyper(readerOf(col), col.field);
      // Ids of 1 to 16 bytes, dates and yes/no words, 5000 distinct texts in all: the cache
      // is rebuilt each time the pool passes a quarter of its slots (65, 129, … texts).
      const texts: string[] = [];
      for (let i = 0; i < 5000; i++) {
        const id = `E${i}`;
        texts.push(i % 3 === 0 ? id : i % 3 === 1 ? `${id}${'x'.repeat(i % 12)}` : `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 31) + 1).padStart(2, '0')}`);
      }
      texts.push('是', '否', '√', '×', '', ' ', 'yes', FIFTEEN, SIXTEEN, SEVENTEEN, SEVENTY);
      const laid = lay(texts, 1, 3);
      const order = Array.from({ length: texts.length }, (_, i) => i);
      const entries = typeAndCheck(typer, col, laid, texts, order);
      // Again, forwards and in a scattered order: hits now, where slots were not overwritten.
      typeAndCheck(typer, col, laid, texts, order, entries);
      typeAndCheck(typer, col, laid, texts, order.map((i) => (i * 7919) % texts.length), entries);
    }
  });

  it('texts that differ in one byte only, at each place of a 16-byte text, are told apart', () => {
    const col = column('text');
    const typer = new ColumnTyper(readerOf(col), col.field);
    const texts: string[] = [];
    for (let length = 1; length <= 17; length++) {
      const base = 'abcdefghijklmnopq'.slice(0, length);
      texts.push(base);
      for (let k = 0; k < length; k++) texts.push(`${base.slice(0, k)}Z${base.slice(k + 1)}`);
    }
    const laid = lay(texts, 0, 2);
    const order = forwardAndBack(texts.length);
    typeAndCheck(typer, col, laid, texts, [...order, ...order]);
  });

  it('past the pool\'s 65,536 texts a cell is still read right, with no entry', () => {
    const col = column('text');
    const typer = new ColumnTyper(readerOf(col), col.field);
    const count = MAX_KEPT + 500;
    const texts = Array.from({ length: count }, (_, i) => `id${i}`);
    const laid = lay(texts, 0, 1);
    for (let i = 0; i < count; i++) {
      const [start, end] = laid.bounds[i];
      expect(typer.value(laid.buf, laid.view, start, end)).toBe(texts[i]);
      if ((typer.entry >= 0) !== i < MAX_KEPT) expect.fail(`text ${i}: entry ${typer.entry}`);
    }
    // The kept ones are found again (and keep their entry); the later ones stay unkept.
    for (const i of [0, 1, 255, 4096, MAX_KEPT - 1, MAX_KEPT, count - 1]) {
      const [start, end] = laid.bounds[i];
      expect(typer.value(laid.buf, laid.view, start, end)).toBe(texts[i]);
      expect(typer.entry >= 0).toBe(i < MAX_KEPT);
    }
  });
});

describe('ColumnTyper: a number field with many distinct texts', () => {
  it('keeps 4,096 of them; past that each cell is read from its digits, to the same value', () => {
    const col = column('number');
    const typer = new ColumnTyper(readerOf(col), col.field);
    const reference = readerOf(col);
    const count = 4096 + 300;
    // Amounts: all distinct, plain or not (a few with thousands separators or a percent).
    const texts = Array.from({ length: count }, (_, i) => (i % 97 === 0 ? `${i},${String(i % 1000).padStart(3, '0')}` : i % 89 === 0 ? `${i / 10}%` : `${i}.${i % 7}`));
    const laid = lay(texts, 0, 3);
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < count; i++) {
        const [start, end] = laid.bounds[i];
        expect(typer.value(laid.buf, laid.view, start, end), texts[i]).toStrictEqual(reference.fromText(texts[i]));
        expect(typer.entry >= 0, texts[i]).toBe(i < 4096);
      }
    }
  });
});

describe('ColumnTyper: any cell text, any field (property)', () => {
  // A small alphabet, so the same texts come back and numbers, percentages and yes/no
  // words are frequent; and any code point at all.
  const smallChar = fc.constantFrom('0', '1', '2', '5', '9', '.', '-', '+', '%', ',', ' ', '\u3000', '是', '否', '√', '×', 'e', '/', '９', '２');
  const smallText = fc.string({ unit: smallChar, maxLength: 12 });
  const anyText = fc.string({ unit: 'binary', maxLength: 24 });
  const cellText = fc.oneof({ weight: 4, arbitrary: smallText }, { weight: 1, arbitrary: anyText }, { weight: 1, arbitrary: fc.constantFrom(...HAND_PICKED) });
  // Texts as a UTF-8 file holds them: what the bytes decode to.
  const ledgerText = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

  it.each(FIELD_TYPES)('%s field', (type) => {
    fc.assert(fc.property(fc.array(cellText, { minLength: 1, maxLength: 150 }), fc.nat(9), fc.nat(9), fc.array(fc.nat(), { maxLength: 300 }), (raw, lead, shift, picks) => {
      const texts = raw.map(ledgerText);
      const col = column(type);
      const typer = new ColumnTyper(readerOf(col), col.field);
      const laid = lay(texts, lead, shift);
      const order = [...texts.keys(), ...picks.map((p) => p % texts.length)];
      typeAndCheck(typer, col, laid, texts, order);
    }), { numRuns: 300 });
  });
});
