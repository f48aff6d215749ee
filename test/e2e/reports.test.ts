/**
 * Every report a run can write, through the CLI: -o repeatable by extension, and
 * --split team/employee into --out-dir, each workbook holding only its own people.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runKpi } from './run-cli.js';

const csvs = readdirSync('fixtures/sample').filter((f) => f.endsWith('.csv')).map((f) => `fixtures/sample/${f}`);
const base = ['score', ...csvs, '-c', 'fixtures/sample/kpi.yaml', '-p', '2026-11', '-q'];

async function summaryIds(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ids: string[] = [];
  workbook.worksheets[0].eachRow((row) => {
    const id = row.getCell(2).value;
    if (typeof id === 'string' && /^E\d{3}$/.test(id)) ids.push(id);
  });
  return ids;
}

describe('reports', () => {
  it('-o writes one file per extension, and the JSON file equals --format json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-reports-'));
    const run = runKpi([...base, '-o', join(dir, 'r.json'), '-o', join(dir, 'r.csv'), '-o', join(dir, 'sub', 'r.xlsx')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['r.csv', 'r.json', 'sub']);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(runKpi([...base, '--format', 'json']).stdout);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8').split('\r\n')[1]).toMatch(/^E008,赵磊,engineer,二组,/);
  });

  it('--split team writes one workbook per team with only its members', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-split-'));
    const run = runKpi([...base, '--split', 'team', '--out-dir', dir]);
    expect(run.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['2026-11 一组.xlsx', '2026-11 二组.xlsx']);
    // Team 一组 per the roster: E001–E006, in rank order (EXPECTED.md team ranks).
    expect(await summaryIds(join(dir, '2026-11 一组.xlsx'))).toEqual(['E002', 'E003', 'E004', 'E006', 'E001', 'E005']);
  });

  it('--split employee writes one workbook per person', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-split-'));
    expect(runKpi([...base, '--split', 'employee', '--out-dir', dir]).status).toBe(0);
    const files = readdirSync(dir);
    expect(files).toHaveLength(12);
    expect(files).toContain('2026-11 E005 陈静.xlsx');
  });

  it('--split without --out-dir is a usage error', () => {
    const run = runKpi([...base, '--split', 'team']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--split needs --out-dir');
  });
});
