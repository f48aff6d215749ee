/**
 * What differs between the two SQL engines kpi sends queries to (SPEC §14): PostgreSQL
 * (and what speaks its protocol) and DuckDB. Everything else in the compiler is written
 * once, in the SQL both understand; only these few functions are spelled per engine.
 * Every pattern and constant here is kpi's own text: no config value passes through.
 */

export type Engine = 'postgres' | 'duckdb';

export interface Dialect {
  engine: Engine;
  /**
   * How the engine groups rows, which decides the query's shape (compile.ts): `sort`
   * (PostgreSQL: every key past the first costs a comparison on most rows, so the
   * period's accepted rows are grouped by the employee alone) or `hash` (DuckDB: a second
   * key costs little, so they are grouped by employee and outcome in one pass).
   */
  groups: 'sort' | 'hash';
  /**
   * How a percentile is computed: `percentile_cont`, which equals PERCENTILE.INC to the
   * last digit in PostgreSQL; or `neighbours` (DuckDB, whose quantile_cont rounds its
   * interpolation otherwise and keeps every value in memory): the two values either side
   * of the rank, from a query of their own (percentile.ts), interpolated by kpi.
   */
  percentile: 'percentile_cont' | 'neighbours';
  /**
   * Whether the typed rows are written once, as a CTE each part reads: DuckDB plans a
   * query in time that grows faster than its text, and the typing of text columns is tens
   * of kilobytes. (Not PostgreSQL: Redshift and Greenplum refuse `NOT MATERIALIZED`.)
   */
  sharedRows: boolean;
  /** Whether a trim is worth skipping by looking at the first and last characters first:
   *  PostgreSQL's multibyte btrim costs several comparisons; DuckDB's is vectorised, and a
   *  list of 26 code points is a join there. */
  testEndsBeforeTrim: boolean;
  /** Whether `text` matches an anchored regular expression (RE2 / ARE both). */
  matches(text: string, pattern: string): string;
  /** Capture group `group` of `pattern` in `text` (NULL or '' when absent). */
  group(text: string, pattern: string, group: number): string;
  /** Unicode compatibility forms (full-width digits, ％, ideographic space) to ASCII. */
  normalize(text: string): string;
  /** Trims the characters of `chars` (a SQL string literal) from both ends. */
  trim(text: string, chars: string): string;
  /** The length of a text in bytes (cheap: no character is decoded). */
  bytes(text: string): string;
  /** A double rounded to 15 significant digits (JavaScript's toPrecision(15)). */
  fifteenDigits(x: string): string;
  /** Whole days since 1970-01-01 of a DATE or TIMESTAMP value. */
  epochDay(x: string): string;
  /** Milliseconds since midnight of a TIMESTAMP value. */
  millisOfDay(x: string): string;
}

/** A SQL string literal of kpi's own text (patterns, words): quotes doubled. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A double constant of kpi's own. */
export function double(n: number): string {
  return `CAST(${String(n)} AS DOUBLE PRECISION)`;
}

/** An identifier, quoted: `"名称"`, `"a""b"`. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

// Full-width forms NFKC maps to ASCII, for DuckDB, which has no NFKC: digits, letters and
// the punctuation numbers, dates and yes/no words use; the ideographic space.
const WIDE = Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0xff01 + i)).join('') + '\u3000';
const NARROW = Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0x21 + i)).join('') + ' ';

export const POSTGRES: Dialect = {
  engine: 'postgres',
  groups: 'sort',
  percentile: 'percentile_cont',
  sharedRows: false,
  testEndsBeforeTrim: true,
  matches: (text, pattern) => `(${text} ~ ${literal(pattern)})`,
  group: (text, pattern, group) => `(regexp_match(${text}, ${literal(pattern)}))[${group}]`,
  normalize: (text) => `normalize(${text}, NFKC)`,
  trim: (text, chars) => `btrim(${text}, ${chars})`,
  bytes: (text) => `octet_length(${text})`,
  fifteenDigits: (x) => `CAST(CAST(${x} AS NUMERIC) AS DOUBLE PRECISION)`,
  epochDay: (x) => `(CAST(${x} AS DATE) - DATE '1970-01-01')`,
  millisOfDay: (x) => `floor(extract(epoch from (CAST(${x} AS TIMESTAMP) - CAST(CAST(${x} AS DATE) AS TIMESTAMP))) * 1000 + 0.5)`,
};

export const DUCKDB: Dialect = {
  engine: 'duckdb',
  groups: 'hash',
  percentile: 'neighbours',
  sharedRows: true,
  testEndsBeforeTrim: false,
  matches: (text, pattern) => `regexp_matches(${text}, ${literal(pattern)})`,
  group: (text, pattern, group) => `NULLIF(regexp_extract(${text}, ${literal(pattern)}, ${group}), '')`,
  normalize: (text) => `translate(${text}, ${literal(WIDE)}, ${literal(NARROW)})`,
  trim: (text, chars) => `trim(${text}, ${chars})`,
  bytes: (text) => `strlen(${text})`,
  fifteenDigits: (x) => `CAST(format('{:.15g}', ${x}) AS DOUBLE)`,
  epochDay: (x) => `date_diff('day', DATE '1970-01-01', CAST(${x} AS DATE))`,
  millisOfDay: (x) => `(epoch_ms(CAST(${x} AS TIMESTAMP)) - epoch_ms(CAST(CAST(${x} AS DATE) AS TIMESTAMP)))`,
};

export function dialectOf(engine: Engine): Dialect {
  return engine === 'postgres' ? POSTGRES : DUCKDB;
}
