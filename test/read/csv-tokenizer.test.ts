/**
 * The CSV tokenizer on its own: records and the line each starts on, however the bytes
 * are split into chunks; the errors csv-parse raised, at the same lines; and, over random
 * texts, the same records as csv-parse with the options kpi used it with (every line
 * break ending a record).
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer } from '../../src/read/csv-tokenizer.js';
import type { RawRow } from '../../src/read/table.js';

/** Tokenizes `text`, handing it over `size` bytes at a time. */
function tokenize(text: string, delimiter = ',', size = 1 << 16): RawRow[] {
  const bytes = Buffer.from(text, 'utf8');
  const tokenizer = new CsvTokenizer(delimiter);
  const rows: RawRow[] = [];
  for (let at = 0; at < bytes.length; at += size) tokenizer.push(bytes.subarray(at, at + size), rows);
  tokenizer.end(rows);
  return rows;
}

const rows = (...list: [number, string[]][]) => list.map(([row, cells]) => ({ row, cells }));

describe('records and their lines', () => {
  it.each<[string, string, RawRow[]]>([
    ['LF', 'a,b\n1,2\n', rows([1, ['a', 'b']], [2, ['1', '2']])],
    ['no final line break', 'a,b\n1,2', rows([1, ['a', 'b']], [2, ['1', '2']])],
    ['CRLF', 'a,b\r\n1,2\r\n', rows([1, ['a', 'b']], [2, ['1', '2']])],
    ['CR only (old Mac Excel)', 'a,b\r1,2\r', rows([1, ['a', 'b']], [2, ['1', '2']])],
    ['a blank line is a record of one empty cell', 'a\n\nb\n', rows([1, ['a']], [2, ['']], [3, ['b']])],
    ['ragged rows', 'a,b,c\n1\n1,2,3,4\n', rows([1, ['a', 'b', 'c']], [2, ['1']], [3, ['1', '2', '3', '4']])],
    ['empty cells', ',,\n', rows([1, ['', '', '']])],
    ['quoted delimiter', '"1,234.5",x\n', rows([1, ['1,234.5', 'x']])],
    ['doubled quotes', '"say ""hi""",""\n', rows([1, ['say "hi"', '']])],
    ['a cell over two lines: the next row starts on line 3', 'a,"x\ny"\nb,z\n', rows([1, ['a', 'x\ny']], [3, ['b', 'z']])],
    ['LF inside quotes in a CRLF file (Alt+Enter in Excel)', 'a,"x\ny"\r\nb,z\r\n', rows([1, ['a', 'x\ny']], [3, ['b', 'z']])],
    ['CRLF inside quotes counts one line', 'a,"x\r\ny"\r\nb\r\n', rows([1, ['a', 'x\r\ny']], [3, ['b']])],
    // Every line break outside quotes ends a record, as in an editor: csv-parse let the
    // first one decide, so a stray CR in a LF file glued two rows into one.
    ['a lone CR in a LF file ends a record', 'a,b\nc\r,d\n', rows([1, ['a', 'b']], [2, ['c']], [3, ['', 'd']])],
    ['a lone CR between LF records', 'a,b\n1,2\r3,4\n5,6\n', rows([1, ['a', 'b']], [2, ['1', '2']], [3, ['3', '4']], [4, ['5', '6']])],
    ['a lone LF in a CRLF file ends a record', 'a\r\nb\nc\r\n', rows([1, ['a']], [2, ['b']], [3, ['c']])],
    ['quoted cell at the end of the input', 'a,"b"', rows([1, ['a', 'b']])],
    ['Chinese text and other delimiters', '工号;满意度\nE1;４\n', rows([1, ['工号;满意度']], [2, ['E1;４']])],
  ])('%s', (_name, text, expected) => {
    for (const size of [1, 2, 3, 7, 1 << 16]) expect(tokenize(text, ',', size)).toEqual(expected);
  });

  it.each([';', '\t', '|', '；'])('delimiter %j (bytes split anywhere)', (d) => {
    const text = `a${d}"b${d}c"${d}\n1${d}2${d}3\n`;
    for (const size of [1, 2, 5, 1 << 16]) {
      expect(tokenize(text, d, size)).toEqual(rows([1, ['a', `b${d}c`, '']], [2, ['1', '2', '3']]));
    }
  });

  it('a repeated text is the same string each time', () => {
    const [first, second] = tokenize('上门维修,E0001\n上门维修,E0001\n');
    expect(second.cells).toEqual(first.cells);
  });
});

describe('malformed CSV: the codes and messages csv-parse gave, and the line', () => {
  it.each<[string, string, string, number]>([
    ['a quote never closed', 'a,b\n1,"x\n2,3\n', 'CSV_QUOTE_NOT_CLOSED', 2],
    ['text after a closing quote', 'a,b\n6,"ok"z\n7,8\n', 'CSV_INVALID_CLOSING_QUOTE', 2],
    ['a quote inside an unquoted cell', 'a,b\n1,x"y\n', 'INVALID_OPENING_QUOTE', 2],
    ['after a cell over two lines', 'a,"1\n2"\n3,"x"y\n', 'CSV_INVALID_CLOSING_QUOTE', 3],
  ])('%s', (_name, text, code, line) => {
    for (const size of [1, 3, 1 << 16]) {
      const error = (() => {
        try {
          tokenize(text, ',', size);
        } catch (e) {
          return e;
        }
      })() as CsvSyntaxError;
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect([error.code, error.line]).toEqual([code, line]);
    }
  });

  it('messages read as csv-parse wrote them', () => {
    expect(() => tokenize('a\n6,"ok"z\n')).toThrow('Invalid Closing Quote: got "z" at line 2 instead of delimiter, record delimiter, trimable character (if activated) or comment');
    expect(() => tokenize('a,b\n1,x"y\n')).toThrow('Invalid Opening Quote: a quote is found on field 1 at line 2, value is "x"');
  });

  it('a record over 1 MiB is refused (a stray quote cannot gather the file into memory)', () => {
    const text = `a\n"${'x'.repeat((1 << 20) + 10)}"\n`;
    expect(() => tokenize(text, ',', 1 << 16)).toThrow(expect.objectContaining({ code: 'CSV_MAX_RECORD_SIZE', line: 2 }));
  });
});

describe('the same records as csv-parse (property)', () => {
  // csv-parse told that CRLF, LF and CR all end records: kpi's one departure from its defaults.
  const csvParse = (text: string): string[][] => parse(text, { relax_column_count: true, skip_empty_lines: false, bom: false, record_delimiter: ['\r\n', '\n', '\r'] });
  const piece = fc.constantFrom('a', 'b', '1', ',', '"', '\n', '\r\n', '\r', ' ', '中', '"x"', '""', 'é');

  it('any text: both read the same cells, or both refuse it', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 9 }), (pieces, size) => {
        const text = pieces.join('');
        let expected: string[][] | 'error';
        try {
          expected = csvParse(text);
        } catch {
          expected = 'error';
        }
        let actual: string[][] | 'error';
        try {
          actual = tokenize(text, ',', size).map((r) => r.cells as string[]);
        } catch {
          actual = 'error';
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('well-formed CSV written from random cells reads back cell for cell, on the right lines', () => {
    const cell = fc.array(fc.constantFrom('a', '1', ',', '"', '\n', ' ', '中'), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (records) => {
        const quote = (c: string) => (/[",\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);
        const text = records.map((r) => r.map(quote).join(',')).join('\n');
        const read = tokenize(text, ',', 4);
        expect(read.map((r) => r.cells)).toEqual(records);
        let line = 1;
        read.forEach((r, i) => {
          expect(r.row).toBe(line);
          line += records[i].join('').split('\n').length;
        });
      }),
      { numRuns: 500 },
    );
  });
});

/** The records of `text`, or the error (code, message, line) that stops it. */
function outcome(text: string, delimiter: string, size: number): RawRow[] | [string, string, number] {
  try {
    return tokenize(text, delimiter, size);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return [e.code, e.message, e.line];
  }
}

describe('plain records (no quote, no CR: read by the fast path) and the others alike', () => {
  const text = [
    'E1577,2026-11-02,上门维修,,是,3.9,√',
    'E1204,"2026-11-20",上门维修,5,是,4.1,√',
    'E1479,2026-11-28,预防性维护,2,是,3.0,√\r',
    '',
    'E1329,"a ""b"" c",电话支持\r\rE0665',
    '"x\ny",z,',
    ',,,',
    'E1577,2026-11-02,上门维修,,是,3.9,√',
  ].join('\n');

  it.each([',', '；', '\t'])('delimiter %j: the same records whichever byte a chunk ends at', (d) => {
    const input = text.replaceAll(',', d);
    const whole = tokenize(input, d, 1 << 16);
    expect(whole.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11]);
    expect(whole[0].cells).toEqual(['E1577', '2026-11-02', '上门维修', '', '是', '3.9', '√']);
    expect(whole[4].cells).toEqual(['E1329', 'a "b" c', '电话支持']);
    expect(whole[5].cells).toEqual(['']);
    expect(whole[7].cells).toEqual(['x\ny', 'z', '']);
    expect(whole[8].cells).toEqual(['', '', '', '']);
    const bytes = Buffer.from(input, 'utf8');
    for (let at = 0; at <= bytes.length; at++) {
      const tokenizer = new CsvTokenizer(d);
      const read: RawRow[] = [];
      tokenizer.push(bytes.subarray(0, at), read);
      tokenizer.push(bytes.subarray(at), read);
      tokenizer.end(read);
      expect(read).toEqual(whole);
    }
    for (const size of [1, 2, 3, 5, 8, 13, 21]) expect(tokenize(input, d, size)).toEqual(whole);
  });

  it('a quote or CR after plain cells is read by the general rules, on its line', () => {
    expect(() => tokenize('a,b\nc,d,x"y\n')).toThrow(expect.objectContaining({ code: 'INVALID_OPENING_QUOTE', line: 2 }));
    expect(tokenize('a,b\nc,d\re\n')).toEqual(rows([1, ['a', 'b']], [2, ['c', 'd']], [3, ['e']]));
    expect(tokenize('a,b\nc,"d"\n')).toEqual(rows([1, ['a', 'b']], [2, ['c', 'd']]));
  });

  it('a plain record over the limit is refused at its line', () => {
    const tokenizer = new CsvTokenizer(',', 10);
    expect(() => tokenizer.push(Buffer.from('a,b\n0123456789,x\n'), [])).toThrow(expect.objectContaining({ code: 'CSV_MAX_RECORD_SIZE', line: 2 }));
  });

  it('any text, any chunk size, any delimiter: the same records or the same error as one chunk', () => {
    const piece = fc.constantFrom('a', 'E1', '12345678901234', ',', '；', '"', '\n', '\n', '\r\n', '\r', ' ', '中', '"x"', '""', 'é', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), fc.constantFrom(',', '；', '\t'), (pieces, size, d) => {
        const input = pieces.join('');
        expect(outcome(input, d, size)).toEqual(outcome(input, d, 1 << 16));
      }),
      { numRuns: 2000 },
    );
  });
});
