/**
 * The score bands of the distribution charts (workbook and HTML): ten points wide, from the lowest final's ten
 * to 100 (or past it, when adjustments lift someone above), and cut again at every grade
 * minimum inside, so that a band never straddles two grades' scores and the chart's colours
 * change exactly at the grade boundaries. The last band includes its upper edge.
 */
import type { Grade } from '../core/types.js';

export interface Band {
  from: number;
  to: number;
  /** Whether `to` itself is in the band (the last band). */
  last: boolean;
  label: string;
}

const WIDTH = 10;

export function scoreBands(finals: readonly number[], grades: readonly Grade[]): Band[] {
  const min = Math.min(...finals);
  const max = Math.max(...finals);
  let low = Math.floor(min / WIDTH) * WIDTH;
  const high = Math.max(100, Math.ceil(max / WIDTH) * WIDTH);
  if (low >= high) low = high - WIDTH;
  const edges = new Set<number>();
  for (let edge = low; edge <= high; edge += WIDTH) edges.add(edge);
  for (const g of grades) if (g.min !== undefined && g.min > low && g.min < high) edges.add(g.min);
  const sorted = [...edges].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((from, i) => {
    const to = sorted[i + 1];
    return { from, to, last: i === sorted.length - 2, label: `${trim(from)}–${trim(to)}` };
  });
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}
