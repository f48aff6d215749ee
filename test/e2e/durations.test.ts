/**
 * Durations and time cells from real exports (SPEC §4.6, issue 15), through the built CLI:
 * every text spelling in a CSV, the same durations as an Excel workbook writes them (time
 * cells with built-in and custom formats, `[h]:mm:ss` past 24 hours, a 1904-system book),
 * identical JSON from both, and a number or date field reading a time cell.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows, writeBook, type XCell } from '../hostile/xlsx-kit.js';
import { runKpi } from './run-cli.js';

const CONFIG = `version: 1
title: Call centre
sources:
  calls:
    columns: { employee: Agent, date: Date, talk: Talk, talk_min: Talk, talk_hours: Talk }
    types: { talk: seconds, talk_min: minutes, talk_hours: hours }
metrics:
  talk: { source: calls, agg: max, field: talk }
  talk_min: { source: calls, agg: max, field: talk_min }
  talk_hours: { source: calls, agg: max, field: talk_hours }
dimensions:
  service:
    indicators:
      - { metric: talk, weight: 40, standard: { method: direct } }
      - { metric: talk_min, weight: 30, standard: { method: direct } }
      - { metric: talk_hours, weight: 30, standard: { method: direct } }
roles: { agent: { weights: { service: 100 } } }
grades: [ { grade: A } ]
`;

/** Each agent's one call: the text a CSV export writes, the seconds it means (hand-checked). */
const SPELLINGS: Array<[string, string, number]> = [
  ['A01', '0:03:37', 217],
  ['A02', '01:02:03.5', 3723.5],
  ['A03', '3:37', 13_020], // two parts are h:mm, as Excel reads a typed 3:37
  ['A04', '1小时5分', 3900],
  ['A05', '3分37秒', 217],
  ['A06', '37秒', 37],
  ['A07', '2天3小时', 183_600],
  ['A08', '90分钟', 5400],
  ['A09', '2h 30m', 9000],
  ['A10', '45min', 2700],
  ['A11', '90s', 90],
  ['A12', '1.5h', 5400],
  ['A13', 'PT1H5M', 3900],
  ['A14', '26:30:00', 95_400],
  ['A15', '0:00:00.5', 0.5],
  ['A16', '３分３７秒', 217],
];

type Doc = { employees: Array<{ id: string; indicators: Array<{ metric: string; actual: number | null }> }>; rejected: Array<{ file: string; sheet: string | null; row: number; column: string; value: string; reason: string }> };

function actuals(doc: Doc, metric: string): Record<string, number | null> {
  return Object.fromEntries(doc.employees.map((e) => [e.id, e.indicators.find((i) => i.metric === metric)!.actual]));
}

let dir: string;
const score = (files: string[], config = 'kpi.yaml', env: Record<string, string> = {}): Doc => {
  const run = runKpi(['score', ...files, '-c', config, '-p', '2026-11', '--format', 'json', '-q'], { cwd: dir, env });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Doc;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpi-durations-'));
  writeFileSync(join(dir, 'kpi.yaml'), CONFIG);
});

describe('duration texts in a CSV', () => {
  it('read every spelling of §4.6 in seconds, minutes and hours', () => {
    const csv = ['Agent,Date,Talk', ...SPELLINGS.map(([id, text]) => `${id},2026-11-05,${text}`), 'A17,2026-11-05,217'].join('\n');
    writeFileSync(join(dir, 'calls.csv'), csv);
    const doc = score(['calls.csv']);
    const seconds = Object.fromEntries(SPELLINGS.map(([id, , s]) => [id, s]));
    // A plain number is already in the field's unit: 217 seconds, 217 minutes, 217 hours.
    expect(actuals(doc, 'talk')).toEqual({ ...seconds, A17: 217 });
    expect(actuals(doc, 'talk_min')).toEqual({ ...Object.fromEntries(SPELLINGS.map(([id, , s]) => [id, s / 60])), A17: 217 });
    expect(actuals(doc, 'talk_hours')).toEqual({ ...Object.fromEntries(SPELLINGS.map(([id, , s]) => [id, s / 3600])), A17: 217 });
    expect(doc.rejected).toEqual([]);
    // Read in a worker thread (as large files are), the values are the same.
    expect(score(['calls.csv'], 'kpi.yaml', { KPI_THREADED_BYTES: '1' })).toEqual(doc);
  });

  it('a column of many distinct durations (past the typer pools) reads as the reference reader does', () => {
    const lines = ['Agent,Date,Talk'];
    const expected: Record<string, number> = {};
    for (let i = 0; i < 6000; i++) {
      const s = 60 + i;
      const text = i % 3 === 0 ? `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : i % 3 === 1 ? `${Math.floor(s / 60)}分${s % 60}秒` : String(s);
      const agent = `P${i % 30}`;
      lines.push(`${agent},2026-11-05,${text}`);
      expected[agent] = (expected[agent] ?? 0) + s;
    }
    writeFileSync(join(dir, 'many.csv'), lines.join('\n'));
    writeFileSync(join(dir, 'sum.yaml'), CONFIG.replace('talk: { source: calls, agg: max, field: talk }', 'talk: { source: calls, agg: sum, field: talk }'));
    expect(actuals(score(['many.csv'], 'sum.yaml'), 'talk')).toEqual(expected);
  });

  it('reject negative and unreadable durations, with the reason', () => {
    writeFileSync(join(dir, 'bad.csv'), 'Agent,Date,Talk\nB0,2026-11-05,0:01:00\nB1,2026-11-05,-0:01:00\nB2,2026-11-05,soon\nB3,2026-11-05,0:75:00\nB4,2026-11-05,-30\n');
    const doc = score(['bad.csv']);
    expect(doc.rejected.map((r) => [r.row, r.column, r.value, r.reason])).toEqual([
      [3, 'Talk', '-0:01:00', 'a negative duration'],
      [4, 'Talk', 'soon', 'not a duration (use 0:03:37, 3分37秒, 90s, PT1H5M or a number of seconds)'],
      [5, 'Talk', '0:75:00', 'not a duration: minutes and seconds must be below 60'],
      [6, 'Talk', '-30', 'a negative duration'],
    ]);
  });

  it('read two parts as mm:ss when the source says duration_format: mm:ss', () => {
    writeFileSync(join(dir, 'mmss.yaml'), CONFIG.replace('    types: {', '    duration_format: mm:ss\n    types: {'));
    writeFileSync(join(dir, 'calls-mmss.csv'), 'Agent,Date,Talk\nC1,2026-11-05,3:37\nC2,2026-11-05,75:30\nC3,2026-11-05,1:02:03\n');
    const doc = score(['calls-mmss.csv'], 'mmss.yaml');
    expect(actuals(doc, 'talk')).toEqual({ C1: 217, C2: 4530, C3: 3723 });
  });
});

// Cell styles of the workbooks below (index = the cell's `s`).
const STYLES = [0, 21, 46, 164, 165, 45, 166, 20, 14, 167];
const FORMATS = { 164: '[h]:mm:ss', 165: 'h:mm:ss.0', 166: '[mm]:ss', 167: 'yyyy-mm-dd' };
const cell = (style: number, value: number): XCell => ({ attrs: `s="${style}"`, xml: `<v>${value}</v>` });

/** The CSV's calls as Excel holds them: durations as fractions of a day where Excel
 *  would store a time, the Chinese and English spellings as text. */
function workbookRows(date: XCell): XCell[][] {
  const time = (s: number, style: number) => cell(style, s / 86_400);
  const byId: Record<string, XCell> = {
    A01: time(217, 1), // h:mm:ss (built-in 21)
    A02: time(3723.5, 4), // custom h:mm:ss.0
    A03: time(13_020, 7), // h:mm (built-in 20)
    A07: time(183_600, 2), // [h]:mm:ss (built-in 46), 51 hours
    A08: time(5400, 6), // custom [mm]:ss
    A10: time(2700, 5), // mm:ss (built-in 45)
    A14: time(95_400, 3), // custom [h]:mm:ss over 24 hours
    A15: time(0.5, 1),
  };
  return [
    ['Agent', 'Date', 'Talk'],
    ...SPELLINGS.map(([id, text]): XCell[] => [id, date, byId[id] ?? text]),
    ['A17', date, 217],
  ];
}

describe('duration cells in a workbook', () => {
  it('give the JSON the same durations as text give in a CSV', () => {
    writeFileSync(join(dir, 'same.csv'), ['Agent,Date,Talk', ...SPELLINGS.map(([id, text]) => `${id},2026-11-05,${text}`), 'A17,2026-11-05,217', 'A18,2026-11-05,-0:01:00'].join('\n'));
    const data = rows([...workbookRows(cell(9, 46_331)), ['A18', cell(9, 46_331), cell(1, -60 / 86_400)]]);
    writeBook(join(dir, 'same.xlsx'), { sheets: [{ name: 'calls', data }], styles: STYLES, formats: FORMATS });
    const anonymous = (doc: Doc) => ({ ...doc, config: '', rejected: doc.rejected.map((r) => ({ ...r, file: '', sheet: null })) });
    const fromCsv = score(['same.csv']);
    const fromXlsx = score(['same.xlsx']);
    expect(fromXlsx.rejected.map((r) => [r.row, r.value, r.reason])).toEqual([[19, '-0:01:00', 'a negative duration']]);
    expect(anonymous(fromXlsx)).toEqual(anonymous(fromCsv));
    expect(actuals(fromXlsx, 'talk').A01).toBe(217);
  });

  it('read a 1904-system workbook alike: durations do not move, dates do', () => {
    const data = rows(workbookRows(cell(9, 46_331 - 1462)));
    writeBook(join(dir, 'mac.xlsx'), { sheets: [{ name: 'calls', data }], styles: STYLES, formats: FORMATS, date1904: true });
    const doc = score(['mac.xlsx']);
    expect(actuals(doc, 'talk')).toEqual({ ...Object.fromEntries(SPELLINGS.map(([id, , s]) => [id, s])), A17: 217 });
  });
});

describe('a time cell in a number or date field', () => {
  const config = `version: 1
title: Calls
sources:
  calls:
    columns: { employee: Agent, date: Date, talk: Talk }
    types: { talk: number }
metrics:
  talk: { source: calls, agg: max, field: talk }
dimensions:
  service: { indicators: [ { metric: talk, weight: 100, standard: { method: direct } } ] }
roles: { agent: { weights: { service: 100 } } }
grades: [ { grade: A } ]
`;
  it('a number field takes the fraction of a day as stored: no leap-year day added', () => {
    writeFileSync(join(dir, 'number.yaml'), config);
    const talk = 0.0025115740740740741;
    const data = rows([['Agent', 'Date', 'Talk'], ['N1', cell(9, 46_331), cell(1, talk)], ['N2', cell(9, 46_331), cell(3, 1.5)], ['N3', cell(9, 46_331), cell(5, 0.03125)]]);
    writeBook(join(dir, 'number.xlsx'), { sheets: [{ name: 'calls', data }], styles: STYLES, formats: FORMATS });
    writeBook(join(dir, 'number1904.xlsx'), { sheets: [{ name: 'calls', data: rows([['Agent', 'Date', 'Talk'], ['N1', cell(9, 46_331 - 1462), cell(1, talk)]]) }], styles: STYLES, formats: FORMATS, date1904: true });
    expect(actuals(score(['number.xlsx'], 'number.yaml'), 'talk')).toEqual({ N1: talk, N2: 1.5, N3: 0.03125 });
    expect(actuals(score(['number1904.xlsx'], 'number.yaml'), 'talk')).toEqual({ N1: talk });
  });

  it('a date field refuses a time of day: "a time of day, not a date"', () => {
    const data = rows([['Agent', 'Date', 'Talk'], ['D1', cell(1, 0.5), 3], ['D2', cell(9, 46_331), 4], ['D3', cell(7, 46_331.75), 5]]);
    writeBook(join(dir, 'date.xlsx'), { sheets: [{ name: 'calls', data }], styles: STYLES, formats: FORMATS });
    const doc = score(['date.xlsx'], 'number.yaml');
    expect(doc.rejected.map((r) => [r.row, r.column, r.value, r.reason])).toEqual([[2, 'Date', '12:00:00', 'a time of day, not a date']]);
    // A date-time shown with a time-only format is still the date-time it holds.
    expect(actuals(doc, 'talk')).toEqual({ D2: 4, D3: 5 });
  });
});
