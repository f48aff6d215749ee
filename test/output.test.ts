/**
 * Safe writing (SPEC §6.5): outputs appear whole or not at all, folders are made, and no
 * temporary file is left behind.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KpiError } from '../src/errors.js';
import { checkNotAnInput, formatOfFile, writeFileAtomic, writeOutputs } from '../src/output.js';

const dir = () => mkdtempSync(join(tmpdir(), 'kpi-out-'));

describe('writeOutputs', () => {
  it('a renderer that throws halfway leaves no output file behind', async () => {
    const d = dir();
    const outputs = [
      { file: join(d, 'a.json'), render: () => '{}' },
      { file: join(d, 'b.xlsx'), render: async () => { throw new Error('renderer broke halfway'); } },
      { file: join(d, 'c.csv'), render: () => 'x' },
    ];
    await expect(writeOutputs(outputs)).rejects.toThrow('renderer broke halfway');
    expect(readdirSync(d)).toEqual([]);
  });

  it('keeps the old file when a render fails, and replaces it when all succeed', async () => {
    const d = dir();
    const file = join(d, 'report.json');
    writeFileSync(file, 'old');
    await expect(writeOutputs([{ file, render: () => { throw new Error('x'); } }])).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    await writeOutputs([{ file, render: () => 'new' }]);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(d)).toEqual(['report.json']);
  });
});

describe('writeFileAtomic', () => {
  it('creates missing folders', () => {
    const file = join(dir(), 'deep', 'er', 'r.csv');
    writeFileAtomic(file, 'a,b\n');
    expect(readFileSync(file, 'utf8')).toBe('a,b\n');
  });

  it('a folder in the way is a KpiError (exit 2) and leaves no temp file', () => {
    const d = dir();
    const target = join(d, 'taken');
    writeFileSync(join(d, 'x'), '');
    // A directory where the file should go makes the rename fail.
    writeFileAtomic(join(target, 'inner.txt'), 'ok');
    const error = (() => { try { writeFileAtomic(target, 'boom'); } catch (e) { return e; } })() as KpiError;
    expect(error).toBeInstanceOf(KpiError);
    expect(error.exitCode).toBe(2);
    expect(readdirSync(d).sort()).toEqual(['taken', 'x']);
    expect(existsSync(join(target, 'inner.txt'))).toBe(true);
  });
});

describe('choosing formats and refusing to overwrite inputs', () => {
  it.each([['r.xlsx', 'xlsx'], ['R.JSON', 'json'], ['out/r.csv', 'csv']])('%s → %s', (file, format) => {
    expect(formatOfFile(file)).toBe(format);
  });

  it('an unknown extension is a usage error', () => {
    expect(() => formatOfFile('r.pdf')).toThrow(/cannot tell the format/);
  });

  it('an output that is an input is refused', () => {
    expect(() => checkNotAnInput(['./a/../ledger.csv'], ['ledger.csv'])).toThrow(/is one of the input files/);
    expect(() => checkNotAnInput(['out.json'], ['ledger.csv'])).not.toThrow();
  });
});
