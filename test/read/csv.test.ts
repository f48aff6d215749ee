/**
 * Text ledgers through the whole reading path (file → typed rows → ledger book): encodings,
 * delimiters, title rows, row numbers as an editor shows them, rejected rows, and which
 * source a file feeds. Files are written at test time, so each case shows its bytes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/config/load.js';
import { parsePeriod } from '../../src/core/period.js';
import type { Scheme } from '../../src/core/types.js';
import { KpiError } from '../../src/errors.js';
import { closeLedgers, ingestLedgers, readLedgers } from '../../src/read/ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'kpi-csv-'));

const CONFIG = `
version: 1
sources:
  services:
    sheet: 服务台账
    columns: { employee: [工号, 员工编号], date: 服务日期, satisfaction: 满意度, on_time: 是否及时 }
    types: { satisfaction: number, on_time: boolean }
metrics:
  satisfaction: { source: services, agg: avg, field: satisfaction }
  rows: { source: services, agg: count }
  on_time: { source: services, agg: ratio, hit: { on_time: true } }
dimensions:
  d: { indicators: [ { metric: satisfaction, weight: 100, standard: { method: direct } } ] }
roles:
  r: { weights: { d: 100 } }
grades: [ { grade: A } ]
`;
const scheme = checkConfigText(CONFIG, 'kpi.yaml').scheme as Scheme;

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function read(files: string[], options: { period?: string; encoding?: string; delimiter?: string } = {}) {
  const period = options.period ? parsePeriod(options.period) : parsePeriod('2026-11');
  const result = await ingestLedgers(files, scheme, { period, encoding: options.encoding, delimiter: options.delimiter, sourceOverrides: new Map() });
  const values = (id: string) => Object.fromEntries(result.book.inPeriod.valuesOf(id));
  return { ...result, values };
}

const BASIC = '工号,服务日期,满意度,是否及时\nE1,2026-11-02,5,是\nE1,2026/11/3,４,否\nE2,2026年11月4日,95%,√\n';

describe('encodings', () => {
  it.each([
    ['UTF-8 without BOM', Buffer.from(BASIC, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASIC, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(BASIC, 'utf-16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(BASIC, 'utf-16be')])],
    ['GBK (Chinese Excel "CSV")', iconv.encode(BASIC, 'gbk')],
  ])('%s reads the same values', async (name, bytes) => {
    const { values, book } = await read([file(`服务台账-${name.replace(/\W+/g, '')}.csv`, bytes)]);
    // E1: satisfaction avg of 5 and full-width ４ = 4.5; on-time 1 of 2 = 0.5.
    expect(values('E1')).toMatchObject({ satisfaction: 4.5, rows: 2, on_time: 0.5 });
    // E2: 95% → 0.95; √ is yes.
    expect(values('E2')).toMatchObject({ satisfaction: 0.95, rows: 1, on_time: 1 });
    expect(book.rejected).toEqual([]);
  });

  // The UTF-8 check reads 1 MiB at a time: 3-byte characters are cut by its reads here.
  const LONG_NOTE = '上门维修'.repeat(300);
  const longLedger = (rows: number) => `工号,服务日期,满意度,是否及时,备注\n${Array.from({ length: rows }, (_, i) => `E${i % 3},2026-11-0${(i % 9) + 1},5,是,${LONG_NOTE}`).join('\n')}\n`;
  const longScheme = checkConfigText(CONFIG.replace('是否及时 }', '是否及时, note: 备注 }'), 'kpi.yaml').scheme as Scheme;

  it('a UTF-8 file of several MiB whose characters straddle the check\'s reads is UTF-8', async () => {
    const text = longLedger(3000); // ~3.3 MB
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 << 20);
    // At least one read ends inside a character: the byte after it continues one.
    const bytes = Buffer.from(text);
    expect([1, 2, 3].some((k) => (bytes[k << 20] & 0xc0) === 0x80)).toBe(true);
    const result = await ingestLedgers([file('服务台账-long.csv', text)], longScheme, { period: parsePeriod('2026-11'), sourceOverrides: new Map() });
    expect(result.book.rejected).toEqual([]);
    expect(result.book.stats.rows).toBe(3000);
    expect(Object.fromEntries(result.book.inPeriod.valuesOf('E0'))).toMatchObject({ rows: 1000, satisfaction: 5 });
  });

  it('a GBK row after 3 MiB of UTF-8 is refused at its line', async () => {
    const bytes = Buffer.concat([Buffer.from(longLedger(3000)), iconv.encode('E9,2026-11-09,4,是,上门维修\n', 'gbk')]);
    await expect(ingestLedgers([file('服务台账-long-mixed.csv', bytes)], longScheme, { period: parsePeriod('2026-11'), sourceOverrides: new Map() }))
      .rejects.toThrow(/服务台账-long-mixed\.csv line 3002: this line is not UTF-8, but the lines above it are/);
  });

  it('--encoding overrides detection', async () => {
    const gbk = file('服务台账-forced.csv', iconv.encode(BASIC, 'gbk'));
    const { values } = await read([gbk], { encoding: 'gb18030' });
    expect(values('E1')).toMatchObject({ rows: 2 });
  });
});

describe('delimiters', () => {
  it.each([
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('detects %j (%s) even with commas inside values', async (d, name) => {
    const text = BASIC.replaceAll(',', d).replace('95%', '"1,234.5"');
    const { values } = await read([file(`服务台账-${name}.txt`, text)]);
    expect(values('E2')).toMatchObject({ satisfaction: 1234.5 });
  });
});

describe('header row and row numbers', () => {
  it('skips title rows above the header and numbers rows as an editor does', async () => {
    const text = '2026年11月客服部工作台账\n部门：客服部,,,\n\n工号,服务日期,满意度,是否及时\nE1,2026-11-02,5,是\n"E1",2026-11-03,"4\n",是\n\nE1,2026-11-04,abc,是\n';
    const { values, book } = await read([file('服务台账-title.csv', text)]);
    expect(values('E1')).toMatchObject({ rows: 2, satisfaction: 4.5 });
    // Line 6 holds a quoted cell over two lines, line 8 is blank: the bad row is on line 9.
    expect(book.rejected.map((r) => ({ ...r, reason: String(r.reason) }))).toEqual([
      { file: join(dir, '服务台账-title.csv'), sheet: null, row: 9, column: '满意度', value: 'abc', reason: 'not a number', employee: 'E1' },
    ]);
  });

  it('a missing column names the headers seen and the closest match', async () => {
    const text = '工号,服务时间,满意度,是否及时\nE1,2026-11-02,5,是\n';
    const error = await read([file('服务台账-missing.csv', text)]).catch((e) => e);
    expect(error).toBeInstanceOf(KpiError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('missing "服务日期" (field date), closest: "服务时间"');
    expect(String(error.hint)).toContain('headers seen in row 1: "工号", "服务时间", "满意度", "是否及时"');
  });

  it('matches headers ignoring case, surrounding space and full width', async () => {
    const text = ' 员工编号 ,服务日期,满意度　,是否及时\nE9,2026-11-02,3,否\n';
    const { values } = await read([file('服务台账-aliases.csv', text)]);
    expect(values('E9')).toMatchObject({ rows: 1, satisfaction: 3, on_time: 0 });
  });

  it('an unclosed quote stops with exit 2 and the line', async () => {
    const text = '工号,服务日期,满意度,是否及时\nE1,2026-11-02,"5,是\nE2,2026-11-03,4,是\n';
    const error = await read([file('服务台账-quote.csv', text)]).catch((e) => e);
    expect(error).toBeInstanceOf(KpiError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('a quote (") opened here is never closed');
  });
});

describe('bad rows are reported, never lost', () => {
  const text = [
    '工号,服务日期,满意度,是否及时',
    'E1,2026-11-02,5,是', // 2: used
    ',2026-11-03,4,是', // 3: no employee
    'E1,,4,是', // 4: no date
    'E1,05/11/2026,4,是', // 5: ambiguous date
    'E1,2026-11-06,4,maybe', // 6: not a yes/no
    'E1,2026-10-31,abc,是', // 7: October: counted out of period, not rejected
    ',,,', // 8: blank
  ].join('\n');

  it('rejects with file, row, column, value and reason; out-of-period rows are only counted', async () => {
    const { book, values } = await read([file('服务台账-bad.csv', text)]);
    const path = join(dir, '服务台账-bad.csv');
    expect(values('E1')).toMatchObject({ rows: 1, satisfaction: 5 });
    expect(book.rejected.map((r) => [r.row, r.column, r.value, String(r.reason)])).toEqual([
      [3, '工号', '', 'no employee id'],
      [4, '服务日期', '', 'no date'],
      [5, '服务日期', '05/11/2026', 'ambiguous date: day/month order unknown (set date_format: dmy or mdy in the source)'],
      [6, '是否及时', 'maybe', 'not a yes/no value (use 是/否, true/false, 1/0)'],
    ]);
    expect(book.rejected.every((r) => r.file === path && r.sheet === null)).toBe(true);
    // Rows 2–7 are data rows; row 8 is blank and not counted in `rows`. Every row read is
    // accounted for: 7 read = 1 used (row 2) + 4 rejected + 1 out of period (7) + 1 blank (8).
    expect(book.stats).toEqual({ rows: 6, rowsOutOfPeriod: 1, rejected: 4, read: 7, used: 1, blank: 1 });
  });

  it('every period of the same read adds up; a row counted nowhere stops the run as a bug, not a KpiError', async () => {
    const read = await readLedgers([file('服务台账-recon.csv', text)], scheme, { period: null, unit: 'month', sourceOverrides: new Map() });
    // November: row 2 used, 3–6 rejected, row 7 (October) out of period. October: rows 4
    // and 5 rejected (no readable date: no period has them), row 7 rejected ("abc"),
    // November's rows 2, 3 and 6 out of period. Row 8 is blank in both.
    expect(closeLedgers(read, parsePeriod('2026-11')).book.stats).toMatchObject({ read: 7, used: 1, rejected: 4, rowsOutOfPeriod: 1, blank: 1 });
    expect(closeLedgers(read, parsePeriod('2026-10')).book.stats).toMatchObject({ read: 7, used: 0, rejected: 3, rowsOutOfPeriod: 3, blank: 1 });
    read.tally.read++;
    let thrown: unknown;
    try {
      closeLedgers(read, parsePeriod('2026-11'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(KpiError);
    expect((thrown as Error).message).toBe('rows do not add up: 8 read ≠ 1 used + 4 rejected + 1 blank + 1 out of period');
  });

  it('without a period, scores the month of the latest date', async () => {
    const result = await ingestLedgers([file('服务台账-latest.csv', text)], scheme, { period: null, sourceOverrides: new Map() });
    expect(result.book.period?.key).toBe('2026-11');
  });
});
