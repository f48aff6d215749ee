/**
 * Computing derived fields (SPEC §3.1) on a typed row, after typing and before the row
 * counts anywhere: each in an order where what it uses is already there. An empty input
 * or a division by zero gives an empty (NULL) value, never a rejected row.
 */
import { countWorkdays, type Calendar } from './calendar.js';
import { evaluate } from './expression.js';
import type { CellValue, Source } from './types.js';

/** A function that fills a source's derived fields in place, or null when it has none. */
export function compileDerivations(source: Source, calendar: Calendar): ((values: CellValue[]) => void) | null {
  const steps = source.fields.flatMap((field, index) => (field.derive ? [{ index, expr: field.derive, type: field.type }] : []));
  if (steps.length === 0) return null;
  const position = new Map(source.fields.map((f, i) => [f.id, i]));
  const workdays = (from: number, to: number) => countWorkdays(calendar, from, to);
  return (values) => {
    const ref = (name: string) => {
      const v = values[position.get(name)!];
      return typeof v === 'string' ? null : v;
    };
    for (const step of steps) {
      const result = evaluate(step.expr, { ref, workdays });
      // The config check gave each field one type; keep the value in it.
      values[step.index] = result === null ? null : step.type === 'boolean' ? Boolean(result) : typeof result === 'boolean' ? (result ? 1 : 0) : result;
    }
  };
}
