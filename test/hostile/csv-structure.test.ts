/**
 * Broken CSV structure (RELIABILITY §9 cases 1–11): quotes that never close or sit in the
 * wrong place stop the run at the line where they start, with nothing scored; records
 * spanning lines keep the line numbers an editor shows; line endings, delimiters, blank
 * lines and empty files are read the same way whatever the exporter did.
 */
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { actuals, expectError, HEADER, rejections, runKpi, runMany, scored, workspace, type CliResult } from './kit.js';

const score = (files: Record<string, string | Uint8Array>, ...extra: string[]) => ({
  args: ['score', ...Object.keys(files).filter((f) => f !== 'kpi.yaml'), '--format', 'json', '-q', ...extra],
  cwd: workspace(files),
});

const E1_E2 = 'E1,2026-11-01,5,x\nE2,2026-11-02,6,y\n';
// A workbook saved under a .csv name: zip bytes, NULs and control characters.
const ZIP = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') });

const cases = {
  unterminated: score({ 'services.csv': `${HEADER}E1,2026-11-01,5,ok\nE1,2026-11-02,6,"open\nE1,2026-11-03,7,x\nE2,2026-11-04,8,y\n` }),
  strayQuote: score({ 'services.csv': `${HEADER}E1,2026-11-01,5,x"y\nE2,2026-11-02,6,z\n` }),
  afterClosingQuote: score({ 'services.csv': `${HEADER}E1,2026-11-01,5,"ok"z\nE2,2026-11-02,7,8\n` }),
  multiline: score({
    'services.csv': `${HEADER}E1,2026-11-01,5,"a\n""b"",c\nd"\nE1,2026-11-02,abc,x\nE2,2026-11-03,6,y\n`,
    'roster.csv': 'ID,Name,Role,Team\nE1,"Chen, ""the fixer""\nJing",engineer,One\nE2,Li,engineer,Two\n',
  }),
  shortRow: score({ 'services.csv': `${HEADER}E1,2026-11-01,5\nE2,2026-11-02,6,\n` }),
  blankLines: score({ 'services.csv': `\n${HEADER}\nE1,2026-11-01,5,x\n,,,\n   \n\t\nE2,2026-11-02,6,y` }),
  crlf: score({ 'services.csv': (HEADER + E1_E2).replace(/\n/g, '\r\n') }),
  crOnly: score({ 'services.csv': (HEADER + E1_E2).replace(/\n/g, '\r') }),
  // A stray CR (a Mac paste) between LF-ended records: it ends a record, as in an editor.
  loneCr: score({ 'services.csv': `${HEADER}E1,2026-11-01,5,a\rE2,2026-11-02,6,b\nE1,2026-11-03,7,c\n` }),
  semicolon: score({ 'services.csv': 'ID;Date;Score;Note\nE1;2026-11-01;5;a,b\nE2;2026-11-02;6;y\n' }),
  tab: score({ 'services.tsv': 'ID\tDate\tScore\tNote\nE1\t2026-11-01\t5\ta,b\nE2\t2026-11-02\t6\ty\n' }),
  pipe: score({ 'services.txt': 'ID|Date|Score|Note\nE1|2026-11-01|5|a;b\nE2|2026-11-02|6|y\n' }),
  decimalComma: score({ 'services.csv': 'ID;Date;Score;Note\nE1;2026-11-01;1,5;x\nE1;2026-11-02;4;y\nE2;2026-11-03;6;y\n' }),
  wrongDelimiter: score({ 'services.csv': HEADER + E1_E2 }, '--delimiter', ';'),
  badDelimiter: score({ 'services.csv': HEADER + E1_E2 }, '--delimiter', ';;'),
  headerOnly: score({ 'services.csv': HEADER }),
  empty: score({ 'services.csv': '' }),
  bomOnly: score({ 'services.csv': '\uFEFF' }),
  newlineOnly: score({ 'services.csv': '\n' }),
  hugeCell: score({ 'services.csv': `${HEADER}E1,2026-11-01,5,${'x'.repeat((1 << 20) + 10)}\n${E1_E2}` }),
  hugeQuotedCell: score({ 'services.csv': `${HEADER}E1,2026-11-01,5,"${'x\n'.repeat(600_000)}\n${E1_E2}` }),
  nulInField: score({ 'services.csv': HEADER + E1_E2, 'roster.csv': 'ID,Name,Role,Team\nE1,a\u0000b,engineer,One\n' }),
  zipAsCsv: score({ 'services.csv': ZIP }),
};
let runs: Record<keyof typeof cases, CliResult>;

beforeAll(() => {
  const names = Object.keys(cases) as (keyof typeof cases)[];
  const results = runMany(names.map((n) => cases[n]));
  runs = Object.fromEntries(names.map((n, i) => [n, results[i]])) as typeof runs;
});

describe('quotes (cases 1–4)', () => {
  it('an unterminated quote stops the run at the line it opens on; no row is scored', () => {
    expectError(runs.unterminated, 2, 'kpi: error: services.csv line 3: a quote (") opened here is never closed, so the rest of the file cannot be read', 'close the quote, or remove the stray " from the cell');
  });

  it('a stray quote inside an unquoted field is an error at its line', () => {
    expectError(runs.strayQuote, 2, 'kpi: error: services.csv line 2: Invalid Opening Quote: a quote is found on field 3 at line 2, value is "x"');
  });

  it('text after a closing quote is an error at its line, and the next row is not swallowed into a skipped chunk', () => {
    expectError(runs.afterClosingQuote, 2, 'kpi: error: services.csv line 2: Invalid Closing Quote: got "z" at line 2 instead of delimiter, record delimiter, trimable character (if activated) or comment');
  });

  it('a quoted field with newlines, commas and doubled quotes is one cell; later rows keep their line numbers', () => {
    const report = scored(runs.multiline);
    expect(report.employees.find((e) => e.id === 'E1')!.name).toBe('Chen, "the fixer"\nJing');
    // The record spans lines 2–4, so the bad row is line 5 as an editor shows it.
    expect(rejections(report)).toEqual(['5 Score "abc": not a number']);
    expect(actuals(report)).toEqual({ E1: 5, E2: 6 });
    // 3 service records + 2 roster records, whatever lines they span.
    expect(report.stats).toEqual({ rows: 3, rowsOutOfPeriod: 0, rejected: 1, read: 5, used: 4, blank: 0 });
  });
});

describe('rows and lines (cases 5–7)', () => {
  it('a trailing empty field dropped by the exporter is an empty cell, not a lost row', () => {
    const report = scored(runs.shortRow);
    expect(actuals(report)).toEqual({ E1: 5, E2: 6 });
    expect(report.stats).toEqual({ rows: 2, rowsOutOfPeriod: 0, rejected: 0, read: 2, used: 2, blank: 0 });
  });

  it('blank lines, lines of delimiters or spaces, and no final newline: only the two data rows count', () => {
    const report = scored(runs.blankLines);
    expect(actuals(report)).toEqual({ E1: 5, E2: 6 });
    // Below the header: an empty line, E1, ",,,", spaces, a tab, E2 — 4 blank rows read.
    expect(report.stats).toEqual({ rows: 2, rowsOutOfPeriod: 0, rejected: 0, read: 6, used: 2, blank: 4 });
  });

  it.each(['crlf', 'crOnly'] as const)('%s line endings read the same rows', (name) => {
    const report = scored(runs[name]);
    expect(actuals(report)).toEqual({ E1: 5, E2: 6 });
    expect(report.stats.rows).toBe(2);
  });

  it('a lone CR between LF-ended records ends a record: no row is glued to the one before', () => {
    const report = scored(runs.loneCr);
    // E1: (5 + 7) / 2; E2's row is its own, not text in E1's note.
    expect(actuals(report)).toEqual({ E1: 6, E2: 6 });
    expect(report.stats).toEqual({ rows: 3, rowsOutOfPeriod: 0, rejected: 0, read: 3, used: 3, blank: 0 });
  });
});

describe('delimiters (case 8)', () => {
  it.each(['semicolon', 'tab', 'pipe'] as const)('%s is detected; a comma inside a cell stays in it', (name) => {
    const report = scored(runs[name]);
    expect(actuals(report)).toEqual({ E1: 5, E2: 6 });
    expect(report.stats.rows).toBe(2);
  });

  it('a decimal comma under ; is not read as a number: the row is rejected and reported, never guessed', () => {
    const report = scored(runs.decimalComma);
    expect(rejections(report)).toEqual(['2 Score "1,5": not a number']);
    expect(actuals(report)).toEqual({ E1: 4, E2: 6 });
  });

  it('--delimiter that disagrees with the file: the header is not found, and the line says which headers were seen', () => {
    expectError(runs.wrongDelimiter, 2, 'kpi: error: services.csv: no header row with every column of source "services" in the first 20 rows; missing "ID" (field employee); "Date" (field date); "Score" (field score); "Note" (field note)');
    expect(runs.wrongDelimiter.stderr).toContain('hint: headers seen in row 1: "ID,Date,Score,Note".');
  });

  it('--delimiter of two characters is a usage error', () => {
    expectError(runs.badDelimiter, 1, 'kpi: error: --delimiter must be one character or "tab", not ";;"');
  });
});

describe('empty files (case 9)', () => {
  it('a header without rows: nothing to score (exit 2)', () => {
    expectError(runs.headerOnly, 2, 'kpi: error: nothing to score: no one is in the roster or has rows', 'check that the ledgers have data rows');
  });

  it.each(['empty', 'bomOnly', 'newlineOnly'] as const)('%s: the file is empty (exit 2)', (name) => {
    expectError(runs[name], 2, 'kpi: error: services.csv: the file is empty', 'export the ledger again, with its header row');
  });
});

describe('huge cells and binary files (cases 10–11)', () => {
  it('a cell over 1 MiB stops the run at its line (memory stays bounded)', () => {
    expectError(runs.hugeCell, 2, 'kpi: error: services.csv line 2: Max Record Size: record exceed the maximum number of tolerated bytes of 1048576 at line 2');
  });

  it('a quote left open over a million lines is stopped by the same bound, at the line it opens on', () => {
    expectError(runs.hugeQuotedCell, 2, 'kpi: error: services.csv line 2: Max Record Size: record exceed the maximum number of tolerated bytes of 1048576 at line 2');
  });

  it('a NUL byte inside a field is kept as data', () => {
    const report = scored(runs.nulInField);
    expect(report.employees.find((e) => e.id === 'E1')!.name).toBe('a\u0000b');
  });

  it('a workbook renamed .csv is refused as not a text file (exit 2), and none of its bytes reach the terminal raw', () => {
    expectError(runs.zipAsCsv, 2, 'kpi: error: services.csv is not a text file but a zip file (an Excel workbook renamed .csv?)', 'rename it to .xlsx, or export the ledger again as CSV (UTF-8)');
    expect(runs.zipAsCsv.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  });

  it.each([
    ['an old .xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old .xls workbook or a password-protected one'],
    ['a PDF', [...Buffer.from('%PDF-1.7\n')], 'a PDF document'],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0], 'binary data (an image, archive or program?)'],
  ])('%s renamed .csv says what it is', (_name, bytes, what) => {
    const { args, cwd } = score({ 'services.csv': Uint8Array.from(bytes) });
    const run = runKpi(args, { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`kpi: error: services.csv is not a text file but ${what}`);
  });
});
