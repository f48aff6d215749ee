/**
 * A reference computation of the benchmark's 7 metrics, written apart from kpi and as
 * plainly as possible (the generated CSV has no quotes, so a line is split on commas), so
 * the bench can check kpi's numbers against it. Sums run in file order, as kpi's do.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Excel PERCENTILE.INC over a sorted array. */
function percentile(sorted, p) {
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
}

/** Metric values by employee id: Map<id, {visits, repairs, …}>. */
export async function referenceMetrics(file) {
  const people = new Map();
  let header = true;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      continue;
    }
    const [id, date, kind, satisfaction, onTime, hours, fixed] = line.split(',');
    if (!date.startsWith('2026-11-')) continue;
    let p = people.get(id);
    if (!p) people.set(id, (p = { visits: 0, repairs: 0, satSum: 0, satN: 0, onTime: 0, hours: 0, hoursAll: [], fixed: 0 }));
    p.visits++;
    if (satisfaction !== '') {
      p.satSum += Number(satisfaction);
      p.satN++;
    }
    if (onTime === '是') p.onTime++;
    p.hours += Number(hours);
    p.hoursAll.push(Number(hours));
    if (kind === '上门维修') {
      p.repairs++;
      if (fixed === '√') p.fixed++;
    }
  }
  const metrics = new Map();
  for (const [id, p] of people) {
    metrics.set(id, {
      visits: p.visits,
      repairs: p.repairs,
      satisfaction: p.satN === 0 ? null : p.satSum / p.satN,
      on_time_rate: p.onTime / p.visits,
      hours_total: p.hours,
      hours_p90: percentile(p.hoursAll.sort((a, b) => a - b), 90),
      fix_rate: p.repairs === 0 ? null : p.fixed / p.repairs,
    });
  }
  return metrics;
}
