/**
 * `npm run bench`: generates the inputs at run time (nothing large is committed), runs
 * `kpi score` on them as a user would (the built CLI, JSON output, each run a new
 * process), checks kpi's numbers against a separate reference computation, and prints
 * times (median of 3), CPU time (all threads), peak RSS and the ratios of issue 8 against
 * the yardsticks measured in the same run: DuckDB on the CSV, exceljs's streaming reader
 * on the workbook.
 * Not part of `npm test`.
 *
 *   npm run bench                       # CSV 100k, 300k, 1M rows; workbook 200k rows
 *   npm run bench -- 1000000            # other CSV sizes (the largest gets the checks)
 *   KPI_BIN=/elsewhere/bin/kpi.js npm run bench   # measure another build (before/after)
 *   KPI_BENCH_SQL=0 npm run bench       # without the database part (bench/sql.js)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG, generateCsv, generateWorkbook } from './generate.js';
import { referenceMetrics } from './reference.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench', 'out');
const KPI = resolve(ROOT, process.env.KPI_BIN ?? 'bin/kpi.js');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const CSV_SIZES = sizes.length ? sizes : [100_000, 300_000, 1_000_000];
const WORKBOOK_ROWS = 200_000;
const RUNS = 3;
/** DuckDB on this file, per issue 8's table, for when @duckdb/node-api is not installed. */
const ISSUE_DUCKDB_SECONDS = 0.85;

/** Runs `node args…` under /usr/bin/time; wall seconds, peak RSS in MB, CPU seconds (all
 *  threads: kpi reads a large CSV on two), stdout. `env` is added to the environment. */
function measure(args, env = {}) {
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const argv = timed ? ['-f', '%e %M %U %S', process.execPath, ...args] : args;
  const started = process.hrtime.bigint();
  const run = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  const last = run.stderr.trim().split('\n').pop() ?? '';
  const [, rssKb, user, system] = last.split(' ').map(Number);
  return { seconds, rssMb: timed ? rssKb / 1024 : NaN, cpu: timed ? user + system : NaN, stdout: run.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The median run of RUNS (by time), with the median peak RSS and CPU time. */
function timed(args, env = {}) {
  const runs = Array.from({ length: RUNS }, () => measure(args, env));
  return { seconds: median(runs.map((r) => r.seconds)), rssMb: median(runs.map((r) => r.rssMb)), cpu: median(runs.map((r) => r.cpu)), stdout: runs[0].stdout };
}

/** kpi's actual value of every indicator, by employee and metric. */
function kpiActuals(json) {
  const doc = JSON.parse(json);
  return new Map(doc.employees.map((e) => [e.id, Object.fromEntries(e.indicators.map((i) => [i.metric, i.actual]))]));
}

/** Compares kpi's values with the reference's; returns the differences found. */
function compare(actuals, reference) {
  const problems = [];
  const same = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
  if (actuals.size !== reference.size) problems.push(`${actuals.size} people in kpi's output, ${reference.size} in the reference`);
  for (const [id, expected] of reference) {
    const got = actuals.get(id);
    for (const [metric, value] of Object.entries(expected)) {
      if (!got || !same(got[metric] ?? null, value)) problems.push(`${id} ${metric}: kpi ${got?.[metric]}, reference ${value}`);
    }
  }
  return problems;
}

const table = [];
const note = (what, m, extra = '') => table.push({ what, seconds: m.seconds, rssMb: m.rssMb, cpu: m.cpu, extra });
const ratios = [];
const checks = [];

mkdirSync(OUT, { recursive: true });
console.error(`kpi: ${KPI}`);

note('kpi --version', timed([KPI, '--version']));
const sample = join(ROOT, 'fixtures', 'sample');
const sampleFiles = readdirSync(sample).filter((f) => f.endsWith('.csv')).map((f) => join(sample, f));
const sampleRun = timed([KPI, 'score', ...sampleFiles, '-c', join(sample, 'kpi.yaml'), '-q']);
note('kpi score, the sample (12 people, 9 CSV files)', sampleRun);

let largest = null;
// The same scheme with the p90 (the one metric that keeps every value) made a max: memory
// should then not grow with the rows at all.
const flatRss = [];
for (const size of CSV_SIZES) {
  const dir = join(OUT, `csv-${size}`);
  const file = existsSync(join(dir, 'services.csv')) ? join(dir, 'services.csv') : await generateCsv(dir, size);
  const run = timed([KPI, 'score', file, '-c', join(dir, 'kpi.yaml'), '-p', '2026-11', '--format', 'json', '-q']);
  const rows = JSON.parse(run.stdout).stats.rows;
  note(`kpi score, CSV ${size.toLocaleString('en')} rows (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB)`, run, `${rows.toLocaleString('en')} rows read`);
  if (!largest || size > largest.size) largest = { size, file, run };
  const flatConfig = join(dir, 'kpi-flat.yaml');
  writeFileSync(flatConfig, CONFIG.replace('hours_p90: { source: services, agg: percentile, p: 90, field: hours }', 'hours_p90: { source: services, agg: max, field: hours }'));
  const flat = timed([KPI, 'score', file, '-c', flatConfig, '-p', '2026-11', '--format', 'json', '-q']);
  note(`  the same, no per-value metric (p90 → max)`, flat);
  flatRss.push(flat.rssMb);
}

// Checks and the DuckDB yardstick, on the largest CSV.
const reference = await referenceMetrics(largest.file);
const problems = compare(kpiActuals(largest.run.stdout), reference);
checks.push(`kpi's 7 metrics for ${reference.size} people equal the reference computation's: ${problems.length === 0 ? 'OK' : `MISMATCH (${problems.length})\n    ${problems.slice(0, 5).join('\n    ')}`}`);
const duckdbScript = join(ROOT, 'bench', 'duckdb.js');
let duckdbSeconds = ISSUE_DUCKDB_SECONDS;
let duckdbSource = `issue 8's figure, NOT measured here (@duckdb/node-api is not installed)`;
if (existsSync(join(ROOT, 'node_modules', '@duckdb', 'node-api'))) {
  const one = timed([duckdbScript, largest.file, '1']);
  const two = timed([duckdbScript, largest.file, '2']);
  note(`DuckDB 1 thread, the same file and metrics (node + @duckdb/node-api)`, one);
  note(`DuckDB 2 threads`, two);
  duckdbSeconds = one.seconds;
  duckdbSource = 'DuckDB 1 thread, measured in this run';
  const people = JSON.parse(one.stdout).length;
  checks.push(`DuckDB finds the same ${people} people: ${people === reference.size ? 'OK' : 'MISMATCH'}`);
}
ratios.push({ what: `kpi, CSV ${largest.size.toLocaleString('en')} rows ÷ ${duckdbSource}`, ratio: largest.run.seconds / duckdbSeconds, target: 1.0 });
// For the record: the same run with the file read on one thread (no worker; see
// src/read/csv-threaded.ts), so the table shows what the second thread buys.
const oneThread = timed([KPI, 'score', largest.file, '-c', join(OUT, `csv-${largest.size}`, 'kpi.yaml'), '-p', '2026-11', '--format', 'json', '-q'], { KPI_THREADED_BYTES: String(2 ** 50) });
note(`  the same, read on one thread (KPI_THREADED_BYTES above the file's size)`, oneThread);
checks.push(`kpi's JSON is the same read on one thread and on two: ${oneThread.stdout === largest.run.stdout ? 'OK' : 'MISMATCH'}`);

// Issue 10: the same run with two derived fields (SPEC §3.1) costs at most 15% more.
const derivedConfig = join(OUT, `csv-${largest.size}`, 'kpi-derived.yaml');
writeFileSync(derivedConfig, CONFIG.replace(
  "    types: { satisfaction: number, on_time: boolean, hours: number, fixed: boolean }",
  "    types: { satisfaction: number, on_time: boolean, hours: number, fixed: boolean }\n    derive:\n      slow: hours > 4\n      hours_x60: hours * 60",
));
const derivedRun = timed([KPI, 'score', largest.file, '-c', derivedConfig, '-p', '2026-11', '--format', 'json', '-q']);
note(`kpi score, CSV ${largest.size.toLocaleString('en')} rows, with 2 derived fields`, derivedRun);
ratios.push({ what: 'two derived fields ÷ none, same ledger (issue 10)', ratio: derivedRun.seconds / largest.run.seconds, target: 1.15 });

// The workbook, and exceljs's bare streaming pass over it.
const bookDir = join(OUT, `xlsx-${WORKBOOK_ROWS}`);
const book = existsSync(join(bookDir, 'services.xlsx')) ? join(bookDir, 'services.xlsx') : await generateWorkbook(bookDir, WORKBOOK_ROWS);
const bookRun = timed([KPI, 'score', book, '-c', join(bookDir, 'kpi.yaml'), '-p', '2026-11', '--format', 'json', '-q']);
note(`kpi score, workbook ${WORKBOOK_ROWS.toLocaleString('en')} rows (${(statSync(book).size / 2 ** 20).toFixed(1)} MiB)`, bookRun, `${JSON.parse(bookRun.stdout).stats.rows.toLocaleString('en')} rows read`);
const exceljsRun = timed([join(ROOT, 'bench', 'exceljs-count.js'), book]);
note('exceljs streaming reader, counting the same workbook\'s rows', exceljsRun, `${JSON.parse(exceljsRun.stdout).rows.toLocaleString('en')} rows`);
ratios.push({ what: 'kpi, workbook ÷ exceljs streaming row count', ratio: bookRun.seconds / exceljsRun.seconds, target: 0.8 });

// A scorecard workbook for everyone (2,000 people), from the smallest CSV.
const smallest = Math.min(...CSV_SIZES);
const scorecards = join(OUT, 'scorecards.xlsx');
rmSync(scorecards, { force: true });
const writeRun = measure([KPI, 'score', join(OUT, `csv-${smallest}`, 'services.csv'), '-c', join(OUT, `csv-${smallest}`, 'kpi.yaml'), '-p', '2026-11', '-q', '-o', scorecards]);
note(`kpi score -o scorecards.xlsx (2,000 people, from the ${smallest.toLocaleString('en')}-row CSV; one run)`, writeRun, `${(statSync(scorecards).size / 2 ** 20).toFixed(1)} MiB written`);
// Issue 19: the same workbook without its charts (2 on the Summary, 1 per scorecard), and the HTML report.
const scorecardArgs = [KPI, 'score', join(OUT, `csv-${smallest}`, 'services.csv'), '-c', join(OUT, `csv-${smallest}`, 'kpi.yaml'), '-p', '2026-11', '-q', '-o'];
const noCharts = measure([...scorecardArgs, join(OUT, 'scorecards-no-charts.xlsx')], { KPI_WORKBOOK_CHARTS: '0' });
note(`  the same without charts (KPI_WORKBOOK_CHARTS=0; one run)`, noCharts, `${(statSync(join(OUT, 'scorecards-no-charts.xlsx')).size / 2 ** 20).toFixed(1)} MiB written`);
ratios.push({ what: 'the 2,000 scorecards with charts ÷ without (issue 19: about today\'s time)', ratio: writeRun.seconds / noCharts.seconds, target: 1.25 });
const htmlRun = measure([...scorecardArgs, join(OUT, 'report.html')]);
note(`kpi score -o report.html (2,000 people; one run)`, htmlRun, `${(statSync(join(OUT, 'report.html')).size / 2 ** 20).toFixed(1)} MiB written`);

// Issue 20: database sources (PostgreSQL where installed; Parquet through DuckDB).
// KPI_BENCH_SQL=0 leaves them out.
if (process.env.KPI_BENCH_SQL !== '0') {
  const { runSqlBench } = await import('./sql.js');
  await runSqlBench({ timed, note, ratios });
}

const rss = CSV_SIZES.map((size) => table.find((r) => r.what.startsWith(`kpi score, CSV ${size.toLocaleString('en')} `)).rssMb);
ratios.push({ what: `peak RSS, CSV ${CSV_SIZES.map((s) => s.toLocaleString('en')).join(' / ')} rows: ${rss.map((r) => r.toFixed(0)).join(' / ')} MB`, ratio: Math.max(...rss), target: 150, unit: 'MB' });
ratios.push({ what: `peak RSS without per-value metrics, largest ÷ smallest CSV: ${flatRss.map((r) => r.toFixed(0)).join(' / ')} MB ("flat")`, ratio: Math.max(...flatRss) / Math.min(...flatRss), target: 1.15 });
ratios.push({ what: 'kpi --version', ratio: table[0].seconds, target: 0.15, unit: 's' });
ratios.push({ what: 'the sample, end to end', ratio: sampleRun.seconds, target: 0.5, unit: 's' });

const width = Math.max(...table.map((r) => r.what.length));
console.log(`\n${'what'.padEnd(width)}  ${'time'.padStart(7)}  ${'CPU'.padStart(7)}  ${'peak RSS'.padStart(9)}`);
for (const r of table) console.log(`${r.what.padEnd(width)}  ${`${r.seconds.toFixed(2)} s`.padStart(7)}  ${`${r.cpu.toFixed(2)} s`.padStart(7)}  ${`${r.rssMb.toFixed(0)} MB`.padStart(9)}  ${r.extra}`);
console.log('\ntargets (issue 8):');
for (const r of ratios) {
  const shown = r.unit ? `${r.ratio.toFixed(r.unit === 's' ? 2 : 0)} ${r.unit}` : `${r.ratio.toFixed(2)}×`;
  if (r.target === null) {
    console.log(`  info     ${shown.padStart(8)}  (no target)  ${r.what}`);
    continue;
  }
  const target = r.unit ? `≤ ${r.target} ${r.unit}` : `≤ ${r.target}×`;
  console.log(`  ${r.ratio <= r.target ? 'met    ' : 'NOT met'}  ${shown.padStart(8)}  (${target})  ${r.what}`);
}
console.log('\nchecks:');
for (const c of checks) console.log(`  ${c}`);
if (problems.length > 0) process.exitCode = 1;
