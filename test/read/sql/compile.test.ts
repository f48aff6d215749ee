/**
 * The push-down compiler without a database (SPEC §14): what the query is made of, that
 * config values travel as parameters and identifiers are quoted, and what cannot be
 * compiled. The typing SQL is then run on DuckDB in memory against the file readers'
 * own parsers (src/read/cells.ts), cell by cell.
 */
import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../../src/config/load.js';
import { booleanReader, readDate, readNumber, Unreadable } from '../../../src/read/cells.js';
import { compileQuery } from '../../../src/read/sql/compile.js';
import { DUCKDB } from '../../../src/read/sql/dialect.js';
import { Params } from '../../../src/read/sql/params.js';
import { typeColumn, type ColumnKind } from '../../../src/read/sql/typing.js';
import type { Field, Source } from '../../../src/core/types.js';

const CONFIG = `version: 1
title: T
locale: en
sources:
  tickets:
    sql: { url: env:DB, table: ops.tickets }
    columns: { employee: agent, date: created, closed: 'closed "at"', kind: kind, score: score }
    types: { closed: date, score: number }
    derive:
      late: workdays(date, closed) > 2
calendar: { holidays: [2026-10-01, 2026-10-05], workdays: [2026-10-10] }
metrics:
  visits: { source: tickets, agg: count, where: { kind: "x'; drop table tickets; --" } }
  p90: { source: tickets, agg: percentile, p: 90, field: score }
  kinds: { source: tickets, agg: distinct, field: kind }
  late_rate: { source: tickets, agg: ratio, hit: { late: true } }
  avg: { source: tickets, agg: avg, field: score }
dimensions:
  d: { indicators: [ { metric: visits, weight: 100, standard: { method: direct } } ] }
roles: { r: { weights: { d: 100 } } }
grades: [ { grade: A } ]
`;

function compiled(engine: 'postgres' | 'duckdb', period: { start: number; end: number } | null = null) {
  const { scheme, problems } = checkConfigText(CONFIG, 'kpi.yaml');
  expect(problems).toEqual([]);
  const source = scheme!.sources[0];
  const columns = new Map(source.fields.filter((f) => !f.derive).map((f) => [f.id, { name: f.headers[0], kind: 'text' as ColumnKind }]));
  return compileQuery({ engine, scheme: scheme!, source, period: period && { key: '2026-10', unit: 'month', ...period }, unit: 'month', columns, rawEmployee: true });
}

describe('compileQuery', () => {
  it('is one GROUP BY employee with every metric as an aggregate over its own rows', () => {
    const { sql, metrics } = compiled('postgres');
    expect(sql).toMatch(/GROUP BY employee, period_group, outcome$/);
    expect(sql).toContain('FROM "ops"."tickets"');
    expect(sql).toContain('"closed ""at"""');
    // A word is looked for in the column as stored (s3) first; the trimmed text (v3) only
    // where the stored text is longer than the word.
    expect(sql).toMatch(/count\(\*\) FILTER \(WHERE COALESCE\(s3 IN \((CAST\(\$\d+ AS VARCHAR\))\) OR \(octet_length\(s3\) > octet_length\(\1\) AND v3 IN \(\1\)\), FALSE\)\)/);
    expect(sql).toContain('percentile_cont(CAST($');
    expect(sql).toContain('count(DISTINCT v3)');
    expect(metrics.map((m) => [m.metric.id, m.columns.length])).toEqual([['visits', 1], ['p90', 1], ['kinds', 1], ['late_rate', 2], ['avg', 2]]);
  });

  it('carries config values and the calendar as parameters, never in the text', () => {
    const { sql, params } = compiled('postgres');
    expect(sql).not.toContain('drop table');
    expect(params).toContain("x'; drop table tickets; --");
    expect(params).toContain(0.9);
    // 2026-10-01 and 2026-10-05 are weekdays (holidays); 2026-10-10 a Saturday (make-up day).
    for (const day of [20727, 20731, 20736]) expect(params).toContain(day);
    expect(sql).not.toMatch(/20727|20731|20736/);
  });

  it('filters a fixed period by parameters and counts the rest as outside it', () => {
    const { sql, params } = compiled('duckdb', { start: 20727, end: 20758 });
    expect(sql).toMatch(/CASE WHEN NOT \(p0 OR .*\) THEN 5 WHEN NOT p1 THEN 1 WHEN v1 IS NULL THEN 2 ELSE 4 END AS outcome/);
    expect(sql).toMatch(/v1 >= CAST\(\$\d+ AS DOUBLE PRECISION\) AND v1 < CAST\(\$\d+ AS DOUBLE PRECISION\)/);
    expect(params).toEqual(expect.arrayContaining([20727, 20758]));
    // A percentile in DuckDB: the values either side of its rank, from a query of their own.
    expect(sql).toMatch(/LEFT JOIN \(\nSELECT e, g, min\(x\) FILTER \(WHERE upto > k\) AS lo, min\(x\) FILTER \(WHERE upto > k \+ 1\) AS hi, max\(n\) AS n\n/);
    expect(sql).not.toContain('list(');
  });

  it('under a fixed period, groups the accepted rows by the stored employee alone and counts the others by reason', () => {
    const { sql } = compiled('postgres', { start: 20727, end: 20758 });
    const [accepted, others] = sql.split('\nUNION ALL\n');
    expect(accepted).toMatch(/^SELECT COALESCE\(kpi_employee, ''\) AS employee, 0 AS period_group, 0 AS outcome/);
    expect(accepted).toContain('CAST("agent" AS VARCHAR) AS kpi_employee');
    expect(accepted).toMatch(/\nWHERE v1 >= CAST\(\$(\d+) AS DOUBLE PRECISION\) AND v1 < CAST\(\$\d+ AS DOUBLE PRECISION\) AND NOT x2 AND NOT x3 AND NOT x4\nGROUP BY kpi_employee$/);
    expect(others).toMatch(/WHERE \(v1 >= .* AND NOT x4\) IS NOT TRUE\n\) AS kpi_others\nGROUP BY outcome$/);
    // A number read from a text column is checked once: the period's rows have none unreadable.
    expect(others).toContain('WHEN x4 THEN 14');
  });

  it('tests the period on a DATE column itself, so that an index on it serves', () => {
    const { scheme } = checkConfigText(CONFIG, 'kpi.yaml');
    const source = scheme!.sources[0];
    const columns = new Map(source.fields.filter((f) => !f.derive).map((f) => [f.id, { name: f.headers[0], kind: (f.id === 'date' ? 'date' : 'text') as ColumnKind }]));
    const { sql, params } = compileQuery({ engine: 'postgres', scheme: scheme!, source, period: { key: '2026-10', unit: 'month', start: 20727, end: 20758 }, unit: 'month', columns, rawEmployee: true });
    expect(sql).toContain('"created" AS kpi_date');
    expect(sql).toMatch(/WHERE kpi_date >= CAST\(\$\d+ AS DATE\) AND kpi_date < CAST\(\$\d+ AS DATE\)/);
    expect(params).toEqual(expect.arrayContaining(['2026-10-01', '2026-11-01']));
  });

  it('refuses at validate what the database cannot compute, at its line', () => {
    const text = CONFIG.replace('late: workdays(date, closed) > 2', 'late: round(score, score) > 2');
    const { problems } = checkConfigText(text, 'kpi.yaml');
    expect(problems.map((p) => p.where)).toEqual(['kpi.yaml:10:13']);
    expect(String(problems[0].message)).toContain('cannot be computed in the database');
  });
});

/** Every cell typed by the SQL of typing.ts in DuckDB, and by the file readers. */
describe('typing inside the query equals the file readers (§4.4)', async () => {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const source: Source = { id: 's', fields: [], dated: true, trueValues: ['OK'], falseValues: ['N'], dateFormat: 'dmy' };
  async function typed(type: Field['type'], cells: string[]): Promise<unknown[]> {
    const params = new Params();
    const { value, unreadable } = typeColumn(DUCKDB, { id: 'f', type, headers: ['c'] }, source, 'c', 'text', params);
    const values = cells.map((_, i) => `($${params.values.length + i + 1})`).join(', ');
    const reader = await connection.runAndReadAll(`SELECT ${value} AS v, ${unreadable} AS x FROM (VALUES ${values}) AS t(c)`, [...params.values, ...cells]);
    return reader.getRowObjectsJS().map((r) => (r.x ? 'unreadable' : r.v));
  }
  const expected = (read: (text: string) => unknown, cells: string[]) => cells.map((c) => {
    const v = read(c);
    return v instanceof Unreadable ? 'unreadable' : v;
  });

  it('numbers', async () => {
    const cells = ['42', ' 95 ', '95%', '1.1%', '1,234.5', '1,2,3', '-3', '−7', '９５', '９５％', '+7.', '.5', '1e5', '1e5%', 'abc', '', '  ', '1e16', '0', '-0', '12,34'];
    expect(await typed('number', cells)).toEqual(expected(readNumber, cells));
  });

  it('yes/no words, the source\'s own before the defaults', async () => {
    const cells = ['是', '否', 'TRUE', 'no', 'Y', 'n', '1', '0', '√', '×', '合格', '不合格', 'ok', 'maybe', '', ' 是 ', 'ｙｅｓ'];
    expect(await typed('boolean', cells)).toEqual(expected(booleanReader({ trueValues: ['OK'], falseValues: ['N'] }), cells));
  });

  it('dates, with times, serials and day-first forms under date_format', async () => {
    const cells = ['2026-11-05', '2026/11/5', '2026.11.05', '2026年11月5日', '2026 年 11 月 5 号 14:30', '20261105', '2026-11-05 14:30', '2026-11-05T09:05:07', '2026-11-05 14:30:15.250',
      '2026-11-05 23:59:59.9999', '46331', '46331.5', '60', '05/11/2026', '5/11/26', '31/02/2026', '2026-02-29', '2024-02-29', '2026-13-01', '2026-11-05 24:00', '2026-11/05', 'soon', '', '２０２６-１１-０５'];
    expect(await typed('date', cells)).toEqual(expected((t) => readDate(t, 'dmy'), cells));
  });
});
