/**
 * What the bad-input suite (RELIABILITY §9) shares: a small scheme with a roster and one
 * ledger source, scratch folders holding generated inputs (nothing large is committed),
 * running kpi as a person would — one process per command line, or several command lines
 * in one process (../e2e/cli-many.mjs) where only stdout, stderr and the exit code matter — and
 * reading every workbook kpi writes back with exceljs, checking what Excel would choke on.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { expect } from 'vitest';
import { runKpiMany, type CliResult } from '../e2e/run-cli.js';

export { runKpi, type CliCase, type CliResult } from '../e2e/run-cli.js';

/** A roster (names, roles, teams) and a dated ledger with a number and a free-text column. */
export const SCHEME = `version: 1
title: Hostile input
locale: en
sources:
  roster:
    columns: { employee: ID, name: Name, role: Role, team: Team }
  services:
    columns: { employee: ID, date: Date, score: Score, note: Note }
    types: { score: number }
metrics:
  score: { source: services, agg: avg, field: score }
  visits: { source: services, agg: count }
dimensions:
  work:
    indicators:
      - { metric: score, weight: 70, standard: { method: linear, zero: 0, target: 100 } }
      - { metric: visits, weight: 30, standard: { method: ratio, target: 2 } }
roles:
  engineer: { weights: { work: 100 } }
grades:
  - { grade: A, min: 90 }
  - { grade: C }
`;

export const HEADER = 'ID,Date,Score,Note\n';

/** A scratch folder holding kpi.yaml (the scheme above unless given) and the files. */
export function workspace(files: Record<string, string | Uint8Array> = {}, config: string | Uint8Array = SCHEME): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-hostile-'));
  writeFileSync(join(dir, 'kpi.yaml'), config);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Several command lines in one process: see runKpiMany. */
export const runMany = runKpiMany;

/** The first line of stderr: the `kpi: error: …` line a person reads. */
export const firstLine = (text: string): string => text.split('\n')[0];

/** Asserts a refusal: the exit code, the exact error line, no stack trace, nothing on stdout. */
export function expectError(run: CliResult, status: number, line: string, hint?: string): void {
  expect({ status: run.status, line: firstLine(run.stderr) }).toEqual({ status, line });
  if (hint !== undefined) expect(run.stderr).toContain(`\nhint: ${hint}\n`);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).toBe('');
}

interface Indicator { metric: string; actual: number | null }
interface Employee { id: string; name: string | null; team: string | null; final: number | null; indicators: Indicator[] }
export interface ScoreJson {
  employees: Employee[];
  rejected: { file: string; sheet: string | null; row: number; column: string | null; value: string | null; reason: string }[];
  warnings: string[];
  stats: { rows: number; rowsOutOfPeriod: number; rejected: number; read: number; used: number; blank: number };
}

/** The JSON of `kpi score --format json`, after checking the run succeeded. */
export function scored(run: CliResult): ScoreJson {
  expect(run.stderr).not.toMatch(/kpi: (error|internal error)/);
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ScoreJson;
}

/** Each person's actual value of one metric, by id. */
export function actuals(report: ScoreJson, metric = 'score'): Record<string, number | null> {
  return Object.fromEntries(report.employees.map((e) => [e.id, e.indicators.find((i) => i.metric === metric)?.actual ?? null]));
}

/** `row column "value": reason` of each rejected row, for exact comparisons. */
export const rejections = (report: ScoreJson): string[] => report.rejected.map((r) => `${r.row} ${r.column} ${JSON.stringify(r.value)}: ${r.reason}`);

// XML 1.0 allows tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 up: anything else
// (C0 controls, lone surrogates, U+FFFE/U+FFFF) makes Excel call the file corrupt.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NON_FINITE_V = /<v>(?:NaN|-?Infinity)<\/v>/;

/**
 * Reads a workbook kpi wrote: every XML part holds only XML 1.0 characters and no
 * NaN/Infinity value, exceljs can load it, and every cell is a plain finite number, a
 * string of at most 32,767 characters, or a formula of kpi's own. Returns the workbook.
 */
export async function checkWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const bytes = readFileSync(file);
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const xml = strFromU8(data);
    expect(NOT_XML.test(xml), `${name} holds a character XML 1.0 forbids`).toBe(false);
    expect(NON_FINITE_V.test(xml), `${name} holds NaN or Infinity`).toBe(false);
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
    const value = cell.value as unknown;
    const at = `${sheet.name}!${cell.address}`;
    if (typeof value === 'number') expect(Number.isFinite(value), at).toBe(true);
    else if (typeof value === 'string') expect(value.length, at).toBeLessThanOrEqual(32_767);
    else if (value && typeof value === 'object' && 'formula' in value) {
      const { result } = value as { result?: unknown };
      if (typeof result === 'number') expect(Number.isFinite(result), at).toBe(true);
    } else if (value && typeof value === 'object') {
      throw new Error(`${at} holds ${JSON.stringify(value)}: a hyperlink, rich text or other object`);
    }
  })));
  return workbook;
}

/** The text of every cell of a workbook, for "does this string appear anywhere". */
export function workbookTexts(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string') texts.push(cell.value);
  })));
  return texts;
}

/** The raw XML of one part of a zip (to see how a cell is typed: t="s", <f>, …). */
export function zipPart(file: string, name: string): string {
  const part = unzipSync(readFileSync(file))[name];
  if (!part) throw new Error(`${file} has no part ${name}`);
  return strFromU8(part);
}
