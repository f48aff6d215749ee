/**
 * Which source each sheet of a workbook feeds (SPEC §4.1): a sheet whose name equals a
 * source's `sheet` or its id (compared like headers: case, width and spacing ignored).
 * Other sheets (instructions, pivots, charts' data) are skipped. `--source id=book.xlsx`
 * says it for a workbook whose sheet names say nothing: its first sheet feeds that source,
 * unless a sheet is named after it. A workbook none of whose sheets is named after a source,
 * with exactly one sheet holding data, feeds the single non-roster source, as a CSV does
 * (SPEC §4.6: `Sheet1` of an export). Otherwise a workbook none of whose sheets can be
 * placed is an error naming the sheets found and the names expected.
 */
import type { Scheme, Source } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { normalizeHeader } from './headers.js';

export async function sourcesForSheets<T extends { sheet: string | null }>(
  scheme: Scheme,
  file: string,
  tables: readonly T[],
  overrides: ReadonlyMap<string, string>,
  filled: () => Promise<boolean[]>,
): Promise<{ table: T; source: Source }[]> {
  const byName = (name: string): Source | undefined => {
    const key = normalizeHeader(name);
    return scheme.sources.find((s) => normalizeHeader(s.id) === key || (s.sheet !== undefined && normalizeHeader(s.sheet) === key));
  };
  const placed = tables.map((table) => ({ table, source: byName(table.sheet ?? '') }));
  const forcedId = overrides.get(file);
  if (forcedId !== undefined && placed.length > 0 && !placed.some((p) => p.source?.id === forcedId)) {
    placed[0].source = scheme.sources.find((s) => s.id === forcedId);
  }
  const found = placed.filter((p): p is { table: T; source: Source } => p.source !== undefined);
  if (found.length > 0) return found;
  const single = scheme.sources.filter((s) => s.id !== 'roster');
  if (single.length === 1 && tables.length > 0) {
    // Asked only now: reading up to the first value of every sheet costs a pass over the
    // empty ones, and the data sheet's first row.
    const withData = tables.length === 1 ? tables : await filled().then((flags) => tables.filter((_, i) => flags[i]));
    if (withData.length === 1) return [{ table: withData[0], source: single[0] }];
  }

  const sheets = tables.length ? tables.map((t) => `"${t.sheet}"`).join(', ') : 'none';
  const expected = scheme.sources.map((s) => (s.sheet && normalizeHeader(s.sheet) !== normalizeHeader(s.id) ? `"${s.sheet}" or "${s.id}"` : `"${s.id}"`)).join(', ');
  const example = scheme.sources.find((s) => s.id !== 'roster') ?? scheme.sources[0];
  throw new KpiError(
    `${file}: no sheet is named after a source; the workbook's sheets: ${sheets}; the config expects ${expected}`,
    EXIT.data,
    `rename the sheet, set sheet: "<name>" on the source in kpi.yaml, or pass --source ${example?.id ?? 'id'}=${file}`,
  );
}
