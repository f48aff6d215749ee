/**
 * The database part of `npm run bench` (SPEC §14, issue 20): a PostgreSQL table and a
 * Parquet file of 1M and 10M rows, generated in the engine (generate_series; DuckDB's
 * range + COPY), scored by kpi — which pushes its 7 metrics down as one GROUP BY — and
 * the bare GROUP BY of the same metrics, timed in the same run. Targets (issue 20): kpi ≤
 * 1.2× the bare query on the 10M-row table and file, and kpi's peak RSS flat (≤ 120 MB)
 * from 1M to 10M rows. At 1M rows the ratio is shown without a target: kpi's fixed cost
 * (reading the config, scoring 2,000 people, writing the JSON: ~0.3 s more than the bare
 * query's node) is a third of the time there. The bare query's RSS is shown beside kpi's:
 * DuckDB runs inside the process, so its memory is the process's.
 * The PostgreSQL part is skipped where PostgreSQL is not installed (Debian's package:
 * /usr/lib/postgresql/<version>/bin); a throwaway cluster runs in bench/out/pg as the
 * `postgres` user when run as root, and is stopped at the end.
 *
 *   node bench/sql.js [rows…]      # on its own; run.js calls runSqlBench() too
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench', 'out');
const PORT = 55_432;
export const SQL_SIZES = [1_000_000, 10_000_000];

/** The bench's 7 metrics as a plain GROUP BY (the yardstick), over a native table. */
const bare = (from) => `SELECT 工号, count(*) AS visits,
  count(*) FILTER (WHERE 服务类型 = '上门维修') AS repairs,
  avg(满意度) AS satisfaction,
  avg(CASE WHEN 是否及时 THEN 1.0 ELSE 0.0 END) AS on_time_rate,
  sum(响应时长) AS hours_total,
  %P90% AS hours_p90,
  avg(CASE WHEN 一次修复 THEN 1.0 ELSE 0.0 END) FILTER (WHERE 服务类型 = '上门维修') AS fix_rate
FROM ${from} WHERE 服务日期 >= DATE '2026-11-01' AND 服务日期 < DATE '2026-12-01' GROUP BY 工号`;

/** Rows i = 0 … n−1 as the bench's ledger: 2,000 people, November 2026 and a few days of October. */
const columns = (i, d) => `'E' || lpad(CAST(${i} % 2000 AS VARCHAR), 4, '0') AS 工号,
  DATE '2026-10-28' + CAST(${i} % 33 AS INTEGER) AS 服务日期,
  CASE WHEN ${i} % 3 = 0 THEN '上门维修' ELSE '电话支持' END AS 服务类型,
  CAST(3 + (${i} * 7 % 20) / 10.0 AS DOUBLE PRECISION) AS 满意度,
  (${i} % 10 <> 0) AS 是否及时,
  CAST((${i} * 13 % 97) / 8.0 AS DOUBLE PRECISION) AS 响应时长,
  (${i} % 7 <> 0) AS 一次修复${d}`;

function sqlConfig(url, from) {
  return CONFIG.replace("  services:\n    columns:", `  services:\n    sql: { url: ${JSON.stringify(url)}, ${from} }\n    columns:`);
}

function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const version = readdirSync(base).sort().reverse().find((v) => existsSync(join(base, v, 'bin', 'pg_ctl')));
  return version ? join(base, version, 'bin') : null;
}

/** Runs the database bench; `timed(args, env)` and `note(what, m, extra)` come from run.js. */
export async function runSqlBench({ timed, note, ratios, sizes = SQL_SIZES }) {
  const rss = { postgres: [], duckdb: [] };
  const bareRss = { postgres: [], duckdb: [] };
  const bin = postgresBin();
  if (!bin) note('PostgreSQL: skipped (not installed; apt-get install postgresql)', { seconds: NaN, rssMb: NaN, cpu: NaN });
  else await postgresBench(bin, { timed, note, ratios, sizes, rss, bareRss });
  await duckdbBench({ timed, note, ratios, sizes, rss, bareRss });
  for (const [engine, values] of Object.entries(rss)) {
    const bare = bareRss[engine].map((r) => r.toFixed(0)).join(' / ');
    if (values.length > 1) ratios.push({ what: `kpi peak RSS, ${engine} ${sizes.map((s) => s.toLocaleString('en')).join(' / ')} rows: ${values.map((r) => r.toFixed(0)).join(' / ')} MB (the bare query: ${bare} MB)`, ratio: Math.max(...values), target: 120, unit: 'MB' });
  }
}

async function postgresBench(bin, { timed, note, ratios, sizes, rss, bareRss }) {
  const dir = join(OUT, 'pg');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const root = process.getuid?.() === 0;
  if (root) {
    chmodSync(OUT, 0o755);
    execFileSync('chown', ['postgres', dir]);
  }
  const asOwner = (command, args) => execFileSync(root ? 'runuser' : command, root ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: 'pipe' });
  asOwner(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'kpi', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  asOwner(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-o', `-k ${dir} -p ${PORT} -c listen_addresses='' -c shared_buffers=256MB`, '-l', join(dir, 'log'), '-w', 'start']);
  const psql = (sql) => execFileSync(join(bin, 'psql'), ['-h', dir, '-p', String(PORT), '-U', 'kpi', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], { stdio: 'pipe', maxBuffer: 1 << 26 }).toString();
  const url = `postgres://kpi@localhost:${PORT}/postgres?host=${dir}`;
  try {
    for (const size of sizes) {
      const table = `services_${size}`;
      psql(`CREATE TABLE ${table} AS SELECT ${columns("i", "")} FROM generate_series(0, ${size - 1}) AS i`);
      psql(`VACUUM ANALYZE ${table}`);
      const config = join(dir, `kpi-${size}.yaml`);
      writeFileSync(config, sqlConfig('env:KPI_BENCH_DB', `table: ${table}`));
      const kpi = timed([join(ROOT, 'bin', 'kpi.js'), 'score', '-c', config, '-p', '2026-11', '--format', 'json', '-q'], { KPI_BENCH_DB: url });
      const query = bare(table).replace('%P90%', 'percentile_cont(0.9) WITHIN GROUP (ORDER BY 响应时长)');
      const yardstick = timed([join(ROOT, 'bench', 'sql-bare.js'), 'postgres', url, query]);
      note(`kpi score, PostgreSQL ${size.toLocaleString('en')} rows (pushed down)`, kpi, `${JSON.parse(kpi.stdout).employees.length} people`);
      note(`  the bare GROUP BY of the same metrics (node + pg)`, yardstick);
      ratios.push({ what: `kpi ÷ bare GROUP BY, PostgreSQL ${size.toLocaleString('en')} rows`, ratio: kpi.seconds / yardstick.seconds, target: size === Math.max(...sizes) ? 1.2 : null });
      rss.postgres.push(kpi.rssMb);
      bareRss.postgres.push(yardstick.rssMb);
    }
  } finally {
    asOwner(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', 'stop']);
  }
}

async function duckdbBench({ timed, note, ratios, sizes, rss, bareRss }) {
  let DuckDBInstance;
  try {
    ({ DuckDBInstance } = await import('@duckdb/node-api'));
  } catch {
    note('DuckDB: skipped (@duckdb/node-api is not installed)', { seconds: NaN, rssMb: NaN, cpu: NaN });
    return;
  }
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  for (const size of sizes) {
    const dir = join(OUT, `parquet-${size}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'services.parquet');
    if (!existsSync(file)) await connection.run(`COPY (SELECT ${columns('range', '')} FROM range(${size})) TO '${file}' (FORMAT parquet)`);
    const config = join(dir, 'kpi.yaml');
    writeFileSync(config, sqlConfig('duckdb:', `query: "select * from '${file}'"`));
    const kpi = timed([join(ROOT, 'bin', 'kpi.js'), 'score', '-c', config, '-p', '2026-11', '--format', 'json', '-q']);
    const query = bare(`'${file}'`).replace('%P90%', 'quantile_cont(响应时长, 0.9)');
    const yardstick = timed([join(ROOT, 'bench', 'sql-bare.js'), 'duckdb', '', query]);
    note(`kpi score, Parquet ${size.toLocaleString('en')} rows via DuckDB (pushed down)`, kpi, `${JSON.parse(kpi.stdout).employees.length} people`);
    note(`  the bare GROUP BY of the same metrics (node + DuckDB)`, yardstick);
    ratios.push({ what: `kpi ÷ bare GROUP BY, Parquet ${size.toLocaleString('en')} rows`, ratio: kpi.seconds / yardstick.seconds, target: size === Math.max(...sizes) ? 1.2 : null });
    rss.duckdb.push(kpi.rssMb);
    bareRss.duckdb.push(yardstick.rssMb);
  }
  connection.closeSync();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { spawnSync } = await import('node:child_process');
  const table = [];
  const ratios = [];
  const timed = (args, env = {}) => {
    const runs = [1, 2, 3].map(() => {
      const started = process.hrtime.bigint();
      const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
      if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
      return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rssMb: Number(run.stderr.trim().split('\n').pop()) / 1024, stdout: run.stdout };
    }).sort((a, b) => a.seconds - b.seconds);
    return runs[1];
  };
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  await runSqlBench({ timed, note: (what, m, extra = '') => table.push({ what, ...m, extra }), ratios, sizes: sizes.length ? sizes : SQL_SIZES });
  for (const r of table) console.log(`${r.what.padEnd(64)} ${r.seconds.toFixed(2).padStart(7)} s ${r.rssMb.toFixed(0).padStart(6)} MB  ${r.extra}`);
  for (const r of ratios) console.log(`${r.target === null ? 'info   ' : r.ratio <= r.target ? 'met    ' : 'NOT met'} ${r.ratio.toFixed(2)} ${r.target === null ? '(no target)' : `(≤ ${r.target}${r.unit ? ` ${r.unit}` : '×'})`}  ${r.what}`);
}
