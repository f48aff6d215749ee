/**
 * The same logical ledger as a set of CSV files and as one workbook gives the same JSON,
 * apart from file and sheet names in `rejected` (issue 3). The workbook is built from the
 * sample CSVs in code: numbers as number cells, dates as date cells, the rest as text.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runKpi } from './run-cli.js';

const SAMPLE = 'fixtures/sample';
const csvs = readdirSync(SAMPLE).filter((f) => f.endsWith('.csv')).sort();

function asCell(text: string): string | number | Date | null {
  if (text === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (date) return new Date(Date.UTC(+date[1], +date[2] - 1, +date[3]));
  return text;
}

async function sampleWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const csv of csvs) {
    const rows = parse(readFileSync(join(SAMPLE, csv)), { relax_column_count: true }) as string[][];
    const sheet = workbook.addWorksheet(csv.replace(/\.csv$/, ''));
    rows.forEach((cells, i) => {
      const row = sheet.getRow(i + 1);
      cells.forEach((text, j) => {
        const cell = row.getCell(j + 1);
        cell.value = i === 0 ? text : asCell(text);
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      });
    });
  }
  await workbook.xlsx.writeFile(file);
}

describe('CSV set and workbook', () => {
  it('give identical JSON apart from file/sheet names in rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-same-'));
    const book = join(dir, 'ledgers.xlsx');
    await sampleWorkbook(book);
    const args = ['-c', `${SAMPLE}/kpi.yaml`, '-p', '2026-11', '--format', 'json', '-q'];
    const fromCsv = JSON.parse(runKpi(['score', ...csvs.map((f) => `${SAMPLE}/${f}`), ...args]).stdout);
    const fromXlsx = JSON.parse(runKpi(['score', book, ...args]).stdout);
    const anonymous = (doc: { rejected: { file: string; sheet: string | null }[] }) => ({
      ...doc,
      rejected: doc.rejected.map((r) => ({ ...r, file: '', sheet: null })),
    });
    expect(fromXlsx.rejected.map((r: { sheet: string; row: number }) => `${r.sheet}:${r.row}`)).toEqual(['sales:29', 'services:97']);
    expect(anonymous(fromXlsx)).toEqual(anonymous(fromCsv));
    expect(fromCsv.employees).toHaveLength(12);
  });
});
