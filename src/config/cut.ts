/**
 * Cutting the broken entries out of a config, so that one mistake in the shape of one
 * entry does not hide the reference, weight-sum and formula checks of all the others
 * (SPEC §7: every problem at once). A shape problem inside a source, metric, dimension,
 * role, indicator, adjustment, veto or grade removes that entry; unknown keys are only
 * dropped — or, when `rename` is set and the key is a misspelling of one the entry lacks
 * (`wieght: 60`), read as the key meant, so the entry is checked with it. What was cut is remembered, so the rules do not report its absence a second
 * time ("metric x is not defined", "weights sum to 60"), and the rules' problems are placed
 * at the lines of the original file.
 */
import type { z } from 'zod';
import { KNOWN_KEYS } from './schema.js';
import { closest } from './suggest.js';
import type { Path } from './yaml.js';

type Issue = z.core.$ZodIssue;

export interface Cut {
  data: Record<string, unknown>;
  /** `metrics.x`, `sources.s`, `dimensions.d`, `roles.r` (cut whole), `indicators.d` (a
   *  dimension lost an indicator), `grades`, or a top-level key. */
  broken: ReadonlySet<string>;
  /** A path in the cut data → the same place in the original. */
  original(path: PropertyKey[]): PropertyKey[];
}

const RECORDS = new Set(['sources', 'metrics', 'dimensions', 'roles']);
const LISTS = new Set(['adjustments', 'veto', 'grades']);
const OPTIONAL = new Set(['title', 'locale', 'period', 'default_role', 'missing', 'max_total', 'distribution_scope', 'calendar', 'adjustments', 'veto']);

/** The entry holding a problem at `path`: what to cut, and what that leaves broken. */
function entryOf(path: Path): { at: Path; broken: string } | null {
  const [top, id, inner, index] = path;
  if (typeof top !== 'string') return null;
  if (top === 'dimensions' && inner === 'indicators' && typeof index === 'number') return { at: path.slice(0, 4), broken: `indicators.${String(id)}` };
  if (RECORDS.has(top) && typeof id === 'string') return { at: [top, id], broken: `${top}.${id}` };
  if (LISTS.has(top) && typeof id === 'number') return { at: [top, id], broken: top };
  if (OPTIONAL.has(top)) return { at: [top], broken: top };
  return null;
}

function parentOf(data: unknown, path: Path): Record<PropertyKey, unknown> | null {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<PropertyKey, unknown>)[step as string];
  }
  return node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>) : null;
}

const CUT = Symbol('cut');

/** The config without its broken entries, or null when a problem cannot be cut around
 *  (a required section missing or of the wrong type, the whole file's shape). */
export function cutBroken(issues: readonly Issue[], data: unknown, rename = true): Cut | null {
  const copy = structuredClone(data) as Record<string, unknown>;
  const broken = new Set<string>();
  const lists = new Map<string, Path>();
  const renamed = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = parentOf(copy, issue.path);
    if (!parent) continue;
    for (const key of issue.keys) {
      const meant = rename ? closest(key, KNOWN_KEYS) : null;
      if (meant !== null && !(meant in parent)) {
        parent[meant] = parent[key];
        renamed.add(JSON.stringify([...issue.path, meant]));
      }
      delete parent[key];
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' || renamed.has(JSON.stringify(issue.path))) continue;
    if (issue.path.length === 1 && issue.path[0] === 'version') {
      copy.version = 1; // reported; the rest does not depend on it
      continue;
    }
    const entry = entryOf(issue.path);
    if (!entry) return null;
    broken.add(entry.broken);
    const parent = parentOf(copy, entry.at.slice(0, -1));
    const key = entry.at[entry.at.length - 1];
    if (!parent) continue;
    if (Array.isArray(parent) && typeof key === 'number') {
      parent[key] = CUT; // removed below, once every index has been used
      lists.set(JSON.stringify(entry.at.slice(0, -1)), entry.at.slice(0, -1));
    } else delete parent[key as string];
  }
  // Lists keep their order; remember which original item each remaining one was.
  const kept: Array<{ list: Path; indices: number[] }> = [];
  for (const list of lists.values()) {
    const parent = parentOf(copy, list.slice(0, -1))!;
    const items = parent[list[list.length - 1] as string] as unknown[];
    const indices = items.flatMap((item, i) => (item === CUT ? [] : [i]));
    parent[list[list.length - 1] as string] = items.filter((item) => item !== CUT);
    kept.push({ list, indices });
  }
  const original = (path: PropertyKey[]): PropertyKey[] => {
    for (const { list, indices } of kept) {
      if (path.length > list.length && list.every((step, i) => path[i] === step) && typeof path[list.length] === 'number') {
        const mapped = [...path];
        mapped[list.length] = indices[path[list.length] as number] ?? path[list.length];
        return mapped;
      }
    }
    return path;
  };
  return { data: copy, broken, original };
}
