/**
 * `effective: { from, to }` (SPEC §12): when a scheme is in force. Each end is a month or a
 * period of the scheme's unit, inclusive; an end left out is open. The result carries the
 * days it covers, half-open like a Period, so picking the version for a period is two
 * comparisons.
 */
import { parsePeriod } from '../core/period.js';
import type { Effective, PeriodUnit } from '../core/types.js';
import { schemeText } from '../messages/schemes.js';
import type { RuleContext } from './rules-context.js';

export function buildEffective(ctx: RuleContext, raw: { from?: string; to?: string } | undefined, unit: PeriodUnit): Effective | null {
  if (!raw || (raw.from === undefined && raw.to === undefined)) return null;
  const end = (key: 'from' | 'to') => {
    const value = raw[key];
    if (value === undefined) return null;
    const period = parsePeriod(value);
    if (!period) {
      ctx.problem(['effective', key], String(schemeText.notAPeriod({ key, value })), String(schemeText.periodHint({ unit })));
      return undefined;
    }
    if (period.unit !== 'month' && period.unit !== unit) {
      ctx.problem(['effective', key], String(schemeText.wrongUnit({ key, value: period.key, unit })));
      return undefined;
    }
    return period;
  };
  const from = end('from');
  const to = end('to');
  if (from === undefined || to === undefined) return null;
  if (from && to && to.end <= from.start) {
    ctx.problem(['effective', 'to'], String(schemeText.toBeforeFrom({ from: from.key, to: to.key })));
    return null;
  }
  return { from: from?.key ?? null, to: to?.key ?? null, start: from?.start ?? -Infinity, end: to?.end ?? Infinity };
}
