/**
 * A ledger read with `--encoding utf-8` is checked a chunk at a time (src/read/csv.ts
 * Utf8Check, with `isUtf8`): a character cut by the end of a 256 KiB read is checked once
 * whole, and the first byte that is not UTF-8 stops the read at its line — wherever it
 * falls, the chunk border included — as does a character the file ends in the middle of.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/read/csv.js';
import { RecordBatch } from '../../src/read/record-batch.js';
import type { RawRow } from '../../src/read/table.js';

const CHUNK = 1 << 18;
const dir = mkdtempSync(join(tmpdir(), 'kpi-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of the file, read with --encoding utf-8. */
async function rowsOf(bytes: Buffer): Promise<RawRow[]> {
  const file = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, bytes);
  const table = await readCsv(file, { encoding: 'utf-8' });
  const rows: RawRow[] = [];
  for await (const batch of table.batches) {
    if (batch instanceof RecordBatch) for (let r = 0; r < batch.count; r++) rows.push(batch.row(r));
    else rows.push(...batch);
  }
  return rows;
}

/** ASCII lines of 10 bytes ("row-00000\n") up to `bytes` bytes: line n starts at 10(n−1). */
function filler(bytes: number): Buffer {
  const lines: string[] = [];
  for (let i = 0; lines.length * 10 < bytes; i++) lines.push(`row-${String(i).padStart(5, '0')}`);
  return Buffer.from(`${lines.join('\n')}\n`).subarray(0, bytes);
}

describe('--encoding utf-8, checked a chunk at a time', () => {
  // The border falls at byte CHUNK: 26,214 whole lines of 10 bytes end at 262,140, so a
  // line starting there holds bytes 262,140 … and crosses the border after 4 bytes.
  const head = filler(26_214 * 10);
  const line = 26_215;

  it('a character cut by the border reads whole', async () => {
    const rows = await rowsOf(Buffer.concat([head, Buffer.from('abc上门维修\n')]));
    expect(rows.length).toBe(line);
    expect(rows[line - 1]).toEqual({ row: line, cells: ['abc上门维修'] });
  });

  it('a bad continuation byte just past the border stops the read at its line', async () => {
    // 上 is E4 B8 8A: keep E4 before the border and break the byte after it.
    const bad = Buffer.concat([head, Buffer.from('abc'), Buffer.from([0xe4, 0x41, 0x42]), Buffer.from('\nnext\n')]);
    expect(bad.indexOf(0xe4)).toBe(CHUNK - 1);
    await expect(rowsOf(bad)).rejects.toThrow(`line ${line}: bytes that are not valid utf-8`);
  });

  it('a bad byte well inside a later chunk names its line', async () => {
    const bad = Buffer.concat([filler(30_000 * 10), Buffer.from('ok\nbad'), Buffer.from([0xff]), Buffer.from('\n')]);
    await expect(rowsOf(bad)).rejects.toThrow('line 30002: bytes that are not valid utf-8');
  });

  it('a file that ends in the middle of a character is refused at its last line', async () => {
    const cut = Buffer.concat([Buffer.from('a\nb\n上'), Buffer.from([0xe9, 0x97])]);
    await expect(rowsOf(cut)).rejects.toThrow('line 3: bytes that are not valid utf-8');
  });
});
