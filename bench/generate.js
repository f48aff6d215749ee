/**
 * Generates the benchmark inputs at run time (nothing large is committed): a services
 * ledger of N rows for ~2,000 people, with a matching kpi.yaml of 7 metrics (SPEC §3,
 * including a p90). Deterministic: the same N gives the same bytes.
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

export const PEOPLE = 2000;

/** A small, seeded generator so every run benchmarks the same data. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const CONFIG = `version: 1
title: Benchmark
locale: en
sources:
  services:
    columns: { employee: 工号, date: 服务日期, kind: 服务类型, satisfaction: 满意度, on_time: 是否及时, hours: 响应时长, fixed: 一次修复 }
    types: { satisfaction: number, on_time: boolean, hours: number, fixed: boolean }
metrics:
  visits: { source: services, agg: count }
  repairs: { source: services, agg: count, where: { kind: 上门维修 } }
  satisfaction: { source: services, agg: avg, field: satisfaction }
  on_time_rate: { source: services, agg: ratio, hit: { on_time: true } }
  hours_total: { source: services, agg: sum, field: hours }
  hours_p90: { source: services, agg: percentile, p: 90, field: hours }
  fix_rate: { source: services, agg: ratio, where: { kind: 上门维修 }, hit: { fixed: true } }
dimensions:
  service:
    indicators:
      - { metric: satisfaction, weight: 30, standard: { method: linear, zero: 3, target: 4.8 } }
      - { metric: on_time_rate, weight: 20, standard: { method: bands, bands: [ { min: 98%, score: 100 }, { min: 95%, score: 80 }, { min: 90%, score: 60 } ] } }
      - { metric: hours_p90, weight: 20, standard: { method: linear, zero: 8, target: 2 } }
      - { metric: fix_rate, weight: 30, standard: { method: piecewise, points: [ { at: 75%, score: 60 }, { at: 85%, score: 100 }, { at: 95%, score: 120 } ], cap: 120 } }
  output:
    indicators:
      - { metric: visits, weight: 50, standard: { method: ratio, target: 500 } }
      - { metric: repairs, weight: 25, standard: { method: ratio, target: 200 } }
      - { metric: hours_total, weight: 25, standard: { method: ratio, target: 1500, better: lower } }
roles:
  engineer: { weights: { service: 70, output: 30 } }
grades:
  - { grade: A, min: 90, max_share: 20% }
  - { grade: B, min: 75 }
  - { grade: C }
`;

const KINDS = ['上门维修', '电话支持', '预防性维护', '安装调试'];
export const HEADERS = ['工号', '服务日期', '服务类型', '满意度', '是否及时', '响应时长', '一次修复'];

/** The ledger's rows, as text (November 2026): the same N gives the same rows. */
function* ledgerRows(rows) {
  const random = rng(rows);
  for (let i = 0; i < rows; i++) {
    const person = `E${String(1 + Math.floor(random() * PEOPLE)).padStart(4, '0')}`;
    const day = 1 + Math.floor(random() * 30);
    const kind = KINDS[Math.floor(random() * KINDS.length)];
    const satisfaction = random() < 0.1 ? '' : String(1 + Math.floor(random() * 5));
    const onTime = random() < 0.93 ? '是' : '否';
    const hours = (random() * 8).toFixed(1);
    const fixed = random() < 0.85 ? '√' : '×';
    yield [person, day, kind, satisfaction, onTime, hours, fixed];
  }
}

/** Writes `services.csv` with `rows` rows and kpi.yaml into `dir`. */
export async function generateCsv(dir, rows) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kpi.yaml'), CONFIG);
  const file = join(dir, 'services.csv');
  const out = createWriteStream(file);
  out.write(`${HEADERS.join(',')}\n`);
  let chunk = '';
  for (const [person, day, kind, satisfaction, onTime, hours, fixed] of ledgerRows(rows)) {
    chunk += `${person},2026-11-${String(day).padStart(2, '0')},${kind},${satisfaction},${onTime},${hours},${fixed}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return file;
}

/**
 * Writes `services.xlsx` (sheet `services`, the same 7 columns, dates as date cells,
 * numbers as numbers, shared strings as Excel writes them) and kpi.yaml into `dir`, with
 * exceljs's streaming writer.
 */
export async function generateWorkbook(dir, rows) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kpi.yaml'), CONFIG);
  const file = join(dir, 'services.xlsx');
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const sheet = book.addWorksheet('services');
  sheet.columns = HEADERS.map((header, i) => ({ header, key: `c${i}`, style: i === 1 ? { numFmt: 'yyyy-mm-dd' } : {} }));
  for (const [person, day, kind, satisfaction, onTime, hours, fixed] of ledgerRows(rows)) {
    const date = new Date(Date.UTC(2026, 10, day));
    sheet.addRow([person, date, kind, satisfaction === '' ? null : Number(satisfaction), onTime, Number(hours), fixed]).commit();
  }
  sheet.commit();
  await book.commit();
  return file;
}
