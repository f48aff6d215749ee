/**
 * The fast path of text ledgers must read exactly what the reference row path reads.
 *
 * The tokenizer hands the table reader RecordBatches; a plain record is typed straight
 * from its bytes (RowReader.readRecord, ColumnTyper), anything unusual goes to the
 * reference path RowReader.read(RawRow). Here every ledger is read twice through
 * readLedgers: once as it is (the fast path), once through an opener that turns each
 * RecordBatch into plain RawRow[] (`batch.row(r)`), so that every row takes the
 * reference path. The two reads must agree on everything the rest of kpi sees: metric
 * values per person and period, who was seen (order and names), rejected rows (in full,
 * in order), the row reconciliation, source stats, warnings — and the JSON report of
 * the whole scoring, byte for byte.
 *
 * Inputs: a hand-written ledger with every oddity (blank lines, bad cells, quoted cells,
 * ragged rows, CR line ends, two months, full-width digits …), the same in GBK, ledgers
 * whose records are cut between the reader's 256 KiB chunks at chosen places, a large
 * ledger of short rows, and random ledgers (fast-check). Each test also checks a few
 * hand-countable facts, so that two reads agreeing on nothing read at all cannot pass.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openOptions } from '../../src/commands/reading.js';
import { checkConfigText } from '../../src/config/load.js';
import type { Scheme } from '../../src/core/types.js';
import { closeLedgers, openLedgerFile, readLedgers, type IngestOptions, type LedgerRead, type TableOpener } from '../../src/read/ingest.js';
import { RecordBatch } from '../../src/read/record-batch.js';
import type { RawRow } from '../../src/read/table.js';
import { renderJson } from '../../src/render/json.js';
import { scoreIngested } from '../../src/scoring.js';

const dir = mkdtempSync(join(tmpdir(), 'kpi-fast-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The size of the chunks a text ledger is read in (CHUNK_BYTES in src/read/csv.ts). */
const CHUNK = 1 << 18;

const CONFIG = `
version: 1
title: Fast path
locale: en
sources:
  services:
    file: "services*"
    columns: { employee: 工号, name: 姓名, date: 服务日期, kind: 类型, satisfaction: 满意度, on_time: 是否及时, amount: 金额, closed: 完成日期, note: 备注 }
    types: { satisfaction: number, on_time: boolean, amount: number, closed: date }
    derive:
      days_taken: days(date, closed)
      big: amount > 1000
  certs:
    file: "certs*"
    columns: { employee: 工号, cert: 证书, level: 等级 }
    types: { level: number }
metrics:
  rows: { source: services, agg: count }
  visits: { source: services, agg: count, where: { kind: 上门维修 } }
  satisfaction: { source: services, agg: avg, field: satisfaction }
  sat_median: { source: services, agg: median, field: satisfaction }
  sat_p90: { source: services, agg: percentile, p: 90, field: satisfaction }
  amount_sum: { source: services, agg: sum, field: amount }
  amount_min: { source: services, agg: min, field: amount }
  amount_max: { source: services, agg: max, field: amount }
  kinds: { source: services, agg: distinct, field: kind }
  on_time_rate: { source: services, agg: ratio, hit: { on_time: true } }
  big_share: { source: services, agg: ratio, hit: { big: true } }
  days_avg: { source: services, agg: avg, field: days_taken }
  level_max: { source: certs, agg: max, field: level }
  certs: { source: certs, agg: count }
  per_visit: { formula: "amount_sum / max(visits, 1)" }
dimensions:
  service:
    indicators:
      - { metric: satisfaction, weight: 50, standard: { method: linear, zero: 3, target: 5 } }
      - { metric: on_time_rate, weight: 50, standard: { method: linear, zero: 50%, target: 100% } }
  output:
    indicators:
      - { metric: visits, weight: 60, standard: { method: ratio, target: 4 } }
      - { metric: level_max, weight: 40, standard: { method: ratio, target: 3 } }
roles:
  engineer: { weights: { service: 70, output: 30 } }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 75 }
  - { grade: C }
`;

function loadScheme(): { scheme: Scheme; warnings: ReturnType<typeof checkConfigText>["warnings"] } {
  const check = checkConfigText(CONFIG, 'kpi.yaml');
  if (!check.scheme) throw new Error(`test config: ${JSON.stringify(check.problems)}`);
  return { scheme: check.scheme, warnings: check.warnings };
}
const { scheme, warnings: configWarnings } = loadScheme();

/** As `kpi score` reads (src/commands/reading.ts openOptions), with no --period: the latest month. */
const OPTIONS: IngestOptions = { ...openOptions(scheme, { source: [] }), period: null };

/** Writes a ledger in a folder of its own, so that names (which pick the source) may repeat. */
function write(name: string, content: string | Buffer): string {
  const file = join(mkdtempSync(join(dir, 'f-')), name);
  writeFileSync(file, content);
  return file;
}

async function* asRawRows(batches: AsyncIterable<RawRow[] | RecordBatch>): AsyncGenerator<RawRow[]> {
  for await (const batch of batches) {
    if (!(batch instanceof RecordBatch)) {
      yield batch;
      continue;
    }
    // Copied out before yielding: the batch is filled again for the next chunk.
    const rows: RawRow[] = [];
    for (let r = 0; r < batch.count; r++) {
      const row = batch.row(r);
      rows.push({ row: row.row, cells: [...row.cells] });
    }
    yield rows;
  }
}

/** The default opener, with every RecordBatch turned into RawRow[]: every row takes `read()`. */
const referenceOpener: TableOpener = async (file, s, options) => {
  const opened = await openLedgerFile(file, s, options);
  return opened.map(({ table, source }) => ({ source, table: { ...table, batches: asRawRows(table.batches) } }));
};

/** The default opener, counting the records that come as plain (typed from bytes) on the way. */
function countingOpener(counts: { plain: number; general: number }): TableOpener {
  async function* counted(batches: AsyncIterable<RawRow[] | RecordBatch>): AsyncGenerator<RawRow[] | RecordBatch> {
    for await (const batch of batches) {
      if (batch instanceof RecordBatch) for (let r = 0; r < batch.count; r++) counts[batch.isPlain(r) ? 'plain' : 'general']++;
      yield batch;
    }
  }
  return async (file, s, options) => {
    const opened = await openLedgerFile(file, s, options);
    return opened.map(({ table, source }) => ({ source, table: { ...table, batches: counted(table.batches) } }));
  };
}

/** Everything the rest of kpi sees of a read, for every period it has (and the default). */
function snapshot(read: LedgerRead) {
  const views = [undefined, ...read.book.periods()].map((period) => {
    const ingested = closeLedgers(read, period);
    const { book } = ingested;
    const people = [...book.seen.keys()];
    return {
      period: book.period?.key ?? null,
      seen: [...book.seen],
      inPeriod: people.map((id) => [id, [...book.inPeriod.valuesOf(id)]]),
      undated: people.map((id) => [id, [...book.undated.valuesOf(id)]]),
      employees: { inPeriod: book.inPeriod.employees(), undated: book.undated.employees() },
      rejected: book.rejected,
      stats: book.stats,
      usedRows: book.usedRows,
      latestDate: book.latestDate,
      warnings: ingested.warnings,
      json: renderJson(scoreIngested(scheme, ingested, 'kpi.yaml', configWarnings).report),
    };
  });
  return { sources: [...read.sources], tally: read.tally, warnings: read.warnings, roster: read.roster, rosterRejects: read.rosterRejects, views };
}

type Snapshot = ReturnType<typeof snapshot>;

/** Reads `files` both ways, checks they agree, and gives the fast read's snapshot. */
async function readBothWays(files: string[], options: IngestOptions = OPTIONS): Promise<{ fast: Snapshot; plain: number; general: number }> {
  const counts = { plain: 0, general: 0 };
  const fast = snapshot(await readLedgers(files, scheme, options, countingOpener(counts)));
  const reference = snapshot(await readLedgers(files, scheme, options, referenceOpener));
  // The report first: when it differs, its diff says most plainly what.
  for (let v = 0; v < fast.views.length; v++) expect(fast.views[v].json, `report for ${fast.views[v].period}`).toBe(reference.views[v].json);
  expect(fast).toStrictEqual(reference);
  return { fast, ...counts };
}

/** A person's metric values in a view: dated sources' from the period, undated ones' (certs) from all rows. */
function valuesOf(snap: Snapshot, id: string, view = 0): Record<string, unknown> {
  const of = (list: (string | [string, number | null][])[][]) => Object.fromEntries((list.find(([who]) => who === id)?.[1] ?? []) as [string, unknown][]);
  const { level_max, certs } = of(snap.views[view].undated);
  return { ...of(snap.views[view].inPeriod), level_max, certs };
}

const HEADER = '工号,姓名,服务日期,类型,满意度,是否及时,金额,完成日期,备注';

/** Every oddity of a hand-made ledger, one per line (line numbers as an editor shows them). */
const MIXED = [
  HEADER, //                                                        1
  'E1,张伟,2026-11-02,上门维修,5,是,1200,2026-11-04,首次', //          2  plain
  'E1,张伟,2026-11-05,电话支持,4,否,300,2026-11-05,', //               3  plain, empty note
  '', //                                                              4  blank
  'E2,李娜,2026/11/6,上门维修,95%,√,80,2026-11-09,备注', //            5  plain: percent, slashed date
  'E2,,2026-11-07,预防性维护,４,×,"1,234.5",2026-11-08,"客户说,再来"', // 6  quoted cells with commas
  'E3,王芳,2026-11-08,上门维修,abc,是,10,,', //                        7  unreadable number
  ',王芳,2026-11-08,上门维修,5,是,10,,', //                            8  no employee id
  'E3,王芳,,上门维修,5,是,10,,', //                                    9  no date
  'E3,王芳,2026-11-09,上门维修,3,是,10,2026-11-10,"两行', //           10 a quoted cell over two lines
  '备注"', //                                                         11
  'E4,赵磊,2026-11-10,电话支持,4,yes,5,2026-11-10,note,extra', //      12 one cell too many
  'E4,赵磊,2026-11-11,电话支持,4', //                                  13 fewer cells than the header
  'E4,赵磊,2026-11-12,电话支持,2,no,7,2026-11-12,x,,', //              14 empty cells past the header: accepted
  'E1,张伟,2026-10-30,上门维修,5,是,50,2026-10-31,上月\r', //          15 October (out of period), CRLF
  'E5,陈静,2026-11-12,安装调试,3,是,１２０,2026-11-15,全角\rE5,陈静,2026-11-13,安装调试,4,maybe,20,2026-11-13,', // 16, 17: a lone CR between two rows
  ' E6 ,Wang,2026-11-14, 上门维修 ,4.5,TRUE,12345678901234567,2026-11-14,', // 18 too large a number
  'E6,Wang,2026-02-30,上门维修,4.5,TRUE,1,2026-11-14,', //           19 no such date
  '   ,Wang,2026-11-14,上门维修,4.5,TRUE,1,2026-11-14,', //          20 a blank employee id
  ',,,,,,,,', //                                                     21 blank: only delimiters
  ' E6 ,Wang,2026-11-15,上门维修,-0,1,+7.,2026-11-20,', //            22 plain numbers in odd forms
  'E6,,2026-11-16,上门维修,.5,0,1e3,2026-11-16,', //                  23
  'E7,周杰,2026-11-17,电话支持,5,是,2000,2026-11-17,"say ""hi"""', // 24 an escaped quote
  'E1,张伟,2026-10-02,上门维修,1,否,1,2026-10-02,上月', //            25 October again
  'E1,张伟,2026-11-20,上门维修,5,是,,2026-11-20,末行', //             26 last line, no line break after it
].join('\n');

const CERTS = '工号,证书,等级\nE1,电工,3\nE2,焊工,２\nE9,电工,\n,无人,1\nE2,高级电工,4\n';

describe('the fast path reads what the reference path reads', () => {
  it('a hand-written ledger with every oddity, and an undated source', async () => {
    const files = [write('services-mixed.csv', MIXED), write('certs.csv', CERTS)];
    const { fast, plain, general } = await readBothWays(files);
    // Plain records there are, and general ones (quoted, CR) too: both paths were taken.
    expect(plain).toBeGreaterThan(15);
    expect(general).toBeGreaterThanOrEqual(5);
    const nov = fast.views[0];
    expect(nov.period).toBe('2026-11');
    // Hand-counted: rows 2–26 are 24 records (10–11 is one) + 5 certs rows (no blank there).
    // Blank: rows 4 and 21. Out of period: rows 15 and 25 (October).
    // Rejected: 7 (abc), 8 (no id), 9 (no date), 12 (extra cell), 17 (maybe), 18 (too large),
    // 19 (no such date), 20 (blank id), and certs' row without an id.
    expect(nov.rejected.map((r) => [r.file.endsWith('certs.csv') ? 'certs' : 'services', r.row, r.column, String(r.reason)])).toEqual([
      ['services', 7, '满意度', 'not a number'],
      ['services', 8, '工号', 'no employee id'],
      ['services', 9, '服务日期', 'no date'],
      ['services', 12, null, 'the row has 10 cells but the header has 9: a value with a comma (or the delimiter) in it must be quoted'],
      ['services', 17, '是否及时', 'not a yes/no value (use 是/否, true/false, 1/0)'],
      ['services', 18, '金额', 'number too large (over 10^15: an id in a number column?)'],
      ['services', 19, '服务日期', 'no such date: 2026-02-30'],
      ['services', 20, '工号', 'no employee id'],
      ['certs', 5, '工号', 'no employee id'],
    ]);
    expect(nov.stats).toEqual({ rows: 27, rowsOutOfPeriod: 2, rejected: 9, read: 29, used: 16, blank: 2 });
    expect(nov.seen).toEqual([['E1', '张伟'], ['E2', '李娜'], ['E9', null], ['E3', '王芳'], ['E4', '赵磊'], ['E5', '陈静'], ['E6', 'Wang'], ['E7', '周杰']]);
    // E1 in November: rows 2, 3, 26. E2: rows 5, 6 (1,234.5 quoted, ４ full width). E6: 22, 23.
    expect(valuesOf(fast, 'E1')).toMatchObject({ rows: 3, visits: 2, satisfaction: expect.closeTo(14 / 3, 12), amount_sum: 1500, on_time_rate: expect.closeTo(2 / 3, 12), level_max: 3, certs: 1 });
    expect(valuesOf(fast, 'E2')).toMatchObject({ rows: 2, satisfaction: expect.closeTo((0.95 + 4) / 2, 12), amount_sum: 1314.5, big_share: 0.5, days_avg: 2, level_max: 4, certs: 2 });
    expect(valuesOf(fast, 'E6')).toMatchObject({ rows: 2, satisfaction: 0.25, amount_sum: 1007, amount_min: 7, on_time_rate: 0.5, kinds: 1 });
    expect(valuesOf(fast, 'E4')).toMatchObject({ rows: 2, amount_sum: 7, satisfaction: 3 });
    // October as its own period: rows 15 and 25.
    const oct = fast.views.find((v) => v.period === '2026-10')!;
    expect(oct.inPeriod.find(([id]) => id === 'E1')![1]).toContainEqual(['rows', 2]);
  });

  it('the same ledger in GBK (decoded chunk by chunk, then read the same way)', async () => {
    const gbk = iconv.encode(MIXED, 'gbk');
    expect(iconv.decode(gbk, 'gbk')).toBe(MIXED); // every character has a GBK code
    const files = [write('services-gbk.csv', gbk), write('certs.csv', iconv.encode(CERTS, 'gbk'))];
    const { fast, plain } = await readBothWays(files);
    expect(plain).toBeGreaterThan(15);
    // Read as the UTF-8 file was: the same stats, people and values.
    const utf8 = await readBothWays([write('services-utf8.csv', MIXED), write('certs.csv', CERTS)]);
    expect(fast.views[0].stats).toEqual(utf8.fast.views[0].stats);
    expect(fast.views[0].seen).toEqual(utf8.fast.views[0].seen);
    expect(fast.views[0].inPeriod).toEqual(utf8.fast.views[0].inPeriod);
  });

  it('two ledgers of one source, an employee in both (the employee keys are shared between tables)', async () => {
    const a = [HEADER, 'E1,张伟,2026-11-02,上门维修,5,是,1,2026-11-02,', 'E2,李娜,2026-11-02,上门维修,3,否,2,2026-11-02,', 'E1,张伟,2026-11-03,电话支持,4,是,4,2026-11-03,'].join('\n');
    // Other columns order, and E2 before E1: the pool entries differ from the first file's.
    const b = ['金额,工号,备注,服务日期,类型,满意度,是否及时,完成日期,姓名', '8,E2,,2026-11-04,上门维修,5,是,,', '16,E3,,2026-11-04,上门维修,5,是,,', '32,E1,,2026-11-05,上门维修,2,否,,张伟'].join('\n');
    const { fast } = await readBothWays([write('services-a.csv', a), write('services-b.csv', b)]);
    expect(fast.views[0].seen).toEqual([['E1', '张伟'], ['E2', '李娜'], ['E3', null]]);
    expect(valuesOf(fast, 'E1')).toMatchObject({ rows: 3, amount_sum: 37, satisfaction: 11 / 3 });
    expect(valuesOf(fast, 'E2')).toMatchObject({ rows: 2, amount_sum: 10, satisfaction: 4 });
  });

  it('ids longer than 64 bytes (kept in no pool, so with no employee key) and a semicolon ledger with 1,234.5 unquoted', async () => {
    const long = `E${'长'.repeat(30)}`; // 91 bytes
    const text = [HEADER.replaceAll(',', ';'), `${long};张伟;2026-11-02;上门维修;5;是;1,234.5;2026-11-02;`, `E1;张伟;2026-11-02;上门维修;5;是;2,000;2026-11-02;`, `${long};张伟;2026-11-03;上门维修;3;否;1;2026-11-02;`, ''].join('\n');
    const { fast, plain } = await readBothWays([write('services-semicolon.csv', text)]);
    expect(plain).toBe(4);
    expect(valuesOf(fast, long)).toMatchObject({ rows: 2, amount_sum: 1235.5, satisfaction: 4 });
    expect(valuesOf(fast, 'E1')).toMatchObject({ rows: 1, amount_sum: 2000 });
  });
});

// ————— records cut between chunks —————

const ROW = (i: number) => `E${i % 50},张伟,2026-11-${String((i % 28) + 1).padStart(2, '0')},上门维修,${(i % 5) + 1},是,${i % 1000},2026-11-28,`;

/** Plain rows (each ending in LF) after the header, to exactly `length` bytes. */
function rowsTo(length: number): { text: string; rows: number } {
  const lines: string[] = [HEADER];
  let size = Buffer.byteLength(HEADER) + 1;
  let i = 0;
  for (;;) {
    const row = ROW(i);
    const bytes = Buffer.byteLength(row) + 1;
    const left = length - size;
    if (left < 2 * bytes) {
      // The last row takes the rest in its note (ASCII, one byte a character).
      const pad = left - bytes;
      if (pad < 0) throw new Error('rowsTo: cannot fill');
      lines.push(row + 'n'.repeat(pad));
      return { text: `${lines.join('\n')}\n`, rows: i + 1 };
    }
    lines.push(row);
    size += bytes;
    i++;
  }
}

/** More plain rows after a cut, and a final one with no line break. */
const tail = (count: number) => Array.from({ length: count }, (_, i) => ROW(i + 7)).join('\n');

describe('records cut between the 256 KiB chunks the reader reads', () => {
  // Each case: `before` is how far ahead of the cut the special record starts, `record`
  // is the record itself; the bytes up to it are plain rows, after it plain rows again.
  const CUT_ROW = 'CUT,切,2026-11-10,上门维修,1,否,77,2026-11-12,';
  const B = Buffer.byteLength(CUT_ROW); // where the row's last cell starts
  const cases: [string, number, string][] = [
    ['at a record\'s start', 0, `${CUT_ROW}x\n`],
    ['inside a plain record', 17, `${CUT_ROW}x\n`],
    ['inside a 3-byte character of a plain record', 5, `CUT,切,2026-11-10,上门维修,1,否,77,2026-11-12,\n`.replace('CUT,切', 'CUT,切切')],
    ['just before the record\'s LF', B + 1, `${CUT_ROW}x\n`],
    ['between the CR and the LF of a CRLF', B + 2, `${CUT_ROW}x\r\n`],
    ['just after a lone CR', B + 2, `${CUT_ROW}x\r`],
    ['inside a quoted cell that closes before the next LF', B + 3, `${CUT_ROW}"q,u,o,t,e,d"\n`],
    ['inside a quoted cell whose line break comes after the cut', B + 3, `${CUT_ROW}"first line\nsecond, line"\n`],
    ['between the two quotes of an escaped quote', B + 3, `${CUT_ROW}"a""b"\n`],
    ['right after a quoted cell\'s closing quote', B + 4, `${CUT_ROW}"ab"\n`],
  ];
  it.each(cases)('%s', async (_, before, record) => {
    const cut = CHUNK;
    const head = rowsTo(cut - before);
    const text = `${head.text}${record}${tail(2000)}`;
    expect(Buffer.byteLength(head.text)).toBe(cut - before);
    expect(Buffer.byteLength(text)).toBeGreaterThan(cut + 1000);
    const { fast, plain, general } = await readBothWays([write('services-cut.csv', text)]);
    const rows = head.rows + 1 + 2000;
    // Every row is valid and in November: all read, all used, none rejected.
    expect(fast.views[0].stats).toEqual({ rows, rowsOutOfPeriod: 0, rejected: 0, read: rows, used: rows, blank: 0 });
    expect(fast.views[0].rejected).toEqual([]);
    expect(valuesOf(fast, 'CUT')).toMatchObject({ rows: 1, satisfaction: 1, amount_sum: 77, on_time_rate: 0, days_avg: 2 });
    expect(plain + general).toBe(rows + 1); // the header is a record too
    expect(plain).toBeGreaterThan(rows - 3);
  });

  it('a ledger of 15,000 short rows (> 512 KiB: three chunks, records cut at each border)', async () => {
    const count = 15_000;
    const lines = [HEADER];
    // ~42 bytes a row; every 500th row is quoted, every 700th rejected, every 900th blank.
    for (let i = 0; i < count; i++) {
      if (i % 900 === 899) lines.push('');
      else if (i % 700 === 699) lines.push(`E${i % 97},,2026-11-${String((i % 28) + 1).padStart(2, '0')},上门维修,x,是,${i},,`);
      else if (i % 500 === 499) lines.push(`E${i % 97},,2026-11-${String((i % 28) + 1).padStart(2, '0')},"上门,维修",${i % 5},是,${i},,`);
      else lines.push(`E${i % 97},,2026-${i % 3 === 0 ? '10' : '11'}-${String((i % 28) + 1).padStart(2, '0')},上门维修,${i % 5},是,${i},,`);
    }
    const text = `${lines.join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * CHUNK);
    // The chunk borders fall inside records, not between them.
    const bytes = Buffer.from(text);
    expect(bytes[CHUNK - 1]).not.toBe(10);
    expect(bytes[2 * CHUNK - 1]).not.toBe(10);
    const { fast, plain } = await readBothWays([write('services-large.csv', text)]);
    expect(plain).toBeGreaterThan(14_000);
    const blank = Math.floor(count / 900);
    const rejected = [...Array(count).keys()].filter((i) => i % 900 !== 899 && i % 700 === 699).length;
    const october = [...Array(count).keys()].filter((i) => i % 900 !== 899 && i % 700 !== 699 && i % 500 !== 499 && i % 3 === 0).length;
    expect(fast.views[0].stats).toEqual({ rows: count - blank, rowsOutOfPeriod: october, rejected, read: count, used: count - blank - rejected - october, blank });
  });
});

// ————— random ledgers —————

/** A cell as a CSV writes it: quoted when it must be (or, at times, when it need not). */
function csvCell(text: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const LONG_ID = `E${'长'.repeat(25)}`; // 76 bytes: past the pool's 64
const pick = <T>(...values: T[]) => fc.constantFrom(...values);
/** Mostly a good value, now and then a bad or odd one. */
const mostly = (good: fc.Arbitrary<string>, odd: fc.Arbitrary<string>) => fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: odd });
const cellsArb = fc.tuple(
  mostly(pick('E1', 'E2', 'E3', 'E10', '员工7', 'E1', 'E2'), pick(' E4', LONG_ID, '', ' ')),
  pick('张伟', '李娜', '', 'Wang'),
  mostly(pick('2026-11-02', '2026-11-30', '2026-10-15', '2026/11/5', '2026-11-02 14:30', '2026-11-09'), pick('', '2026-02-30', 'x', '46000', '2026-09-30')),
  pick('上门维修', '电话支持', '预防性维护', '', ' 上门维修 ', '上门维修'),
  mostly(fc.oneof(pick('5', '4.5', '', '95%', '-0', '９', '1e2', '.5', '1,234', '+7.', '3'), fc.integer({ min: -999, max: 9999 }).map(String)), pick('abc', '1.2.3', '12345678901234567')),
  mostly(pick('是', '否', '√', '×', 'yes', '', 'TRUE', '0'), pick('maybe', '2')),
  mostly(fc.oneof(fc.integer({ min: 0, max: 5000 }).map(String), pick('', '1,200', '0.1', '１２')), pick('12345678901234567', 'n/a')),
  mostly(pick('2026-11-03', '', '2026-11-30'), pick('2026-13-01', 'soon')),
  fc.oneof({ weight: 6, arbitrary: pick('', 'ok', '备注') }, { weight: 1, arbitrary: fc.string({ unit: pick('a', ',', '"', '\n', '\r', ' ', '中'), maxLength: 6 }) }),
);
const lineArb: fc.Arbitrary<Line> = fc.oneof(
  { weight: 30, arbitrary: fc.record({ kind: fc.constant('row' as const), cells: cellsArb.map((cells): string[] => [...cells]), quote: fc.nat(80), cut: fc.nat(30), extra: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.constantFrom<Line>({ kind: 'blank' }, { kind: 'commas' }) },
);
const endArb = fc.oneof({ weight: 12, arbitrary: fc.constant('\n') }, { weight: 1, arbitrary: fc.constantFrom('\r\n', '\r') });

type Line = { kind: 'row'; cells: string[]; quote: number; cut: number; extra: number } | { kind: 'blank' | 'commas' };

/** The ledger's text: an optional title line, the header, then the lines, each ended by
 *  one of `ends` in turn. A lone CR before an empty line would make a CRLF of the two, and
 *  an empty last line without a break after it is no line: both are avoided, so that the
 *  ledger has exactly one record per line given. */
function ledgerText(lines: Line[], ends: string[], title: boolean, finalBreak: boolean): string {
  const records = lines.map((line, i) => {
    if (line.kind !== 'row') return line.kind === 'blank' ? '' : ',,,,';
    let cells = line.cells.map((cell, k) => csvCell(cell, line.quote === k));
    if (line.cut === 0) cells = cells.slice(0, 3 + (i % 5)); // fewer cells than the header
    if (line.extra === 0) cells = [...cells, i % 2 === 0 ? 'extra' : '']; // one too many
    return cells.join(',');
  });
  const all = [...(title ? ['服务台账 2026年11月'] : []), HEADER, ...records];
  const last = all.length - 1;
  return all.map((record, i) => {
    if (i === last) return record + (finalBreak || record === '' ? '\n' : '');
    const end = ends[i % ends.length];
    return record + (end === '\r' && all[i + 1] === '' ? '\n' : end);
  }).join('');
}

describe('random ledgers (property)', () => {
  it('any mix of rows, line ends and cells: both paths agree, and every row is accounted for', async () => {
    let large = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(lineArb, { minLength: 1, maxLength: 150, size: 'max' }), fc.array(endArb, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), fc.constantFrom(0, 0, 0, 300_000, 600_000),
      async (lines, ends, title, finalBreak, bytes) => {
        // Repeated up to `bytes`, the same rows make a ledger of a few hundred KiB: chunk
        // borders fall somewhere among them, a different place in each run.
        const once = Buffer.byteLength(ledgerText(lines, ends, title, finalBreak));
        const repeat = Math.max(1, Math.ceil(bytes / once));
        const text = ledgerText(Array.from({ length: repeat }, () => lines).flat(), ends, title, finalBreak);
        if (Buffer.byteLength(text) > CHUNK) large++;
        const { fast } = await readBothWays([write('services-random.csv', text)]);
        // No row goes missing: records below the header are all read (the title is no row).
        expect(fast.views[0].stats.read).toBe(lines.length * repeat);
      },
    ), { numRuns: 30, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true });
    // The runs did read ledgers of more than one chunk.
    expect(large).toBeGreaterThan(0);
  }, 120_000);
});
