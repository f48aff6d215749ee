/**
 * Database sources against real engines (SPEC §14): the same ledger scored from CSV, from a
 * throwaway PostgreSQL cluster (text columns typed in the query, and natively typed ones)
 * and from DuckDB (CSV and Parquet files written here) gives byte-identical JSON; a config
 * value made to look like SQL stays a value. The cluster runs as the `postgres` user (CI
 * runs as root, and PostgreSQL refuses root) in a temporary folder, on a Unix socket, and
 * is stopped at the end whatever happened.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentPath, hasComponent } from '../components.js';
import { ROOT, runKpi } from './run-cli.js';

const FIXTURE = join(ROOT, 'fixtures', 'sql');
const CONFIG = readFileSync(join(FIXTURE, 'kpi.yaml'), 'utf8');
const PORT = 55_000 + (process.pid % 1000);

/** The fixture's config reading `sql:` instead of the CSV. */
function sqlConfig(url: string, from: { table?: string; query?: string }, extra = ''): string {
  const sql = from.table ? `table: ${from.table}` : `query: ${JSON.stringify(from.query)}`;
  return CONFIG.replace('    columns: { employee: agent', `    sql: { url: ${url}, ${sql} }\n    columns: { employee: agent`).replace('metrics:\n', `metrics:\n${extra}`);
}

/** Scores a config written as kpi.yaml in a folder of its own (the JSON names the config). */
function score(dir: string, config: string, env: Record<string, string> = {}, args: string[] = []): { json: string; stderr: string; status: number } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kpi.yaml'), config);
  const run = runKpi(['score', ...args, '--format', 'json'], { cwd: dir, env });
  return { json: run.stdout, stderr: run.stderr, status: run.status ?? -1 };
}

/** The JSON without the config's sha256 (the configs differ by their `sql:` line), byte for
 *  byte otherwise. */
const unhashed = (json: string): string => json.replace(/"sha256": "[0-9a-f]{64}"/g, '"sha256": "…"');

const work = mkdtempSync(join(tmpdir(), 'kpi-sql-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A fixed period (-p) splits the query in two (the period's accepted rows per person, the
 * rest counted by reason). These rows try it: an id padded with spaces and one that is
 * only white space, a padded word in a `where`, bad cells in and outside the period. In
 * the first CSV every id has one spelling; the fixture's own ` A03 ` beside `A03` makes
 * kpi run the query again with the ids trimmed in the database.
 */
const EXTRA_ROWS = [
  'A05 ,2026-10-09,2026-10-09 18:00,上门维修 ,4,是,C1',
  '\u3000,2026-10-09,2026-10-10,咨询,4,是,C1',
  'A05 ,2026-10-10,2026-10-11,咨询,x,是,C1',
  ',2026-10-11,,咨询,zz,是,C1',
  'A05 ,2026-09-10,2026-09-11,咨询,x,是,C1',
].join('\n');
const ONE_SPELLING_CSV = `${readFileSync(join(FIXTURE, 'tickets.csv'), 'utf8').replace(' A03 ,', 'A03,')}${EXTRA_ROWS}\n`;
const TWO_SPELLINGS_CSV = `${readFileSync(join(FIXTURE, 'tickets.csv'), 'utf8')}${EXTRA_ROWS}\n`;

/**
 * The JSON with its rejected rows as counts per column and reason: a file's rejections are
 * rows (with row numbers and values), a database's are counts (SPEC §14); all else equal.
 */
function rejectionsCounted(json: string): string {
  const report = JSON.parse(unhashed(json)) as { rejected: { column: string | null; reason: string; rows?: number }[] };
  const counts = new Map<string, number>();
  for (const r of report.rejected) counts.set(`${r.column}: ${r.reason}`, (counts.get(`${r.column}: ${r.reason}`) ?? 0) + (r.rows ?? 1));
  return JSON.stringify({ ...report, rejected: [...counts].sort() }, null, 1);
}

/** The JSON of a CSV scored for October 2026 (-p). */
function csvPeriodJson(dir: string, csv: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tickets.csv'), csv);
  writeFileSync(join(dir, 'kpi.yaml'), CONFIG);
  const run = runKpi(['score', 'tickets.csv', '-p', '2026-10', '--format', 'json'], { cwd: dir });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

let csvJson = '';
beforeAll(() => {
  const dir = join(work, 'csv');
  mkdirSync(dir);
  copyFileSync(join(FIXTURE, 'tickets.csv'), join(dir, 'tickets.csv'));
  writeFileSync(join(dir, 'kpi.yaml'), CONFIG);
  const run = runKpi(['score', 'tickets.csv', '--format', 'json'], { cwd: dir });
  expect(run.status, run.stderr).toBe(0);
  csvJson = run.stdout;
});

describe.skipIf(!hasComponent('postgresql'))('PostgreSQL sources', { timeout: 90_000 }, () => {
  const bin = dirname(componentPath('postgresql') ?? '/');
  const cluster = join(work, 'pg');
  const url = `postgres://kpi@localhost:${PORT}/postgres?host=${cluster}`;
  const env = { KPI_TEST_DB: url };
  /** As the `postgres` user when run as root (PostgreSQL will not run as root). */
  const asOwner = (command: string, args: string[]) => execFileSync(process.getuid?.() === 0 ? 'runuser' : command, process.getuid?.() === 0 ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: 'pipe' });
  const psql = (sql: string) => execFileSync(join(bin, 'psql'), ['-h', cluster, '-p', String(PORT), '-U', 'kpi', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { stdio: 'pipe' }).toString();

  beforeAll(() => {
    mkdirSync(cluster);
    chmodSync(work, 0o755);
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', cluster]);
    asOwner(join(bin, 'initdb'), ['-D', join(cluster, 'data'), '-U', 'kpi', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    asOwner(join(bin, 'pg_ctl'), ['-D', join(cluster, 'data'), '-o', `-k ${cluster} -p ${PORT} -c listen_addresses=''`, '-l', join(cluster, 'log'), '-w', 'start']);
    const csv = readFileSync(join(FIXTURE, 'tickets.csv'), 'utf8');
    writeFileSync(join(cluster, 'tickets.csv'), csv);
    psql('CREATE TABLE tickets (agent text, created text, closed_at text, kind text, score text, on_time text, customer text)');
    psql(`COPY tickets FROM '${join(cluster, 'tickets.csv')}' WITH (FORMAT csv, HEADER true)`);
    // The same rows natively typed, where each text reads one way only.
    psql(`CREATE TABLE native AS SELECT agent::varchar(10) AS agent, created::timestamp AS created, NULLIF(closed_at, '')::timestamp AS closed_at, kind,
      (CASE score WHEN '50%' THEN 0.5 WHEN '1,234' THEN 1234 WHEN '５' THEN 5 ELSE NULLIF(score, '')::numeric END) AS score,
      (CASE WHEN on_time IN ('是', 'true', '1', 'y', '√') THEN true WHEN on_time IN ('否', '0', '×') THEN false END) AS on_time, customer
      FROM (SELECT agent, CASE created WHEN '2026/10/9 14:30' THEN '2026-10-09 14:30' WHEN '2026年10月12日' THEN '2026-10-12' WHEN '2026.10.13 09:15' THEN '2026-10-13 09:15' ELSE created END AS created,
        closed_at, kind, score, on_time, customer FROM tickets) AS t`);
  }, 60_000);

  afterAll(() => {
    try {
      asOwner(join(bin, 'pg_ctl'), ['-D', join(cluster, 'data'), '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
  });

  it('scores text columns typed in the query exactly as the CSV', () => {
    const run = score(join(work, 'pg-text'), sqlConfig('env:KPI_TEST_DB', { table: 'tickets' }), env);
    expect(run.status, run.stderr).toBe(0);
    expect(unhashed(run.json)).toBe(unhashed(csvJson));
  });

  it('scores natively typed columns, and a query, exactly as the CSV', () => {
    const run = score(join(work, 'pg-native'), sqlConfig('env:KPI_TEST_DB', { query: 'select * from native' }), env);
    expect(run.status, run.stderr).toBe(0);
    expect(unhashed(run.json)).toBe(unhashed(csvJson));
  });

  it('keeps a config value that looks like SQL a value, and reads only', () => {
    const extra = `  injected: { source: tickets, agg: count, where: { kind: "x'; drop table tickets; --" } }\n`;
    const run = score(join(work, 'pg-inject'), sqlConfig('env:KPI_TEST_DB', { table: 'tickets' }, extra), env);
    expect(run.status, run.stderr).toBe(0);
    expect(psql('SELECT count(*) FROM tickets')).toContain('16');
    // A query that writes is refused by the read-only transaction.
    const write = score(join(work, 'pg-write'), sqlConfig('env:KPI_TEST_DB', { query: 'select * from tickets; delete from tickets' }), env);
    expect(write.status).toBe(2);
    expect(psql('SELECT count(*) FROM tickets')).toContain('16');
  });

  it('counts rows without an employee or a readable date per reason', () => {
    psql(`CREATE TABLE bad AS SELECT * FROM tickets UNION ALL SELECT '', '2026-10-02', '', '咨询', '1', '是', 'C1' UNION ALL SELECT 'A01', 'soon', '', '咨询', '1', '是', 'C1' UNION ALL SELECT 'A01', '2026-10-03', '', '咨询', 'many', '是', 'C1'`);
    const run = score(join(work, 'pg-bad'), sqlConfig('env:KPI_TEST_DB', { table: 'bad' }), env);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.json) as { rejected: unknown[]; stats: Record<string, number> };
    expect(report.rejected).toEqual([
      { file: 'tickets (database)', sheet: null, row: 0, column: 'created', value: null, reason: 'not a date', rows: 1 },
      { file: 'tickets (database)', sheet: null, row: 0, column: 'agent', value: null, reason: 'no employee id', rows: 1 },
      { file: 'tickets (database)', sheet: null, row: 0, column: 'score', value: null, reason: 'not a number', rows: 1 },
    ]);
    expect(report.stats).toMatchObject({ rows: 19, rejected: 3, read: 19, used: 14, rowsOutOfPeriod: 2 });
  });

  it('batch scores each period from one query as it does from the CSV', () => {
    const batch = (dir: string, config: string, ledgers: string[], runEnv: Record<string, string> = {}) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'kpi.yaml'), config);
      const run = runKpi(['batch', ...ledgers, '--periods', '2026-09..2026-10', '--out-dir', 'out', '--json'], { cwd: dir, env: runEnv });
      expect(run.status, run.stderr).toBe(0);
      return ['2026-09', '2026-10'].map((p) => readFileSync(join(dir, 'out', `${p}.json`), 'utf8'));
    };
    const csvDir = join(work, 'batch-csv');
    mkdirSync(csvDir, { recursive: true });
    copyFileSync(join(FIXTURE, 'tickets.csv'), join(csvDir, 'tickets.csv'));
    const fromCsv = batch(csvDir, CONFIG, ['tickets.csv']);
    const fromPg = batch(join(work, 'batch-pg'), sqlConfig('env:KPI_TEST_DB', { table: 'tickets' }), [], env);
    expect(JSON.parse(fromCsv[0]).employees.length).toBe(2);
    expect(fromPg.map(unhashed)).toEqual(fromCsv.map(unhashed));
  });

  it('scores a fixed period (-p) exactly as the CSV: padded, blank and twice-spelt ids, a padded word, a DATE column', () => {
    const load = (table: string, csv: string) => {
      writeFileSync(join(cluster, `${table}.csv`), csv);
      psql(`CREATE TABLE ${table} (agent text, created text, closed_at text, kind text, score text, on_time text, customer text)`);
      psql(`COPY ${table} FROM '${join(cluster, `${table}.csv`)}' WITH (FORMAT csv, HEADER true)`);
    };
    load('one_spelling', ONE_SPELLING_CSV);
    load('two_spellings', TWO_SPELLINGS_CSV);
    const p = ['-p', '2026-10'];
    const one = score(join(work, 'pg-period-one'), sqlConfig('env:KPI_TEST_DB', { table: 'one_spelling' }), env, p);
    expect(one.status, one.stderr).toBe(0);
    const oneCsv = csvPeriodJson(join(work, 'csv-period-one'), ONE_SPELLING_CSV);
    expect(rejectionsCounted(one.json)).toBe(rejectionsCounted(oneCsv));
    // Hand-checked: A05's padded id is A05's; the blank ids and the bad cells are rejected.
    const report = JSON.parse(one.json) as { employees: { id: string }[]; rejected: { reason: string; rows: number }[] };
    expect(report.employees.map((e) => e.id).sort()).toEqual(['A01', 'A02', 'A03', 'A04', 'A05']);
    expect(report.rejected.map((r) => [r.reason, r.rows])).toEqual([['no employee id', 2], ['not a number', 1]]);
    // On the terminal: rows counted as rows (2 + 1), the reasons in the terminal's language.
    expect(one.stderr).toContain('kpi: warning: 3 rows rejected (they count in no metric):\n  tickets (database), column agent: 2 rows: no employee id\n  tickets (database), column score: 1 row: not a number\n');
    const zh = score(join(work, 'pg-period-zh'), sqlConfig('env:KPI_TEST_DB', { table: 'one_spelling' }), env, [...p, '--lang', 'zh-CN']);
    expect(zh.stderr).toContain('kpi：警告：拒收 3 行（不计入任何指标）：\n  tickets (database)，列「agent」：2 行：没有工号\n  tickets (database)，列「score」：1 行：不是数字\n');
    const two = score(join(work, 'pg-period-two'), sqlConfig('env:KPI_TEST_DB', { table: 'two_spellings' }), env, p);
    expect(two.status, two.stderr).toBe(0);
    expect(rejectionsCounted(two.json)).toBe(rejectionsCounted(csvPeriodJson(join(work, 'csv-period-two'), TWO_SPELLINGS_CSV)));
    // A DATE column: the period is tested on the column itself (an index on it serves).
    psql(`CREATE TABLE dated AS SELECT agent, (CASE trim(created) WHEN '2026/10/9 14:30' THEN '2026-10-09' WHEN '2026年10月12日' THEN '2026-10-12' WHEN '2026.10.13 09:15' THEN '2026-10-13' ELSE trim(created) END)::timestamp::date AS created,
      closed_at, kind, score, on_time, customer FROM one_spelling`);
    const datedCsv = execFileSync(join(bin, 'psql'), ['-h', cluster, '-p', String(PORT), '-U', 'kpi', '-d', 'postgres', '-q', '-c', 'COPY dated TO STDOUT WITH (FORMAT csv, HEADER true)']).toString();
    const dated = score(join(work, 'pg-period-dated'), sqlConfig('env:KPI_TEST_DB', { table: 'dated' }), env, p);
    expect(dated.status, dated.stderr).toBe(0);
    expect(rejectionsCounted(dated.json)).toBe(rejectionsCounted(csvPeriodJson(join(work, 'csv-period-dated'), datedCsv)));
  });

  it('stops a query that runs past --limit query-seconds', () => {
    const run = score(join(work, 'pg-slow'), sqlConfig('env:KPI_TEST_DB', { query: 'select *, pg_sleep(0.2) from tickets' }), env, ['--limit', 'query-seconds=0.5']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('source "tickets": the query ran longer than 0.5 s and was stopped');
  });

  it('validate checks the database and prints the query with --show-sql', () => {
    const dir = join(work, 'pg-validate');
    mkdirSync(dir);
    writeFileSync(join(dir, 'kpi.yaml'), sqlConfig('env:KPI_TEST_DB', { table: 'tickets' }));
    const run = runKpi(['validate', '--show-sql'], { cwd: dir, env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('-- source tickets (postgres, localhost:');
    expect(run.stdout).toMatch(/GROUP BY employee, period_group, outcome;\n-- parameters:\n--   \$1 = "上门维修"/);
    writeFileSync(join(dir, 'kpi.yaml'), sqlConfig('env:KPI_TEST_DB', { table: 'tickets' }).replace('closed: closed_at', 'closed: closed_on'));
    const wrong = runKpi(['validate'], { cwd: dir, env });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('source "tickets": the database has no column closed_on for the field "closed" (columns: agent, created, closed_at, kind, score, on_time, customer)');
  });

  it('says a refused connection in one line naming the host, never the password', () => {
    const run = score(join(work, 'pg-refused'), sqlConfig('env:KPI_TEST_DB', { table: 'tickets' }), { KPI_TEST_DB: 'postgres://kpi:s3cret@127.0.0.1:1/x' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot connect to the database at 127.0.0.1:1/x');
    expect(run.stderr).not.toContain('s3cret');
  });
});

describe('DuckDB sources', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const csv = join(work, 'tickets.csv');
    copyFileSync(join(FIXTURE, 'tickets.csv'), csv);
    await connection.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${join(work, 'tickets.parquet')}' (FORMAT parquet)`);
    await connection.run(`ATTACH '${join(work, 'tickets.duckdb')}' AS file; CREATE TABLE file.tickets AS SELECT * FROM read_csv('${csv}', all_varchar = true); DETACH file`);
    connection.closeSync();
  });

  it('scores a CSV read by DuckDB exactly as kpi reads it', () => {
    const run = score(join(work, 'duck-csv'), sqlConfig('"duckdb:"', { query: `select * from read_csv('${join(work, 'tickets.csv')}', all_varchar = true)` }));
    expect(run.status, run.stderr).toBe(0);
    expect(unhashed(run.json)).toBe(unhashed(csvJson));
  });

  it('scores a Parquet file exactly as the CSV', () => {
    const run = score(join(work, 'duck-parquet'), sqlConfig('"duckdb:"', { query: `select * from '${join(work, 'tickets.parquet')}'` }));
    expect(run.status, run.stderr).toBe(0);
    expect(unhashed(run.json)).toBe(unhashed(csvJson));
  });

  it('scores the month in progress (--as-of) exactly as the CSV: rows after the date are out of period', () => {
    const args = ['--as-of', '2026-10-15'];
    const dir = join(work, 'csv-as-of');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(FIXTURE, 'tickets.csv'), join(dir, 'tickets.csv'));
    writeFileSync(join(dir, 'kpi.yaml'), CONFIG);
    const fromCsv = runKpi(['score', 'tickets.csv', ...args, '--format', 'json'], { cwd: dir });
    expect(fromCsv.status, fromCsv.stderr).toBe(0);
    const run = score(join(work, 'duck-as-of'), sqlConfig('"duckdb:"', { query: `select * from '${join(work, 'tickets.parquet')}'` }), {}, args);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.json).progress).toEqual({ asOf: '2026-10-15', elapsedWorkdays: 9, totalWorkdays: 20 });
    expect(JSON.parse(run.json).stats.rowsOutOfPeriod).toBeGreaterThan(JSON.parse(csvJson).stats.rowsOutOfPeriod);
    expect(unhashed(run.json)).toBe(unhashed(fromCsv.stdout));
  });

  it('scores a fixed period (-p) of a Parquet file exactly as the CSV, ids spelt once or twice', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    for (const [name, csv] of [['one', ONE_SPELLING_CSV], ['two', TWO_SPELLINGS_CSV]] as const) {
      const file = join(work, `period-${name}.csv`);
      writeFileSync(file, csv);
      await connection.run(`COPY (SELECT * FROM read_csv('${file}', all_varchar = true)) TO '${join(work, `period-${name}.parquet`)}' (FORMAT parquet)`);
      const run = score(join(work, `duck-period-${name}`), sqlConfig('"duckdb:"', { query: `select * from '${join(work, `period-${name}.parquet`)}'` }), {}, ['-p', '2026-10']);
      expect(run.status, run.stderr).toBe(0);
      expect(rejectionsCounted(run.json)).toBe(rejectionsCounted(csvPeriodJson(join(work, `csv-duck-period-${name}`), csv)));
    }
    connection.closeSync();
  });

  it('reads a DuckDB file read-only', () => {
    const url = JSON.stringify(`duckdb:${join(work, 'tickets.duckdb')}`);
    const run = score(join(work, 'duck-file'), sqlConfig(url, { table: 'tickets' }));
    expect(run.status, run.stderr).toBe(0);
    expect(unhashed(run.json)).toBe(unhashed(csvJson));
    const write = score(join(work, 'duck-write'), sqlConfig(url, { query: 'select * from tickets; delete from tickets' }));
    expect(write.status).toBe(2);
    expect(unhashed(score(join(work, 'duck-file-again'), sqlConfig(url, { table: 'tickets' })).json)).toBe(unhashed(csvJson));
  });
});
