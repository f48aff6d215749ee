/**
 * Computing derived fields (SPEC §3.1) on a typed row, after typing and before the row
 * counts anywhere: each in an order where what it uses is already there. An empty input
 * or a division by zero gives an empty (NULL) value, never a rejected row.
 */
import { countWorkdays, type Calendar } from './calendar.js';
import { compileDerivationsOfRow } from './expression-compile.js';
import type { CellValue, Source } from './types.js';

/** A function that fills a source's derived fields in place, or null when it has none. */
export function compileDerivations(source: Source, calendar: Calendar): ((values: CellValue[]) => void) | null {
  const position = new Map(source.fields.map((f, i) => [f.id, i]));
  const context = { indexOf: (name: string) => position.get(name)!, workdays: (from: number, to: number) => countWorkdays(calendar, from, to) };
  const derivations = source.fields.flatMap((field, index) => (field.derive ? [{ index, expr: field.derive, boolean: field.type === 'boolean' }] : []));
  if (derivations.length === 0) return null;
  return compileDerivationsOfRow(derivations, context);
}
