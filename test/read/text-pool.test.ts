/**
 * The pool of cell texts: the same bytes give the same string object, and texts that
 * share the words it looks them up by (length, first, middle and last four bytes) but
 * differ elsewhere are never confused.
 */
import { describe, expect, it } from 'vitest';
import { TextPool } from '../../src/read/text-pool.js';

function read(pool: TextPool, text: string): string {
  const bytes = Buffer.from(`<${text}>`, 'utf8');
  return pool.text(bytes, 1, bytes.length - 1);
}

describe('TextPool', () => {
  it('gives the text, the same string object for the same bytes', () => {
    const pool = new TextPool();
    const first = read(pool, '上门维修');
    expect(first).toBe('上门维修');
    expect(read(pool, '上门维修')).toBe(first);
    expect(read(pool, '')).toBe('');
  });

  it('tells apart texts alike in length and in the bytes it hashes', () => {
    const pool = new TextPool();
    const texts = ['a', 'aa', 'aaa', 'aaaa', 'ab', 'ba', 'abc', 'acb', 'AAAAbcMMMMdeZZZZ', 'AAAAxyMMMMdeZZZZ', 'AAAAbcMMMMxyZZZZ', '2026-01-02', '2026-11-02', '上门维修A', '上门维修B'];
    for (let round = 0; round < 3; round++) for (const text of texts) expect(read(pool, text)).toBe(text);
    // Long texts (not kept) and many distinct ones (past the table's growth and the pool's bound).
    const long = 'x'.repeat(100);
    expect(read(pool, long)).toBe(long);
    for (let i = 0; i < 70_000; i++) expect(read(pool, `E${i}`)).toBe(`E${i}`);
    for (let i = 0; i < 70_000; i += 997) expect(read(pool, `E${i}`)).toBe(`E${i}`);
  });
});
