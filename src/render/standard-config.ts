/**
 * A standard written back in the words of kpi.yaml (SPEC §2, §5.1): what `kpi calibrate`
 * prints as JSON and YAML, so a suggestion can be pasted into the config as it is.
 * Defaults are left out (cap 100, base 100 for deduct, better: higher …).
 */
import type { CellValue, Condition, Standard } from '../core/types.js';

export type ConfigValue = string | number | boolean | null | ConfigValue[] | { [key: string]: ConfigValue };

function conditionConfig(c: Condition): ConfigValue {
  if (c.kind === 'eq') return c.value as ConfigValue;
  if (c.kind === 'in') return c.values as ConfigValue[];
  const ops: Record<string, ConfigValue> = {};
  for (const [op, value] of Object.entries(c.ops)) ops[op] = value as CellValue | CellValue[] as ConfigValue;
  return ops;
}

/** Keys with undefined values dropped: YAML and JSON show only what was said. */
function compact(o: Record<string, ConfigValue | undefined>): { [key: string]: ConfigValue } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [key: string]: ConfigValue };
}

export function standardConfig(s: Standard): { [key: string]: ConfigValue } {
  return compact(standardFields(s));
}

function standardFields(s: Standard): Record<string, ConfigValue | undefined> {
  const cap = s.cap !== 100 ? { cap: s.cap } : {};
  switch (s.method) {
    case 'linear':
      return { method: 'linear', zero: s.zero, target: s.target, ...(s.floor !== undefined ? { floor: s.floor } : {}), ...cap };
    case 'ratio':
      return { method: 'ratio', target: s.target, ...(s.better === 'lower' ? { better: 'lower' } : {}), ...(s.floor !== undefined ? { floor: s.floor } : {}), ...cap };
    case 'piecewise':
      return { method: 'piecewise', points: s.points.map((p) => ({ at: p.at, score: p.score })), ...cap };
    case 'bands':
      return {
        method: 'bands',
        bands: s.bands.map((b) => ({ ...(b.min !== undefined ? { min: b.min } : {}), ...(b.max !== undefined ? { max: b.max } : {}), score: b.score })),
        ...cap,
      };
    case 'deduct':
      return { method: 'deduct', per: s.per, ...(s.base !== 100 ? { base: s.base } : {}), ...cap };
    case 'add':
      return { method: 'add', per: s.per, ...(s.base !== 0 ? { base: s.base } : {}), ...cap };
    case 'threshold':
      return { method: 'threshold', when: conditionConfig(s.when), ...cap };
    case 'direct':
      return { method: 'direct', ...(s.scale !== 1 ? { scale: s.scale } : {}), ...cap };
  }
}
