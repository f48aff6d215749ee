/**
 * SPEC §4.6: a workbook none of whose sheets is named after a source, with exactly one
 * sheet holding data, feeds the single non-roster source, as a CSV does (§4.2) — the
 * `Sheet1` of an export, beside the empty `Sheet2` and `Sheet3` older Excel adds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows, writeBook } from '../hostile/xlsx-kit.js';
import { runKpi } from './run-cli.js';

const CONFIG = `version: 1
title: Calls
sources:
  roster:
    columns: { employee: Agent, name: Name }
  calls:
    columns: { employee: Agent, date: Date, talk: Talk }
    types: { talk: seconds }
metrics:
  calls: { source: calls, agg: count }
dimensions:
  service: { indicators: [ { metric: calls, weight: 100, standard: { method: direct } } ] }
roles: { agent: { weights: { service: 100 } } }
grades: [ { grade: A } ]
`;
const DATA = rows([['Agent', 'Date', 'Talk'], ['A1', '2026-11-05', '0:03:37'], ['A1', '2026-11-06', '0:01:00'], ['A2', '2026-11-05', '0:02:00']]);

let dir: string;
const calls = (file: string) => {
  const run = runKpi(['score', file, '-p', '2026-11', '--format', 'json', '-q'], { cwd: dir });
  expect(run.status, run.stderr).toBe(0);
  const doc = JSON.parse(run.stdout) as { employees: Array<{ id: string; indicators: Array<{ actual: number }> }> };
  return Object.fromEntries(doc.employees.map((e) => [e.id, e.indicators[0].actual]));
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpi-one-sheet-'));
  writeFileSync(join(dir, 'kpi.yaml'), CONFIG);
});

describe('a workbook whose one sheet holding data is named after no source', () => {
  it('feeds the single non-roster source when it is the only sheet', () => {
    writeBook(join(dir, 'export.xlsx'), { sheets: [{ name: 'Sheet1', data: DATA }] });
    expect(calls('export.xlsx')).toEqual({ A1: 2, A2: 1 });
  });

  it('feeds it beside empty sheets (Sheet2, Sheet3), whatever their order', () => {
    writeBook(join(dir, 'three.xlsx'), { sheets: [{ name: 'Sheet2', data: '' }, { name: 'Report', data: DATA }, { name: 'Sheet3', data: '<row r="1"></row>' }] });
    expect(calls('three.xlsx')).toEqual({ A1: 2, A2: 1 });
  });

  it('is an error naming the sheets and the sources when two sheets hold data', () => {
    writeBook(join(dir, 'two.xlsx'), { sheets: [{ name: 'Sheet1', data: DATA }, { name: 'Notes', data: rows([['read me']]) }] });
    const run = runKpi(['score', 'two.xlsx', '-p', '2026-11'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('kpi: error: two.xlsx: no sheet is named after a source; the workbook\'s sheets: "Sheet1", "Notes"; the config expects "roster", "calls"');
  });
});
