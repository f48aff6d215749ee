/**
 * Connecting to the database of a `sql:` source (SPEC §14) and running one query there:
 * PostgreSQL through `pg`, DuckDB through `@duckdb/node-api`, each loaded only when a
 * config uses it (dynamic import), so file-only runs never load a driver. Every query runs
 * read-only (a READ ONLY transaction; a DuckDB file opened read-only) under a statement
 * timeout, with its values as parameters. A failure is one line naming the source and the
 * host — never the URL, which may carry a password.
 */
import type { Source } from '../../core/types.js';
import { EXIT, KpiError } from '../../errors.js';
import { sqlText } from '../../messages/sql.js';
import type { Engine } from './dialect.js';
import type { ParamValue } from './params.js';
import type { ColumnKind } from './typing.js';

export type Row = Record<string, unknown>;

export interface Connection {
  engine: Engine;
  /** The host (or file) for messages: never the password. */
  host: string;
  /** The columns of a FROM clause: name and how the database types each. */
  describe(from: string): Promise<{ name: string; kind: ColumnKind }[]>;
  query(sql: string, params: ParamValue[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** The URL a source's `url` stands for (`env:NAME` read from the environment). */
export function resolveUrl(source: Source, env: NodeJS.ProcessEnv = process.env): string {
  const url = source.sql!.url.trim();
  if (!url.startsWith('env:')) return url;
  const name = url.slice(4).trim();
  const value = env[name]?.trim();
  if (!value) throw new KpiError(sqlText.envMissing({ source: source.id, name }), EXIT.usage, sqlText.envHint({ name }));
  return value;
}

export function engineOf(url: string): Engine | null {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^duckdb:/i.test(url)) return 'duckdb';
  return null;
}

/** `host:port/database` of a PostgreSQL URL, for messages. */
export function describeHost(url: string): string {
  try {
    const u = new URL(url);
    const socket = u.searchParams.get('host');
    const host = u.hostname ? `${decodeURIComponent(u.hostname)}${u.port ? `:${u.port}` : ''}` : socket ?? 'localhost';
    return `${host}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
  } catch {
    return 'the configured host';
  }
}

/** A driver's message, without anything that could be the URL. */
function reasonOf(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(url).join('<url>').split('\n')[0];
}

const PG_KINDS: Record<number, ColumnKind> = { 16: 'boolean', 20: 'number', 21: 'number', 23: 'number', 700: 'number', 701: 'number', 1700: 'number', 1082: 'date', 1114: 'timestamp', 1184: 'timestamp' };

function duckKind(type: string): ColumnKind {
  const t = type.toUpperCase();
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (/^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|REAL|DECIMAL.*)$/.test(t)) return 'number';
  return 'text';
}

export async function connect(source: Source, timeoutSeconds: number): Promise<Connection> {
  const url = resolveUrl(source);
  const engine = engineOf(url);
  if (!engine) throw new KpiError(sqlText.badUrl({ source: source.id }), EXIT.usage);
  return engine === 'postgres' ? connectPostgres(source, url, timeoutSeconds) : connectDuckdb(source, url, timeoutSeconds);
}

async function connectPostgres(source: Source, url: string, timeoutSeconds: number): Promise<Connection> {
  const { default: pg } = await import('pg');
  const host = describeHost(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: Math.ceil(timeoutSeconds * 1000), application_name: 'kpi' });
  client.on('error', () => {}); // a dropped connection fails the running query; that is reported there
  try {
    await client.connect();
  } catch (error) {
    throw new KpiError(sqlText.connectFailed({ source: source.id, host, reason: reasonOf(error, url) }), EXIT.data, sqlText.connectHint());
  }
  const run = async (sql: string, params: ParamValue[]) => {
    try {
      await client.query('BEGIN READ ONLY');
      await client.query("SELECT set_config('statement_timeout', $1, true)", [String(Math.ceil(timeoutSeconds * 1000))]);
      const result = await client.query({ text: sql, values: params.map((p) => (typeof p === 'boolean' ? String(p) : p)) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      if ((error as { code?: string }).code === '57014') throw new KpiError(sqlText.timeout({ source: source.id, seconds: timeoutSeconds }), EXIT.data, sqlText.timeoutHint({ seconds: timeoutSeconds }));
      throw new KpiError(sqlText.queryFailed({ source: source.id, reason: reasonOf(error, url) }), EXIT.data, sqlText.queryHint());
    }
  };
  return {
    engine: 'postgres', host,
    describe: async (from) => (await run(`SELECT * FROM ${from} LIMIT 0`, [])).fields.map((f) => ({ name: f.name, kind: PG_KINDS[f.dataTypeID] ?? 'text' })),
    query: async (sql, params) => (await run(sql, params)).rows as Row[],
    close: () => client.end().catch(() => {}),
  };
}

async function connectDuckdb(source: Source, url: string, timeoutSeconds: number): Promise<Connection> {
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await import('@duckdb/node-api');
  } catch {
    throw new KpiError(sqlText.noDuckdb({ source: source.id }), EXIT.data, sqlText.noDuckdbHint());
  }
  const path = url.slice('duckdb:'.length).trim();
  const host = path || 'an in-memory DuckDB';
  let connection: import('@duckdb/node-api').DuckDBConnection;
  try {
    // A database file is opened read-only; in memory there is nothing of the user's to change.
    const instance = await duckdb.DuckDBInstance.create(path || ':memory:', path ? { access_mode: 'READ_ONLY' } : {});
    connection = await instance.connect();
  } catch (error) {
    throw new KpiError(sqlText.connectFailed({ source: source.id, host, reason: reasonOf(error, url) }), EXIT.data, sqlText.connectHint());
  }
  const run = async (sql: string, params: ParamValue[]) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      connection.interrupt();
    }, Math.ceil(timeoutSeconds * 1000));
    try {
      return await connection.runAndReadAll(sql, params.length ? params : undefined);
    } catch (error) {
      if (timedOut) throw new KpiError(sqlText.timeout({ source: source.id, seconds: timeoutSeconds }), EXIT.data, sqlText.timeoutHint({ seconds: timeoutSeconds }));
      throw new KpiError(sqlText.queryFailed({ source: source.id, reason: reasonOf(error, url) }), EXIT.data, sqlText.queryHint());
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    engine: 'duckdb', host,
    describe: async (from) => (await run(`DESCRIBE SELECT * FROM ${from}`, [])).getRowObjectsJS().map((r) => ({ name: String(r.column_name), kind: duckKind(String(r.column_type)) })),
    query: async (sql, params) => (await run(sql, params)).getRowObjectsJS() as Row[],
    close: async () => connection.closeSync(),
  };
}
