/**
 * The resource limits (RELIABILITY §2.2, §7; docs/errors.md "Limits"): each is reached by
 * a file built here, ends the run with exit 2 and a message naming the flag that raises
 * it, and `--limit name=value` does raise (or lower) it. Workbooks are read in a worker
 * thread: one that needs more memory or time than allowed stops the worker, not kpi.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitsFrom } from '../../src/limits.js';
import { actuals, expectError, HEADER, runMany, scored, workspace, type CliResult } from './kit.js';
import { rows, SERIAL, SERVICES_HEAD, writeBook } from './xlsx-kit.js';

const json = ['--format', 'json', '-q'];
const FIVE_ROWS = `${HEADER}${[5, 6, 7, 8, 9].map((n, i) => `E${i + 1},2026-11-0${i + 1},${n},x`).join('\n')}\n`;
const csvDir = workspace({ 'services.csv': FIVE_ROWS, 'wide.csv': `${HEADER}E1,2026-11-01,5,${'x'.repeat(1_200_000)}\n` });

// A workbook of 20,000 rows (time), and one whose 300,000 distinct shared strings need
// tens of MiB of heap to hold (memory).
const bookDir = workspace();
const MANY = 20_000;
writeBook(join(bookDir, 'many.xlsx'), { sheets: [{ name: 'services', data: rows([SERVICES_HEAD, ...Array.from({ length: MANY }, (_, i) => [`E${i % 50}`, SERIAL, i % 10, 'note'])]) }] });
const STRINGS = 300_000;
writeBook(join(bookDir, 'strings.xlsx'), {
  shared: ['ID', 'Date', 'Score', 'Note', ...Array.from({ length: STRINGS }, (_, i) => `<t>note number ${i} of a long ledger</t>`)].map((s) => (s.startsWith('<t>') ? s : `<t>${s}</t>`)),
  sheets: [{ name: 'services', data: rows([[0, 1, 2, 3].map((i) => ({ attrs: 't="s"', xml: `<v>${i}</v>` })), ['E1', SERIAL, 5, { attrs: 't="s"', xml: '<v>4</v>' }]]) }],
});

const cases = {
  rowsDefault: { args: ['score', 'services.csv', ...json], cwd: csvDir },
  rowsLowered: { args: ['score', 'services.csv', ...json, '--limit', 'rows=4'], cwd: csvDir },
  rowsEnough: { args: ['score', 'services.csv', ...json, '--limit', 'rows=6'], cwd: csvDir },
  inputBytes: { args: ['score', 'services.csv', ...json, '--limit', 'input-bytes=100'], cwd: csvDir },
  lineDefault: { args: ['score', 'wide.csv', ...json, '--source', 'services=wide.csv'], cwd: csvDir },
  lineRaised: { args: ['score', 'wide.csv', ...json, '--source', 'services=wide.csv', '--limit', 'line-bytes=2MB'], cwd: csvDir },
  unknownLimit: { args: ['score', 'services.csv', ...json, '--limit', 'rowz=5'], cwd: csvDir },
  badValue: { args: ['score', 'services.csv', ...json, '--limit', 'input-bytes=lots'], cwd: csvDir },
  zipEntries: { args: ['score', 'many.xlsx', ...json, '--limit', 'zip-entries=3'], cwd: bookDir },
  cellChars: { args: ['score', 'strings.xlsx', ...json, '--limit', 'cell-chars=3'], cwd: bookDir },
  timeout: { args: ['score', 'many.xlsx', ...json, '--limit', 'read-seconds=0.05'], cwd: bookDir },
  manyRead: { args: ['score', 'many.xlsx', ...json], cwd: bookDir },
  outOfMemory: { args: ['score', 'strings.xlsx', ...json, '--limit', 'worker-heap-mb=16'], cwd: bookDir },
  enoughMemory: { args: ['score', 'strings.xlsx', ...json], cwd: bookDir },
  validateLimit: { args: ['validate', 'services.csv', '--limit', 'rows=4'], cwd: csvDir },
};
let runs: Record<keyof typeof cases, CliResult>;

beforeAll(() => {
  const names = Object.keys(cases) as (keyof typeof cases)[];
  const results = runMany(names.map((n) => cases[n]));
  runs = Object.fromEntries(names.map((n, i) => [n, results[i]])) as typeof runs;
}, 120_000);

describe('--limit name=value', () => {
  it('parses sizes, counts and seconds over the defaults', () => {
    expect(limitsFrom(['input-bytes=8GB', 'rows=100_000_000', 'line-bytes=512k', 'read-seconds=1.5'])).toEqual({
      ...DEFAULT_LIMITS, inputBytes: 8 * 1024 ** 3, rows: 100_000_000, lineBytes: 512 * 1024, readSeconds: 1.5,
    });
  });

  it('a misspelt limit or a value that is not a size is a usage error (exit 1) saying what would do', () => {
    expectError(runs.unknownLimit, 1, 'kpi: error: --limit: unknown limit "rowz" (did you mean "rows"?)', 'limits are input-bytes, rows, line-bytes, cell-chars, zip-entries, unzipped-bytes, compression-ratio, read-seconds, worker-heap-mb, query-seconds');
    expectError(runs.badValue, 1, 'kpi: error: --limit input-bytes=lots: expected input-bytes=<a positive size, e.g. 512MB or 8GB>', 'e.g. --limit input-bytes=8GB');
  });
});

describe('text ledgers', () => {
  it('rows: the header and 5 data rows pass by default; lowered to 4 they stop the run, with the flag to raise it', () => {
    expect(actuals(scored(runs.rowsDefault))).toEqual({ E1: 5, E2: 6, E3: 7, E4: 8, E5: 9 });
    expectError(runs.rowsLowered, 2, 'kpi: error: services.csv: more than 4 rows, the most kpi reads from one ledger', 'split the ledger by period; if the file is genuine, raise the limit with --limit rows=N');
    expect(actuals(scored(runs.rowsEnough))).toEqual({ E1: 5, E2: 6, E3: 7, E4: 8, E5: 9 });
    expect(runs.validateLimit.status).toBe(2);
    expect(runs.validateLimit.stdout).toContain('  services.csv: services.csv: more than 4 rows, the most kpi reads from one ledger (split the ledger by period; if the file is genuine, raise the limit with --limit rows=N)\n');
  });

  it('input-bytes: a file larger than the limit is refused before it is read', () => {
    expectError(runs.inputBytes, 2, 'kpi: error: services.csv: the file is 109 bytes, over the 100 bytes kpi reads from one ledger', 'if the file is genuine, raise the limit with --limit input-bytes=109');
  });

  it('line-bytes: a 1.2 MB record stops the run by default and is read with the limit raised', () => {
    expectError(runs.lineDefault, 2, 'kpi: error: wide.csv line 2: Max Record Size: record exceed the maximum number of tolerated bytes of 1048576 at line 2', 'a quote left open gathers the lines after it into one record: close it; if the file is genuine, raise the limit with --limit line-bytes=N');
    expect(actuals(scored(runs.lineRaised))).toEqual({ E1: 5 });
  });
});

describe('workbooks (read in a worker thread)', () => {
  it('zip-entries and cell-chars name their flags', () => {
    expectError(runs.zipEntries, 2, 'kpi: error: many.xlsx: the zip holds 7 entries; a workbook has at most a few hundred (limit 3), so it is refused');
    expect(runs.zipEntries.stderr).toContain('raise the limit with --limit zip-entries=7');
    // The header's texts are shared strings (a 1-character index each); B2 holds the 5-digit date serial.
    expectError(runs.cellChars, 2, 'kpi: error: strings.xlsx [services]: cell B2 holds more than 3 characters (Excel allows 32,767)', 'a cell that long is not a ledger value: check the file; if the file is genuine, raise the limit with --limit cell-chars=N');
  });

  it('read-seconds: a workbook still being read when time is up is stopped (exit 2); with the default it is read', () => {
    expectError(runs.timeout, 2, 'kpi: error: many.xlsx: reading the workbook took longer than 0.05 s, so it was stopped', 'a ledger reads in seconds; is this the right file? if the file is genuine, raise the limit with --limit read-seconds=1');
    expect(scored(runs.manyRead).stats).toMatchObject({ rows: MANY, read: MANY, used: MANY });
  });

  it('worker-heap-mb: a workbook needing more memory stops its worker, and kpi reports it (exit 2); with the default it is read', () => {
    expectError(runs.outOfMemory, 2, 'kpi: error: strings.xlsx: reading the workbook needed more than 16 MiB of memory, so it was stopped', 'split the workbook, or save it as CSV (read in constant memory); if the file is genuine, raise the limit with --limit worker-heap-mb=32');
    expect(actuals(scored(runs.enoughMemory))).toEqual({ E1: 5 });
  });
});
