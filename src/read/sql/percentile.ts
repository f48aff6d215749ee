/**
 * Percentiles where the engine's own would not do (the dialect's `percentile` is
 * `neighbours`: DuckDB). Each person's values are counted per value — one GROUP BY
 * employee, value: a hash table the engine can spill, where a list of every value stays
 * in memory — then ranked, and only the value at 0-based rank floor(p·(n−1)), the value
 * after it and n come back. kpi interpolates them as it does for files
 * (percentileOfNeighbours), so the result is PERCENTILE.INC to the last digit.
 */
import { OUTCOME, type Rows } from './rows.js';

export interface RankedPercentile {
  /** The columns' prefix: `<q>_lo`, `<q>_hi`, `<q>_n`. */
  q: string;
  /** p (0–1), the value and the row condition, as SQL. */
  p: string;
  x: string;
  where: string;
}

/** The columns a ranked percentile comes back in, in the order metricValue reads them. */
export const rankedColumns = (q: string): string[] => [`${q}_lo`, `${q}_hi`, `${q}_n`];

/** Each person's values of one percentile, counted per value (and period group). */
function valuesSql(rows: Rows, { x, where }: RankedPercentile): string[] {
  if (rows.split) {
    return [`SELECT ${rows.employeeKey} AS e, 0 AS g, ${x} AS x, count(*) AS c`, ...rows.from(true).map((line) => line.slice(2)), `WHERE ${rows.acceptedRow} AND ${where} AND ${x} IS NOT NULL`, 'GROUP BY 1, 2, 3'];
  }
  return [
    'SELECT e, g, x, count(*) AS c',
    'FROM (',
    `  SELECT ${rows.value(rows.employeeAt)} AS e, ${rows.group} AS g, ${x} AS x, CASE ${rows.outcome} ELSE ${OUTCOME.accepted} END AS outcome, ${where} AS kpi_match`,
    ...rows.from(false),
    ') AS kpi_rows',
    `WHERE outcome = ${OUTCOME.accepted} AND kpi_match AND x IS NOT NULL`,
    'GROUP BY 1, 2, 3',
  ];
}

/** The value at rank k = floor(p·(n−1)), the one after it (NULL when there is none), n. */
function rankedSql(rows: Rows, percentile: RankedPercentile): string {
  return [
    'SELECT e, g, min(x) FILTER (WHERE upto > k) AS lo, min(x) FILTER (WHERE upto > k + 1) AS hi, max(n) AS n',
    'FROM (',
    '  SELECT e, g, x, sum(c) OVER (PARTITION BY e, g ORDER BY x ROWS UNBOUNDED PRECEDING) AS upto, sum(c) OVER (PARTITION BY e, g) AS n,',
    `    floor(${percentile.p} * (CAST(sum(c) OVER (PARTITION BY e, g) AS DOUBLE PRECISION) - 1)) AS k`,
    '  FROM (',
    ...valuesSql(rows, percentile).map((line) => `    ${line}`),
    '  ) AS kpi_values',
    ') AS kpi_ranks',
    'GROUP BY e, g',
  ].join('\n');
}

/** The grouped query `sql` with each ranked percentile joined to its accepted groups. */
export function withRankedPercentiles(sql: string, rows: Rows, percentiles: readonly RankedPercentile[]): string {
  if (percentiles.length === 0) return sql;
  return [
    `SELECT kpi_groups.*${percentiles.map(({ q }) => `, ${q}.lo AS ${q}_lo, ${q}.hi AS ${q}_hi, ${q}.n AS ${q}_n`).join('')}`,
    `FROM (\n${sql}\n) AS kpi_groups`,
    ...percentiles.map((p) => `LEFT JOIN (\n${rankedSql(rows, p)}\n) AS ${p.q} ON ${p.q}.e = kpi_groups.employee AND ${p.q}.g = kpi_groups.period_group AND kpi_groups.outcome = ${OUTCOME.accepted}`),
  ].join('\n');
}
