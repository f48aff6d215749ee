/**
 * The CSV report (SPEC §6.3): parsed back into rows and compared with the JSON document —
 * data, not formatting — plus the BOM and formula neutralising.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ScoreReport } from '../../src/core/report.js';
import type { Scheme } from '../../src/core/types.js';
import { checkConfigText } from '../../src/config/load.js';
import { neutralizeCell, renderCsv } from '../../src/render/csv.js';
import { readFileSync } from 'node:fs';

const scheme = checkConfigText(readFileSync('fixtures/minimal/kpi.yaml', 'utf8'), 'kpi.yaml').scheme as Scheme;

function employee(id: string, name: string | null, final: number | null, serviceScore: number | null): ScoreReport['employees'][number] {
  return {
    id, name, role: 'engineer', team: null, base: final, adjustment: 0, final, grade: final === null ? null : 'C',
    rank: final === null ? null : 1, teamRank: null, vetoes: [], error: final === null ? 'no role' : null,
    dimensions: [
      { id: 'service', weight: 70, score: serviceScore, excluded: serviceScore === null },
      { id: 'output', weight: 30, score: 50, excluded: false },
    ],
    indicators: [],
  };
}

const report: ScoreReport = {
  title: 't', period: '2026-11', config: 'kpi.yaml', progress: null,
  employees: [employee('E1', '=HYPERLINK("http://x","y")', 46.5, 45), employee('-3', '+1', 35.5, null), employee('E3', null, null, null)],
  rejected: [], warnings: [], stats: { rows: 0, rowsOutOfPeriod: 0, rejected: 0 },
};

describe('renderCsv', () => {
  const text = renderCsv(report, scheme);

  it('starts with a UTF-8 BOM and uses CRLF', () => {
    expect(text.startsWith('\uFEFFid,name,role,team,service,output,adjustment,final,grade,rank\r\n')).toBe(true);
  });

  it('reads back to the report values, N/A for an excluded dimension', () => {
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { id: 'E1', name: '\'=HYPERLINK("http://x","y")', role: 'engineer', team: '', service: '45', output: '50', adjustment: '0', final: '46.5', grade: 'C', rank: '1' },
      { id: "'-3", name: "'+1", role: 'engineer', team: '', service: 'N/A', output: '50', adjustment: '0', final: '35.5', grade: 'C', rank: '1' },
      { id: 'E3', name: '', role: 'engineer', team: '', service: 'N/A', output: '50', adjustment: '0', final: '', grade: '', rank: '' },
    ]);
  });

  it('quotes a line break inside a cell, so the row stays one row for any reader', () => {
    const broken: ScoreReport = { ...report, employees: [employee('E1', 'Chen\nJing', 46.5, 45), employee('E2', 'Li\rNa', 35.5, 45)] };
    const written = renderCsv(broken, scheme);
    expect(written).toContain('"Chen\nJing"');
    expect(written).toContain('"Li\rNa"');
    const rows = parse(written.slice(1), { columns: true, record_delimiter: ['\r\n', '\n', '\r'] }) as Record<string, string>[];
    expect(rows.map((r) => [r.id, r.name])).toEqual([['E1', 'Chen\nJing'], ['E2', 'Li\rNa']]);
  });

  it.each([
    ['=1+1', "'=1+1"], ['+1', "'+1"], ['-5', "'-5"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', "'\rx"],
    ['＝1', "'＝1"], ['张三', '张三'], ['a=b', 'a=b'], ['', ''],
  ])('neutralizeCell(%j) → %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });
});
