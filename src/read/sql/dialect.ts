/**
 * What differs between the two SQL engines kpi sends queries to (SPEC §14): PostgreSQL
 * (and what speaks its protocol) and DuckDB. Everything else in the compiler is written
 * once, in the SQL both understand; only these few functions are spelled per engine.
 * Every pattern and constant here is kpi's own text: no config value passes through.
 */

export type Engine = 'postgres' | 'duckdb';

export interface Dialect {
  engine: Engine;
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
