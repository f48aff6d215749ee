/**
 * Durations from timestamps end to end (SPEC §3.1), on fixtures/tickets: timestamps in
 * several §4.4 forms, as CSV and as a workbook with date cells. October 2026; Sat 10-10 is
 * a make-up working day. Worked by hand:
 *   E1: 1.5 h, 3 h (late), 1 h → avg 5.5/3; on time 2/3; working days 2, 3, — → ≤3 in 2/3.
 *       scores: 100·(5.5/3 − 6)/(1 − 6) = 83.33; 100·(2/3 − .5)/.5 = 33.33; 66.67
 *       final = .4·83.33 + .3·33.33 + .3·66.67 = 63.33
 *   E2: 16 h (late), 6 h (late) → avg 11 → 0; on time 0 → 0; working days 4 (Sat 10 counts), 2
 *       → 1/2 → 50; final = .3·50 = 15. Its September ticket is out of period.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runKpi } from './run-cli.js';

const args = ['-c', 'fixtures/tickets/kpi.yaml', '-p', '2026-10', '--format', 'json', '-q'];

function check(doc: { employees: { id: string; final: number; indicators: { actual: number | null }[] }[]; stats: unknown }) {
  const [e1, e2] = doc.employees;
  expect(e1.id).toBe('E1');
  expect(e1.indicators.map((i) => i.actual)).toEqual([5.5 / 3, 2 / 3, 2 / 3]);
  expect(e1.final).toBe(63.33);
  expect(e2.indicators.map((i) => i.actual)).toEqual([11, 0, 0.5]);
  expect(e2.final).toBe(15);
  expect(doc.stats).toEqual({ rows: 6, rowsOutOfPeriod: 1, rejected: 0, read: 6, used: 5, blank: 0 });
}

describe('derived durations from a ticket ledger', () => {
  it('as CSV, with timestamps in several forms', () => {
    const run = runKpi(['score', 'fixtures/tickets/tickets.csv', ...args]);
    expect(run.stderr).toBe('');
    check(JSON.parse(run.stdout));
  });

  it('as a workbook with date-time cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('tickets');
    const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
    const rows: [string, Date, Date, Date | null][] = [
      ['E1', at(2026, 10, 9, 8), at(2026, 10, 9, 9, 30), at(2026, 10, 12, 10)],
      ['E1', at(2026, 10, 13, 14), at(2026, 10, 13, 17), at(2026, 10, 16)],
      ['E1', at(2026, 10, 20, 9), at(2026, 10, 20, 10), null],
      ['E2', at(2026, 10, 9, 16), at(2026, 10, 10, 8), at(2026, 10, 14)],
      ['E2', at(2026, 10, 14, 12), at(2026, 10, 14, 18), at(2026, 10, 16)],
      ['E2', at(2026, 9, 30, 10), at(2026, 10, 1, 10), at(2026, 10, 6)],
    ];
    sheet.addRow(['Engineer', 'Reported', 'Responded', 'Closed']);
    for (const row of rows) sheet.addRow(row);
    sheet.getColumn(2).numFmt = sheet.getColumn(3).numFmt = 'yyyy-mm-dd hh:mm';
    sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
    const file = join(mkdtempSync(join(tmpdir(), 'kpi-tickets-')), 'tickets.xlsx');
    await workbook.xlsx.writeFile(file);
    const run = runKpi(['score', file, ...args]);
    expect(run.stderr).toBe('');
    check(JSON.parse(run.stdout));
  });

  it('--explain shows how the derived field is computed', () => {
    const run = runKpi(['score', 'fixtures/tickets/tickets.csv', '-c', 'fixtures/tickets/kpi.yaml', '-p', '2026-10', '--explain', 'E1', '-q']);
    expect(run.stdout).toContain('Average response (h): response_hours = hours(reported, responded)');
    expect(run.stdout).toContain('Closed within 3 working days: repair_days = workdays(reported, closed)');
  });

  it('kpi calibrate learns from derived-field metrics', () => {
    // Average response per (person, month): E2 September 24 h (09-30 10:00 → 10-01 10:00),
    // E1 October 5.5/3 h, E2 October 11 h → sorted 1.83, 11, 24: median 11.
    const run = runKpi(['calibrate', 'fixtures/tickets/tickets.csv', '-c', 'fixtures/tickets/kpi.yaml', '--format', 'json']);
    const first = JSON.parse(run.stdout).indicators[0];
    expect(first).toMatchObject({ metric: 'response_avg', n: 3, min: 5.5 / 3, median: 11, max: 24 });
  });
});
