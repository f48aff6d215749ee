/**
 * Computing derived fields (SPEC §3.1) on a typed row, after typing and before the row
 * counts anywhere: each in an order where what it uses is already there. An empty input
 * or a division by zero gives an empty (NULL) value, never a rejected row.
 */
import { countWorkdays, type Calendar } from './calendar.js';
import { compileExpression } from './expression-compile.js';
import type { CellValue, Source } from './types.js';

/** A function that fills a source's derived fields in place, or null when it has none. */
export function compileDerivations(source: Source, calendar: Calendar): ((values: CellValue[]) => void) | null {
  const position = new Map(source.fields.map((f, i) => [f.id, i]));
  const context = { indexOf: (name: string) => position.get(name)!, workdays: (from: number, to: number) => countWorkdays(calendar, from, to) };
  const steps = source.fields.flatMap((field, index) => (field.derive ? [{ index, compute: compileExpression(field.derive, context), boolean: field.type === 'boolean' }] : []));
  if (steps.length === 0) return null;
  return (values) => {
    for (const step of steps) {
      const result = step.compute(values);
      // The config check gave each field one type; keep the value in it.
      values[step.index] = result === null ? null : step.boolean ? Boolean(result) : typeof result === 'boolean' ? (result ? 1 : 0) : result;
    }
  };
}
