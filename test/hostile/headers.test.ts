/**
 * Hostile and sloppy header rows (RELIABILITY §9 cases 13–15): unnamed columns, byte-order
 * marks, JavaScript's own property names as headers, ids and teams, title rows above the
 * header, and no header at all. (Duplicate headers, case 12, are read first-wins today:
 * see the suite's report.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actuals, checkWorkbook, expectError, HEADER, rejections, runMany, scored, workspace, type CliResult } from './kit.js';

const E1_E2 = 'E1,2026-11-01,5,x\nE2,2026-11-02,6,y\n';
const PROTO_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const protoDir = workspace({
  'services.csv': `ID,Date,Score,Note,__proto__,constructor,prototype,toString,hasOwnProperty\n${PROTO_IDS.map((id, i) => `${id},2026-11-0${i + 1},${i + 5},x,a,1,2,3,4`).join('\n')}\n`,
  'roster.csv': `ID,Name,Role,Team\n${PROTO_IDS.map((id) => `${id},${id.toUpperCase()},engineer,${id === 'valueOf' ? 'prototype' : id}`).join('\n')}\n`,
});
const titled = (n: number) => `${Array.from({ length: n }, (_, i) => `Service ledger page ${i + 1},,,\n`).join('')}${HEADER}${E1_E2}`;

const cases = {
  unnamedColumn: { args: ['score', 'services.csv', '--format', 'json', '-q'], cwd: workspace({ 'services.csv': `ID,Date,,Score,   ,Note\nE1,2026-11-01,zz,5,yy,x\n` }) },
  bomHeader: { args: ['score', 'services.csv', '--format', 'json', '-q'], cwd: workspace({ 'services.csv': `\uFEFF${HEADER}${E1_E2}` }) },
  doubleBom: { args: ['score', 'services.csv', '--format', 'json', '-q'], cwd: workspace({ 'services.csv': `\uFEFF\uFEFF${HEADER}${E1_E2}` }) },
  protoNames: { args: ['score', 'services.csv', 'roster.csv', '--format', 'json', '-q', '-o', 'out.csv'], cwd: protoDir },
  protoBatch: { args: ['batch', 'services.csv', 'roster.csv', '--periods', '2026-11', '--by', 'team', '--out-dir', 'teams', '-q'], cwd: protoDir },
  titleRows: { args: ['score', 'services.csv', '--format', 'json', '-q'], cwd: workspace({ 'services.csv': titled(19) }) },
  headerTooLow: { args: ['score', 'services.csv', '--format', 'json', '-q'], cwd: workspace({ 'services.csv': titled(20) }) },
  noHeader: { args: ['score', 'services.csv', '--format', 'json', '-q'], cwd: workspace({ 'services.csv': E1_E2 }) },
};
let runs: Record<keyof typeof cases, CliResult>;

beforeAll(() => {
  const names = Object.keys(cases) as (keyof typeof cases)[];
  const results = runMany(names.map((n) => cases[n]));
  runs = Object.fromEntries(names.map((n, i) => [n, results[i]])) as typeof runs;
});

describe('headers (cases 13–15)', () => {
  it('an empty or blank header names no field: its column is ignored, the row is read', () => {
    const report = scored(runs.unnamedColumn);
    expect(actuals(report)).toEqual({ E1: 5 });
    expect(rejections(report)).toEqual([]);
  });

  it.each(['bomHeader', 'doubleBom'] as const)('%s: the first header still matches', (name) => {
    expect(actuals(scored(runs[name]))).toEqual({ E1: 5, E2: 6 });
  });

  it('__proto__, constructor, prototype, toString, hasOwnProperty are ordinary headers, ids, names and teams', () => {
    const report = scored(runs.protoNames);
    // Compared as entries: an object literal with a __proto__ key would set its prototype.
    expect(Object.entries(actuals(report)).sort()).toEqual(PROTO_IDS.map((id, i) => [id, i + 5]).sort());
    expect(report.employees.map((e) => [e.id, e.name, e.team])).toEqual([...PROTO_IDS].reverse().map((id) => [id, id.toUpperCase(), id === 'valueOf' ? 'prototype' : id]));
    expect(report.stats).toEqual({ rows: 5, rowsOutOfPeriod: 0, rejected: 0, read: 10, used: 10, blank: 0 });
  });

  it('batch --by team writes one valid workbook per such team', async () => {
    expect(runs.protoBatch.status).toBe(0);
    for (const team of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype']) {
      const file = join(protoDir, 'teams', `2026-11-${team}.xlsx`);
      expect(existsSync(file), team).toBe(true);
      await checkWorkbook(file);
    }
  });

  it('title rows above the header are skipped (header on row 20)', () => {
    const report = scored(runs.titleRows);
    expect(actuals(report)).toEqual({ E1: 5, E2: 6 });
    expect(report.stats.rows).toBe(2);
  });

  it('a header below row 20 is not looked for: the error names the headers of the best row', () => {
    expectError(runs.headerTooLow, 2, 'kpi: error: services.csv: no header row with every column of source "services" in the first 20 rows; missing "ID" (field employee); "Date" (field date); "Score" (field score); "Note" (field note)');
  });

  it('no header at all: the error shows the first row as the headers seen', () => {
    expectError(runs.noHeader, 2, 'kpi: error: services.csv: no header row with every column of source "services" in the first 20 rows; missing "ID" (field employee); "Date" (field date); "Score" (field score); "Note" (field note)');
    expect(runs.noHeader.stderr).toContain('hint: headers seen in row 1: "E1", "2026-11-01", "5", "x".');
  });
});
