/**
 * SPEC §4.4 inside the query: the SQL that types one column as its field — a number from
 * `1,234.5`, ` 95 `, `95%`, `９５`; a yes/no value from 是/否, true/1, the source's own words;
 * a calendar date from `2026-11-05`, `2026/11/5 14:30`, `2026年11月5日`, `20261105`, an
 * Excel serial, or day-first forms under `date_format` — with exactly the values and the
 * rejections of the file readers (src/read/cells.ts), which the tests compare. A column
 * the database already types (numeric, boolean, date, timestamp) is converted directly.
 *
 * Each field gives two expressions over the row: its value (NULL when empty or
 * unreadable) and whether it is unreadable (the row is then rejected, §4.5).
 */
import type { Field, Source } from '../../core/types.js';
import { double, literal, type Dialect } from './dialect.js';
import type { Params } from './params.js';

/** How the database types a column, as far as typing cares. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'date' | 'timestamp';

export interface Typed {
  value: string;
  unreadable: string;
  /** The value where the cell is known not to be unreadable, when that is cheaper. */
  readable?: string;
}

/** JavaScript's String.prototype.trim() white space. */
const WHITE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff';

const TRUE_WORDS = ['true', 'yes', 'y', '1', '是', '对', '有', '√', '✓', '✔', '合格', '通过'];
const FALSE_WORDS = ['false', 'no', 'n', '0', '否', '错', '无', '×', '✗', '✘', '不合格', '未通过'];

const NUMBER = String.raw`^([+\-−]?)([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?|(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\s*(%?)$`;
const TIME = String.raw`(?:(?:\s+|T)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}(?:\.[0-9]+)?))?)?`;
const YMD = String.raw`^([0-9]{4})([-/.])([0-9]{1,2})([-/.])([0-9]{1,2})${TIME}$`;
const CJK = String.raw`^([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]${TIME}$`;
const COMPACT = String.raw`^([0-9]{4})([0-9]{2})([0-9]{2})$`;
const DAY_FIRST = String.raw`^([0-9]{1,2})([-/.])([0-9]{1,2})([-/.])([0-9]{4}|[0-9]{2})${TIME}$`;
const SERIAL = String.raw`^[0-9]+(?:\.[0-9]+)?$`;

/** WHITE's code points, and 0: what ascii() says of an empty text. */
const WHITE_OR_EMPTY = [0, ...Array.from(WHITE, (c) => c.codePointAt(0)!)].join(', ');

/**
 * The column as text, trimmed as JavaScript trims: NULL when empty. Trimming a set of 25
 * characters costs the database several times a comparison, on every row and in every
 * FILTER that names the field; almost no cell has white space at either end, so the trim
 * runs only where the first or last character is white space (or the text is empty),
 * where the dialect says that test is the cheaper.
 */
export function trimmedText(d: Dialect, column: string): string {
  const text = `CAST(${column} AS VARCHAR)`;
  if (!d.testEndsBeforeTrim) return `NULLIF(${d.trim(text, literal(WHITE))}, '')`;
  return `(CASE WHEN ascii(${text}) IN (${WHITE_OR_EMPTY}) OR ascii(reverse(${text})) IN (${WHITE_OR_EMPTY}) THEN NULLIF(${d.trim(text, literal(WHITE))}, '') ELSE ${text} END)`;
}

/** normalizeCellText: NFKC, zero-width characters dropped, trimmed; NULL when empty. */
function normalized(d: Dialect, column: string): string {
  return `NULLIF(${d.trim(`translate(${d.normalize(`CAST(${column} AS VARCHAR)`)}, ${literal(ZERO_WIDTH)}, '')`, literal(WHITE))}, '')`;
}

const int = (x: string): string => `CAST(${x} AS INTEGER)`;
const dbl = (x: string): string => `CAST(${x} AS DOUBLE PRECISION)`;

/** withTime(day, ms) of src/read/days.ts: ms rounded, a time rounding to 24:00 carries. */
function withTime(day: string, ms: string): string {
  const t = `floor(${ms} + 0.5)`;
  const carry = `floor(${t} / ${double(86_400_000)})`;
  const rest = `(${t} - ${carry} * ${double(86_400_000)})`;
  return `(CASE WHEN ${rest} = 0 THEN ${dbl(day)} + ${carry} ELSE ${dbl(day)} + ${carry} + ${rest} / ${double(86_400_000)} END)`;
}

/** A DayNumber from year, month, day and clock parts (SQL integers/doubles), or NULL when
 *  the calendar or the clock has no such moment (buildDate). */
function buildDate(d: Dialect, y: string, m: string, day: string, hh: string, mi: string, ss: string): string {
  const leap = `((${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0)`;
  const monthDays = `(CASE WHEN ${m} = 2 THEN (CASE WHEN ${leap} THEN 29 ELSE 28 END) WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END)`;
  const valid = `${y} >= 1 AND ${m} BETWEEN 1 AND 12 AND ${day} >= 1 AND ${day} <= ${monthDays} AND ${hh} <= 23 AND ${mi} <= 59 AND ${ss} < 60`;
  const ms = `(((${dbl(hh)} * 60 + ${mi}) * 60 + ${ss}) * 1000)`;
  return `(CASE WHEN ${valid} THEN ${withTime(d.epochDay(`make_date(${y}, ${m}, ${day})`), ms)} END)`;
}

/** A date typed from normalized text `n`, or NULL when empty or unreadable. */
function dateFromText(d: Dialect, n: string, order: Source['dateFormat']): string {
  const g = (pattern: string, i: number) => d.group(n, pattern, i);
  const clock = (pattern: string, at: number) => [int(`COALESCE(${g(pattern, at)}, '0')`), int(`COALESCE(${g(pattern, at + 1)}, '0')`), dbl(`COALESCE(${g(pattern, at + 2)}, '0')`)] as const;
  const ymd = buildDate(d, int(g(YMD, 1)), int(g(YMD, 3)), int(g(YMD, 5)), ...clock(YMD, 6));
  const cjk = buildDate(d, int(g(CJK, 1)), int(g(CJK, 2)), int(g(CJK, 3)), ...clock(CJK, 4));
  const compact = buildDate(d, int(g(COMPACT, 1)), int(g(COMPACT, 2)), int(g(COMPACT, 3)), '0', '0', '0');
  const year2 = g(DAY_FIRST, 5);
  const y = `(CASE WHEN length(${year2}) = 4 THEN ${int(year2)} WHEN ${int(year2)} < 30 THEN ${int(year2)} + 2000 ELSE ${int(year2)} + 1900 END)`;
  const [a, b] = [int(g(DAY_FIRST, 1)), int(g(DAY_FIRST, 3))];
  const dayFirst = order === 'dmy' || order === 'mdy'
    ? `WHEN ${d.matches(n, DAY_FIRST)} AND ${g(DAY_FIRST, 2)} = ${g(DAY_FIRST, 4)} THEN ${order === 'dmy' ? buildDate(d, y, b, a, ...clock(DAY_FIRST, 6)) : buildDate(d, y, a, b, ...clock(DAY_FIRST, 6))}`
    : '';
  const serial = dbl(n);
  return `(CASE WHEN ${n} IS NULL THEN NULL
    WHEN ${d.matches(n, YMD)} THEN (CASE WHEN ${g(YMD, 2)} = ${g(YMD, 4)} THEN ${ymd} END)
    WHEN ${d.matches(n, CJK)} THEN ${cjk}
    WHEN ${d.matches(n, COMPACT)} THEN ${compact}
    ${dayFirst}
    WHEN ${d.matches(n, SERIAL)} THEN (CASE WHEN ${serial} >= 61 AND ${serial} < 2958466 THEN ${withTime(`(floor(${serial}) - 25569)`, `((${serial} - floor(${serial})) * ${double(86_400_000)})`)} END)
    END)`;
}

/** A number typed from normalized text `n` (readNumber), or NULL. */
function numberFromText(d: Dialect, n: string): string {
  const digits = `replace(${d.group(n, NUMBER, 2)}, ',', '')`;
  const sign = `(CASE WHEN ${d.group(n, NUMBER, 1)} IN ('-', '−') THEN '-' ELSE '' END)`;
  const percent = `(COALESCE(${d.group(n, NUMBER, 3)}, '') = '%')`;
  // `1e5%` would be `1e5e-2`: JavaScript's Number() says NaN, so the cell is unreadable.
  const value = `CAST(${sign} || ${digits} || (CASE WHEN ${percent} THEN 'e-2' ELSE '' END) AS DOUBLE PRECISION)`;
  const exponentAndPercent = `(${percent} AND ${d.matches(n, '[eE]')})`;
  return `(CASE WHEN ${n} IS NOT NULL AND ${d.matches(n, NUMBER)} AND NOT ${exponentAndPercent} THEN (CASE WHEN abs(${value}) <= ${double(1e15)} THEN ${value} + 0 END) END)`;
}

/** A yes/no value from normalized text `n`: the source's words first, then the defaults. */
function booleanFromText(d: Dialect, n: string, source: Source, params: Params): string {
  const key = `lower(${n})`;
  const words = (list: string[]) => list.map((w) => params.text(w.normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim().toLowerCase())).join(', ');
  const own = [
    source.trueValues.length ? `WHEN ${key} IN (${words(source.trueValues)}) THEN TRUE` : '',
    source.falseValues.length ? `WHEN ${key} IN (${words(source.falseValues)}) THEN FALSE` : '',
  ].join(' ');
  const builtIn = (list: string[]) => list.map(literal).join(', ');
  return `(CASE ${own} WHEN ${key} IN (${builtIn(TRUE_WORDS)}) THEN TRUE WHEN ${key} IN (${builtIn(FALSE_WORDS)}) THEN FALSE END)`;
}

/**
 * The value of `field` read from `column` (a quoted identifier) whose database type is
 * `kind`, and whether a non-empty cell is unreadable.
 */
export function typeColumn(d: Dialect, field: Field, source: Source, column: string, kind: ColumnKind, params: Params): Typed {
  const notNull = (value: string) => ({ value, unreadable: `(${column} IS NOT NULL AND ${value} IS NULL)` });
  if (field.type === 'text') return { value: trimmedText(d, column), unreadable: 'FALSE' };
  // Durations (§4.6): a number column holds the field's unit, as a plain number does in a
  // file; duration texts (0:03:37, 3分37秒) are not typed in the database yet, and count as
  // rejected ("not a duration") — store durations as numbers there.
  if (field.duration) {
    if (kind === 'number') return { ...notNull(`(CASE WHEN abs(${dbl(column)}) <= ${double(1e15)} AND ${dbl(column)} >= 0 THEN ${dbl(column)} + 0 END)`), readable: `(${dbl(column)} + 0)` };
    const plain = numberFromText(d, normalized(d, column));
    const value = `(CASE WHEN ${plain} >= 0 THEN ${plain} END)`;
    return { value, unreadable: `(${normalized(d, column)} IS NOT NULL AND ${value} IS NULL)` };
  }
  if (field.type === 'number' && kind === 'number' && !field.duration) return { ...notNull(`(CASE WHEN abs(${dbl(column)}) <= ${double(1e15)} THEN ${dbl(column)} + 0 END)`), readable: `(${dbl(column)} + 0)` };
  if (field.type === 'boolean' && kind === 'boolean') return { value: column, unreadable: 'FALSE' };
  if (field.type === 'boolean' && kind === 'number') return { ...notNull(`(CASE WHEN ${column} = 1 THEN TRUE WHEN ${column} = 0 THEN FALSE END)`), readable: `(${column} = 1)` };
  if (field.type === 'date' && kind === 'date') return { value: dbl(d.epochDay(column)), unreadable: 'FALSE' };
  if (field.type === 'date' && kind === 'timestamp') return { value: `(CASE WHEN ${column} IS NOT NULL THEN ${withTime(d.epochDay(column), d.millisOfDay(column))} END)`, unreadable: 'FALSE' };
  const n = normalized(d, column);
  const value = field.type === 'number' ? numberFromText(d, n) : field.type === 'boolean' ? booleanFromText(d, n, source, params) : dateFromText(d, n, source.dateFormat);
  return { value, unreadable: `(${n} IS NOT NULL AND ${value} IS NULL)` };
}

/** Whether the column holds a non-empty value (for the date's "no date" and blank rows). */
export function present(d: Dialect, field: Field, column: string, kind: ColumnKind): string {
  if (kind !== 'text') return `(${column} IS NOT NULL)`;
  return `(${field.type === 'text' ? trimmedText(d, column) : normalized(d, column)} IS NOT NULL)`;
}
