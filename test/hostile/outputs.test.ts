/**
 * What kpi writes from hostile ledger text (RELIABILITY §9 cases 18–21): no formula or
 * link ever comes out of ledger text (CSV neutralised, xlsx text cells), the terminal never
 * receives escape sequences or control characters from a ledger, and every workbook is one
 * Excel and exceljs can open (no NaN, lone surrogates or over-long text). Where reports
 * are written — never over an input, never half — is in ./writing.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook, HEADER, runMany, scored, SCHEME, workbookTexts, workspace, zipPart, type CliResult } from './kit.js';
import { KpiError, printable } from '../../src/errors.js';
import { neutralizeCell } from '../../src/render/csv.js';
import { ROSTER_HEAD, rows, writeBook } from './xlsx-kit.js';

// Ledger text that a spreadsheet would run as a formula or follow as a link. Text cells
// are trimmed when read (SPEC §4.4), so "\t=1" arrives as "=1": the renderer's own test
// below covers text that starts with tab, CR, LF or NUL.
const FORMULAS = ['=1+1', '@SUM(A1)', '+1-2', '-5', '\t=1', '\r=1', '\n=1', '＝1+1', '=HYPERLINK("http://evil.example","click")', '-1', '+1', "'quoted"];
const READ = FORMULAS.map((f) => f.trim());
// Ledger text that would drive a terminal: colour, bell, window title, clear screen,
// a right-to-left override, a zero-width space, an 8-bit CSI.
const ESCAPES = '\u001b[31mRed\u001b[0m\u0007\u001b]0;pwned\u0007\u001b[2J\u202eabc\u200bZ\u009b31m';
const ESCAPES_SHOWN = 'RedabcZ31m';
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/;
const UNICODE = ['👍🏽 Zoë', '陈静𠀀', 'x\uFFFEy\uFFFFz'];

const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;
const PENALTY = `${SCHEME}adjustments:\n  - { metric: visits, per: -1, label: "=penalty" }\n`;
const people = [
  ...FORMULAS.map((name, i) => [`F${i}`, name, `team${name}`]),
  ['C1', ESCAPES, `T${ESCAPES}`],
  ...UNICODE.map((name, i) => [`U${i}`, name, 'U']),
];
const hostileDir = workspace({
  'roster.csv': `ID,Name,Role,Team\n${people.map((p) => [p[0], csvCell(p[1]), 'engineer', csvCell(p[2])].join(',')).join('\n')}\n`,
  'services.csv': `${HEADER}${people.map(([id], i) => `${id},2026-11-0${1 + (i % 9)},${50 + i},note`).join('\n')}\n`
    + `${csvCell(`X${ESCAPES}`)},2026-11-02,70,not in the roster\nC1,2026-11-03,${csvCell('=HYPERLINK("http://evil.example","x")')},rejected\nC1,2026-11-04,${csvCell(`9${ESCAPES}`)},rejected\n`,
}, PENALTY);
// Lone surrogates cannot be written in UTF-8; a workbook can carry them as &#xD800;.
writeBook(join(hostileDir, 'more.xlsx'), { sheets: [{ name: 'roster', data: rows([ROSTER_HEAD, ['L1', { attrs: 't="inlineStr"', xml: '<is><t>a&#xD800;b&#xDFFF;c&#xFFFE;</t></is>' }, 'engineer', 'L']]) }] });
writeFileSync(join(hostileDir, 'services.csv'), `${readFileSync(join(hostileDir, 'services.csv'), 'utf8')}L1,2026-11-05,60,surrogates\n`);
const INPUTS = ['services.csv', 'roster.csv', 'more.xlsx'];

// Names of 32,767 / 32,768 / 100,000 characters, and one whose 32,767th unit is the first
// half of an emoji.
const LONG = ['名'.repeat(32_767), '名'.repeat(32_768), '名'.repeat(100_000), `${'名'.repeat(32_766)}😀`];
const longDir = workspace({
  'roster.csv': `ID,Name,Role,Team\n${LONG.map((name, i) => `L${i},${name},engineer,T`).join('\n')}\n`,
  'services.csv': `${HEADER}${LONG.map((_, i) => `L${i},2026-11-01,5,x`).join('\n')}\n`,
});

let runs: Record<string, CliResult>;
let hostileBook: Promise<ExcelJS.Workbook> | null = null;
/** The workbook of the hostile run, read back (and checked) once. */
const hostileWorkbook = () => (hostileBook ??= checkWorkbook(join(hostileDir, 'out.xlsx')));
beforeAll(() => {
  const cases = {
    json: { args: ['score', ...INPUTS, '--format', 'json', '-q', '-o', 'out.csv', '-o', 'out.xlsx'], cwd: hostileDir },
    table: { args: ['score', ...INPUTS], cwd: hostileDir },
    explain: { args: ['score', ...INPUTS, '--explain', 'all', '-p', '2026-11'], cwd: hostileDir },
    validate: { args: ['validate', ...INPUTS], cwd: hostileDir },
    long: { args: ['score', 'services.csv', 'roster.csv', '--format', 'json', '-q', '-o', 'long.xlsx'], cwd: longDir },
  };
  const names = Object.keys(cases) as (keyof typeof cases)[];
  const results = runMany(names.map((n) => cases[n]));
  runs = Object.fromEntries(names.map((n, i) => [n, results[i]]));
});

describe('ledger text never becomes a formula or a link (case 18)', () => {
  it('JSON keeps the text exactly as the ledger has it', () => {
    const report = scored(runs.json);
    const byId = new Map(report.employees.map((e) => [e.id, e]));
    READ.forEach((name, i) => expect(byId.get(`F${i}`)).toMatchObject({ name, team: `team${FORMULAS[i]}` }));
    expect(byId.get('C1')).toMatchObject({ name: ESCAPES, team: `T${ESCAPES}` });
    expect(report.rejected.map((r) => r.value)).toEqual(['=HYPERLINK("http://evil.example","x")', `9${ESCAPES}`]);
  });

  it('CSV: text starting with = + - @ tab CR LF or their full-width forms gets a leading apostrophe; numbers do not', () => {
    const csv = readFileSync(join(hostileDir, 'out.csv'), 'utf8');
    const [header, ...records] = parse(csv, { bom: true }) as string[][];
    expect(header).toEqual(['id', 'name', 'role', 'team', 'work', 'adjustment', 'final', 'grade', 'rank']);
    const byId = new Map(records.map((r) => [r[0], r]));
    READ.forEach((name, i) => {
      const risky = /^[=+\-@＝＋－＠]/.test(name);
      expect(byId.get(`F${i}`)!.slice(1, 4), name).toEqual([risky ? `'${name}` : name, 'engineer', `team${FORMULAS[i]}`]);
    });
    // Adjustments of −1 per visit: real negative numbers stay numbers.
    expect(new Set(records.map((r) => r[5]))).toEqual(new Set(['-1']));
    for (const r of records) expect(r[6]).toMatch(/^\d+(\.\d+)?$/);
  });

  it('xlsx: the same text is a text cell, unprefixed; the only formulas are kpi\'s own, and there are no links', async () => {
    const file = join(hostileDir, 'out.xlsx');
    const workbook = await hostileWorkbook();
    const texts = new Set(workbookTexts(workbook));
    for (const name of READ) expect(texts.has(name), JSON.stringify(name)).toBe(true);
    expect(texts.has('=HYPERLINK("http://evil.example","x")')).toBe(true);
    const formulas: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === 6 /* Formula */) formulas.push(String(cell.formula));
    })));
    expect(formulas.length).toBeGreaterThan(0);
    for (const formula of formulas) expect(formula).toMatch(/^[A-Z0-9$:*/+\-(). ,]+$|^(SUM|ROUND|IF|MIN|MAX|COUNTIFS|IFERROR|NA)\(/);
    expect(formulas.join('\n')).not.toMatch(/HYPERLINK|SUM\(A1\)|1\+1/);
    const summary = zipPart(file, 'xl/worksheets/sheet1.xml');
    expect(summary).not.toMatch(/<hyperlink/);
    expect(summary).not.toMatch(/<f>[^<]*(HYPERLINK|SUM\(A1\))/);
  });
});

describe('the guards themselves, for text the readers never hand on', () => {
  it.each([
    ['\t=1', "'\t=1"], ['\r=1', "'\r=1"], ['\n=1', "'\n=1"], ['\u0000=1', "'\u0000=1"], ['＝1', "'＝1"], ['＋1', "'＋1"],
    ['－1', "'－1"], ['＠x', "'＠x"], ['-1', "'-1"], [' =1', ' =1'], ['a=1', 'a=1'], ['', ''],
  ])('CSV cell %j → %j', (text, cell) => {
    expect(neutralizeCell(text)).toBe(cell);
  });

  it('error messages and hints quoting ledger text lose escape sequences and line breaks', () => {
    const error = new KpiError(`bad "${ESCAPES}"\nsecond line`, 2, `hint ${ESCAPES}`, [`detail ${ESCAPES}`]);
    expect([error.message, error.hint, ...error.details]).toEqual([`bad "${ESCAPES_SHOWN}" second line`, `hint ${ESCAPES_SHOWN}`, `detail ${ESCAPES_SHOWN}`]);
    expect(printable('a\u2028b\u2066c\u2069\uFEFFd\u001bPq\u001b\\e')).toBe('a bcdqe');
  });
});

describe('the terminal never receives escape sequences or control characters from a ledger (case 19)', () => {
  it.each(['table', 'explain', 'validate'])('%s: stdout and stderr are clean, the visible text is kept', (name) => {
    const run = runs[name];
    expect(run.status, run.stderr).toBe(name === 'validate' ? 2 : 0);
    expect(run.stdout).not.toMatch(TERMINAL_UNSAFE);
    expect(run.stderr).not.toMatch(TERMINAL_UNSAFE);
    expect(run.stdout).toContain(ESCAPES_SHOWN);
  });

  it('the rejected-row summary on stderr shows the value cleaned', () => {
    expect(runs.table.stderr).toContain(`services.csv row ${people.length + 4}, column Score: "9${ESCAPES_SHOWN}" not a number`);
    expect(runs.table.stderr).toContain(`X${ESCAPES_SHOWN}`);
  });
});

describe('workbooks stay valid whatever the text (cases 20–21)', () => {
  it('lone surrogates and U+FFFE/U+FFFF are dropped from the workbook; emoji with skin tones and CJK round-trip', async () => {
    const texts = new Set(workbookTexts(await hostileWorkbook()));
    expect(texts.has('abc')).toBe(true);
    expect(texts.has('xyz')).toBe(true);
    expect(texts.has('👍🏽 Zoë')).toBe(true);
    expect(texts.has('陈静𠀀')).toBe(true);
    // The JSON report keeps the data as read (JSON escapes a lone surrogate as \ud800).
    expect(scored(runs.json).employees.find((e) => e.id === 'L1')!.name).toBe('a\uD800b\uDFFFc\uFFFE');
  });

  it('cell text of 32,767 / 32,768 / 100,000 characters: cut to Excel\'s 32,767 without splitting an emoji; JSON keeps it whole', async () => {
    const report = scored(runs.long);
    expect(Object.fromEntries(report.employees.map((e) => [e.id, e.name]))).toEqual(Object.fromEntries(LONG.map((name, i) => [`L${i}`, name])));
    const workbook = await checkWorkbook(join(longDir, 'long.xlsx'));
    // Summary, column C: the names in ranking order (everyone ties, so in id order).
    const summary = workbook.getWorksheet('Summary')!;
    const written = new Map<string, string>();
    summary.eachRow((row) => {
      const [id, name] = [row.getCell(2).value, row.getCell(3).value];
      if (typeof id === 'string' && /^L\d$/.test(id)) written.set(id, String(name));
    });
    expect(written).toEqual(new Map([['L0', '名'.repeat(32_767)], ['L1', '名'.repeat(32_767)], ['L2', '名'.repeat(32_767)], ['L3', '名'.repeat(32_766)]]));
  });
});
