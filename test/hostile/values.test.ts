/**
 * Cell values people type (RELIABILITY §9 cases 16, 17, 22): number spellings that are
 * read and those that are refused (never guessed), dates whose calendar day must not move
 * whatever the machine's time zone — the date cases run in three zones — and results that
 * cannot be computed (division by zero, no values) that must never print NaN or Infinity.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actuals, checkWorkbook, HEADER, runMany, scored, SCHEME, workspace, type CliResult } from './kit.js';

// ── numbers ─────────────────────────────────────────────────────────────────────────
// [cell text, value read, or the reason it is refused]
const NUMBERS: [string, number | string][] = [
  ['1,234.50', 1234.5], ['1 234,50', 'not a number'], ['(123.00)', 'not a number'], ['-0', 0],
  ['+5', 5], ['1e21', 'number too large (over 10^15: an id in a number column?)'], ['999999999999999', 999999999999999], ['1e15', 1e15], ['-1e16', 'number too large (over 10^15: an id in a number column?)'], ['0x1F', 'not a number'], ['１２３', 123], ['95%', 0.95],
  ['¥1,000', 'not a number'], ['NaN', 'not a number'], ['Infinity', 'not a number'], ['-', 'not a number'],
  ['00123', 123], ['1e400', 'number too large (over 10^15: an id in a number column?)'], ['1e308', 'number too large (over 10^15: an id in a number column?)'], ['١٢٣', 'not a number'], ['5\u00A0', 5], ['\u22123', -3],
];
const numberDir = workspace({
  'services.csv': HEADER + NUMBERS.map(([text], i) => `N${i},2026-11-01,"${text}",x`).join('\n') + '\n00123,2026-11-02,7,id with zeros\n',
});

// ── dates ───────────────────────────────────────────────────────────────────────────
// Each id carries one date; the periods it must fall in are the same in every zone.
// São Paulo skipped 2018-11-04 00:00–01:00 (DST start) and repeated 2019-02-16 23:00–24:00;
// Shanghai's 1900 offset was +08:05:43, which shifts naive conversions by a day.
const DATES: [string, string, string | null][] = [
  ['J1', '2024-01-31 23:59:59', '2024-01'], ['J2', '2024/1/31', '2024-01'], ['J3', '2024年1月31日', '2024-01'],
  ['J4', '45322', '2024-01'], ['J5', '45322.99', '2024-01'], ['F1', '2024-02-01', '2024-02'], ['F2', '45323', '2024-02'],
  ['F3', '2024.2.1 00:00', '2024-02'], ['S1', '2018-11-04 00:30', '2018-11'], ['S2', '2018-11-04', '2018-11'],
  ['S3', '2018-10-31 23:30', '2018-10'], ['S4', '2019-02-16 23:30', '2019-02'], ['H1', '1900-03-01', '1900-03'],
  ['H2', '61', '1900-03'], ['X1', '2024-02-30', null], ['X2', '05/01/2024', null], ['X3', '2024-01-05T10:00:00+08:00', null],
  ['X4', '60', null], ['X5', '2024-01-05 24:00', null], ['X6', '2958466', null],
];
const PERIODS = ['2024-01', '2024-02', '2018-10', '2018-11', '2019-02', '1900-03'];
const dateDir = workspace({ 'services.csv': HEADER + DATES.map(([id, date]) => `${id},${date},5,x`).join('\n') + '\n' });
const dateCases = [
  { args: ['validate', 'services.csv', '--format', 'json'], cwd: dateDir },
  ...PERIODS.map((p) => ({ args: ['score', 'services.csv', '--format', 'json', '-q', '-p', p], cwd: dateDir })),
];
const ZONES = ['UTC', 'Asia/Shanghai', 'America/Sao_Paulo'];

// ── results that cannot be computed ─────────────────────────────────────────────────
const DIVIDING = SCHEME
  .replace('  visits: { source: services, agg: count }\n', '  visits: { source: services, agg: count }\n  per_point: { formula: "visits / score" }\n')
  .replace('weight: 30, standard: { method: ratio, target: 2 } }', 'weight: 15, standard: { method: ratio, target: 2 } }\n      - { metric: per_point, weight: 15, standard: { method: ratio, target: 2 } }');
const divisionDir = workspace({ 'services.csv': `${HEADER}E1,2026-11-01,0,zero\nE2,2026-11-02,,no value\n` }, DIVIDING);
const rejectedDir = workspace({ 'services.csv': `${HEADER}E1,2026-11-01,abc,x\nE2,2026-11-02,?,y\n` });

let numbers: CliResult;
let byZone: Record<string, CliResult[]>;
let division: CliResult;
let allRejected: CliResult;

beforeAll(() => {
  let rest: CliResult[];
  [numbers, division, allRejected, ...rest] = runMany([
    { args: ['score', 'services.csv', '--format', 'json', '-q'], cwd: numberDir },
    { args: ['score', 'services.csv', '--format', 'json', '-q', '-o', 'out.csv', '-o', 'out.xlsx'], cwd: divisionDir },
    { args: ['validate', 'services.csv'], cwd: rejectedDir },
    ...dateCases,
  ], { TZ: ZONES[0] });
  byZone = { [ZONES[0]]: rest };
  for (const zone of ZONES.slice(1)) byZone[zone] = runMany(dateCases, { TZ: zone });
});

describe('numbers (case 16)', () => {
  it('each spelling is read as its value or refused with a reason; nothing is guessed', () => {
    const report = scored(numbers);
    const values = actuals(report);
    const rejected = new Map(report.rejected.map((r) => [r.row, r.reason]));
    const got = NUMBERS.map(([text], i): [string, number | string] => [text, rejected.get(i + 2) ?? values[`N${i}`]!]);
    expect(got).toEqual(NUMBERS);
    const refused = NUMBERS.filter(([, v]) => typeof v === 'string').length;
    expect(refused).toBe(12);
    expect(report.stats).toEqual({ rows: NUMBERS.length + 1, rowsOutOfPeriod: 0, rejected: refused, read: NUMBERS.length + 1, used: NUMBERS.length + 1 - refused, blank: 0 });
  });

  it('an id with leading zeros stays text: 00123 is not person 123', () => {
    expect(actuals(scored(numbers))['00123']).toBe(7);
  });
});

describe.each(ZONES)('dates under TZ=%s (case 17)', (zone) => {
  it('unreadable dates are rejected with their reason', () => {
    const [validate] = byZone[zone];
    expect(validate.status).toBe(2);
    const { ledgers } = JSON.parse(validate.stdout) as { ledgers: { rejected: { row: number; value: string; reason: string }[] } };
    expect(ledgers.rejected.map((r) => `${r.value}: ${r.reason}`)).toEqual([
      '2024-02-30: no such date: 2024-02-30',
      '05/01/2024: ambiguous date: day/month order unknown (set date_format: dmy or mdy in the source)',
      '2024-01-05T10:00:00+08:00: not a date (use 2026-11-05)',
      '60: not a date: 60 is not an Excel serial date',
      '2024-01-05 24:00: invalid time (hours 0–23, minutes and seconds 0–59)',
      '2958466: not a date: 2958466 is not an Excel serial date',
    ]);
  });

  it.each(PERIODS.map((p, i) => [p, i + 1] as const))('period %s holds exactly the dates of its calendar month', (period, index) => {
    const report = scored(byZone[zone][index]);
    const expected = DATES.filter(([, , p]) => p === period).map(([id]) => id).sort();
    expect(report.employees.map((e) => e.id).sort()).toEqual(expected);
  });
});

describe('results that cannot be computed (case 22)', () => {
  it('division by zero and an average of no values are "no value" (null), never NaN or Infinity, in JSON, CSV and xlsx', async () => {
    const report = scored(division);
    expect(report.employees.map((e) => [e.id, e.indicators.map((i) => i.actual)])).toEqual([
      ['E2', [null, 1, null]],
      ['E1', [0, 1, null]],
    ]);
    expect(division.stdout).not.toMatch(/NaN|Infinity/);
    expect(readFileSync(join(divisionDir, 'out.csv'), 'utf8')).not.toMatch(/NaN|Infinity/);
    await checkWorkbook(join(divisionDir, 'out.xlsx'));
  });

  it('every row rejected: kpi validate lists each one with its place (exit 2)', () => {
    expect(allRejected.status).toBe(2);
    expect(allRejected.stdout).toContain('rejected rows: 2 (they would count in no metric)\n  services.csv row 2, column Score: "abc" not a number\n  services.csv row 3, column Score: "?" not a number\n');
  });
});
