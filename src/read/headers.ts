/**
 * Finding the header row and mapping columns to fields (SPEC §2, §4.3). Headers match
 * ignoring surrounding space, case and full-/half-width differences (NFKC); the header row
 * is the first of the first 20 rows that holds every field's header, so title rows above
 * it ("2026年11月客服部工作台账") are skipped.
 */
import { closest } from '../config/suggest.js';
import type { Source } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { cellText, type RawRow } from './table.js';
import { readText } from '../messages/read.js';
import { joinText } from '../messages/text.js';

export const HEADER_SEARCH_ROWS = 20;

export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface ColumnMap {
  /** For each field of the source (same order), the column index it reads. */
  columns: number[];
  /** For each field, the header as written in the file (for messages). */
  headers: string[];
  /** The header row's number. */
  headerRow: number;
  /** How many cells the header row has, up to its last non-empty one. */
  width: number;
}

function mapRow(source: Source, row: RawRow): ColumnMap | null {
  const normalized = row.cells.map((c) => normalizeHeader(cellText(c)));
  const columns: number[] = [];
  const headers: string[] = [];
  for (const field of source.fields) {
    if (field.derive) {
      // Computed from the row, not read: no column (SPEC §3.1).
      columns.push(-1);
      headers.push(field.id);
      continue;
    }
    const wanted = field.headers.map(normalizeHeader);
    const index = normalized.findIndex((h) => h !== '' && wanted.includes(h));
    if (index < 0) return null;
    columns.push(index);
    headers.push(cellText(row.cells[index]).trim());
  }
  let width = row.cells.length;
  while (width > 0 && normalized[width - 1] === '') width--;
  return { columns, headers, headerRow: row.row, width };
}

/** How many of the source's fields a row has headers for (to pick the best near-miss). */
function matches(source: Source, row: RawRow): number {
  const normalized = new Set(row.cells.map((c) => normalizeHeader(cellText(c))));
  return source.fields.filter((f) => !f.derive && f.headers.some((h) => normalized.has(normalizeHeader(h)))).length;
}

/**
 * Finds the header among the first rows; throws a KpiError naming the missing headers, the
 * headers seen and the closest match for each, when there is none.
 */
export function findHeader(source: Source, firstRows: readonly RawRow[], where: string): ColumnMap {
  for (const row of firstRows.slice(0, HEADER_SEARCH_ROWS)) {
    const map = mapRow(source, row);
    if (map) {
      checkDuplicates(source, row, where);
      return map;
    }
  }
  const best = [...firstRows.slice(0, HEADER_SEARCH_ROWS)].sort((a, b) => matches(source, b) - matches(source, a))[0];
  const seen = best ? best.cells.map((c) => cellText(c).trim()).filter((h) => h !== '') : [];
  const present = new Set(seen.map(normalizeHeader));
  const missing = source.fields.filter((f) => !f.derive && !f.headers.some((h) => present.has(normalizeHeader(h))));
  const parts = missing.map((f) => {
    // Always name the nearest header that shares anything with the wanted one: in Chinese
    // headers one character is a whole word, so a typo-sized limit would say nothing.
    const near = closest(f.headers[0], seen, f.headers[0].length - 1);
    const names = joinText(f.headers.map((h) => `"${h}"`), readText.or());
    return joinText([readText.missingField({ names, field: f.id }), near ? readText.closest({ near }) : '']);
  });
  const seenText = seen.length ? seen.slice(0, 15).map((h) => `"${h}"`).join(', ') : readText.none();
  throw new KpiError(
    readText.noHeader({ where, source: source.id, rows: HEADER_SEARCH_ROWS, missing: joinText(parts, '; ') }),
    EXIT.data,
    readText.noHeaderHint({ inRow: best ? readText.inRow({ row: best.row }) : '', seen: seenText, field: missing[0]?.id ?? 'field' }),
  );
}

/** A column the scheme reads must appear once: with two, which one counts is a guess. */
function checkDuplicates(source: Source, row: RawRow, where: string): void {
  const normalized = row.cells.map((c) => normalizeHeader(cellText(c)));
  for (const field of source.fields) {
    if (field.derive) continue;
    const wanted = new Set(field.headers.map(normalizeHeader));
    const found = normalized.flatMap((h, i) => (h !== '' && wanted.has(h) ? [i] : []));
    if (found.length > 1) {
      const columns = joinText(found.map((i) => `${columnLetter(i)} "${cellText(row.cells[i]).trim()}"`), readText.and());
      throw new KpiError(readText.duplicateColumn({ where, row: row.row, field: field.id, columns }), EXIT.data, readText.duplicateColumnHint());
    }
  }
}

/** A, B, …, Z, AA: the column as a spreadsheet names it. */
function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
