/**
 * The ranking as one neutral table (SPEC §6.1, §6.3, §6.4 Summary): typed columns and
 * cells that the console, CSV and workbook renderers all consume, so a new column appears
 * everywhere at once. Cells hold raw values; each renderer formats them its own way.
 */
import type { ScoreReport } from '../core/report.js';
import type { Scheme } from '../core/types.js';
import { word, type Locale } from './labels.js';
import type { TextLike } from '../messages/text.js';

/** `rankChange`: places moved up (+) or down (−) since the compared period. */
export type ColumnKind = 'text' | 'integer' | 'score' | 'signed' | 'grade' | 'rankChange';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

/** A cell: text, a number, or null (shown as N/A where a score was excluded, else blank). */
export type Cell = string | number | null;

export interface RankingRow {
  employee: string;
  cells: Cell[];
  /** Per cell: true where null means "excluded" (N/A) rather than "not applicable". */
  excluded: boolean[];
  vetoed: boolean;
  error: TextLike | null;
}

export interface RankingTable {
  columns: Column[];
  rows: RankingRow[];
}

/** Dimensions that some role uses, in config order. */
export function usedDimensions(scheme: Scheme) {
  return scheme.dimensions.filter((d) => scheme.roles.some((r) => r.weights.some((w) => w.dimension === d.id)));
}

export function buildRankingTable(report: ScoreReport, scheme: Scheme, locale: Locale = scheme.locale): RankingTable {
  const w = (key: Parameters<typeof word>[0]) => word(key, locale);
  const dimensions = usedDimensions(scheme);
  const columns: Column[] = [
    { key: 'rank', label: w('rank'), kind: 'integer' },
    { key: 'id', label: w('id'), kind: 'text' },
    { key: 'name', label: w('name'), kind: 'text' },
    { key: 'role', label: w('role'), kind: 'text' },
    { key: 'team', label: w('team'), kind: 'text' },
    ...dimensions.map((d): Column => ({ key: `dimension:${d.id}`, label: d.label, kind: 'score' })),
    { key: 'adjustment', label: w('adjustment'), kind: 'signed' },
    { key: 'final', label: w('final'), kind: 'score' },
    { key: 'grade', label: w('grade'), kind: 'grade' },
  ];
  // --compare (SPEC §9.1): previous final, change, previous rank, rank change.
  const compared = report.employees.some((e) => e.previous !== undefined);
  if (compared) {
    columns.push(
      { key: 'previousFinal', label: w('previousFinal'), kind: 'score' },
      { key: 'change', label: w('change'), kind: 'signed' },
      { key: 'previousRank', label: w('previousRank'), kind: 'integer' },
      { key: 'rankChange', label: w('rankChange'), kind: 'rankChange' },
    );
  }
  const roleLabel = (id: string | null) => (id === null ? null : scheme.roles.find((r) => r.id === id)?.label ?? id);
  const rows = report.employees.map((e): RankingRow => {
    const dimensionCells = dimensions.map((d) => e.dimensions.find((x) => x.id === d.id) ?? null);
    const cells: Cell[] = [
      e.rank, e.id, e.name, roleLabel(e.role), e.team,
      ...dimensionCells.map((d) => d?.score ?? null),
      e.adjustment, e.final, e.grade,
    ];
    if (compared) {
      const before = e.previous ?? null;
      const isNew = before === null && e.final !== null;
      cells.push(
        before?.final ?? null,
        before && e.final !== null ? e.final - before.final : isNew ? w('new') : null,
        before?.rank ?? null,
        before && e.rank !== null ? before.rank - e.rank : null,
      );
    }
    const excluded = cells.map(() => false);
    dimensionCells.forEach((d, i) => (excluded[5 + i] = d !== null && d.excluded));
    return { employee: e.id, cells, excluded, vetoed: e.vetoes.length > 0, error: e.error };
  });
  return { columns, rows };
}
