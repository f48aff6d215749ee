/**
 * Schemes over time (SPEC §12): `-c` may name several files, a folder or a glob; each file
 * is a version of the scheme, in force for its `effective` range. Here they are loaded,
 * checked against each other (two versions in force for the same period is a config error;
 * a gap between consecutive versions a warning) and picked by period.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parsePeriod, periodContaining, type Period } from '../core/period.js';
import type { ReportScheme } from '../core/report.js';
import type { Effective } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { schemeText } from '../messages/schemes.js';
import { bilingual, type Text } from '../messages/text.js';
import { globToRegExp } from '../read/sources.js';
import { loadConfig, type LoadedConfig } from './load.js';

export type SchemeVersion = LoadedConfig;

/** Where a report's scheme came from (the JSON's `scheme`). */
export type SchemeProvenance = ReportScheme;

const YAML = new Set(['.yaml', '.yml']);

/**
 * The scheme files `-c` names: each value may be a file, a comma-separated list, a folder
 * (its *.yaml / *.yml, in name order) or a `*`/`?` glob. Nothing given: ./kpi.yaml.
 */
export function expandConfigArgs(values: string | readonly string[] | undefined): string[] {
  const given = values === undefined ? [] : typeof values === 'string' ? [values] : [...values];
  if (given.length === 0) return ['kpi.yaml'];
  const files: string[] = [];
  for (const value of given) {
    const parts = isFile(value) ? [value] : value.split(',').map((p) => p.trim()).filter(Boolean);
    for (const part of parts) {
      if (isDir(part)) {
        const names = readdirSync(part).filter((n) => YAML.has(extname(n).toLowerCase()) && isFile(join(part, n))).sort();
        if (names.length === 0) throw new KpiError(schemeText.noConfigMatch({ arg: part }), EXIT.usage, schemeText.noConfigMatchHint());
        files.push(...names.map((n) => join(part, n)));
      } else if (/[*?]/.test(basename(part))) {
        const dir = dirname(part);
        const pattern = globToRegExp(basename(part));
        const names = isDir(dir) ? readdirSync(dir).filter((n) => pattern.test(n) && isFile(join(dir, n))).sort() : [];
        if (names.length === 0) throw new KpiError(schemeText.noConfigMatch({ arg: part }), EXIT.usage, schemeText.noConfigMatchHint());
        files.push(...names.map((n) => (dir === '.' && !part.startsWith('./') ? n : join(dir, n))));
      } else files.push(part);
    }
  }
  return [...new Set(files)];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const ALWAYS: Effective = { from: null, to: null, start: -Infinity, end: Infinity };
export const effectiveOf = (v: SchemeVersion): Effective => v.scheme.effective ?? ALWAYS;

/** The range in words: "2026-01 to 2026-06", "from 2026-07", "always". */
export function rangeText(effective: Effective | null | undefined): Text {
  const e = effective ?? ALWAYS;
  if (e.from && e.to) return schemeText.range({ from: e.from, to: e.to });
  if (e.from) return schemeText.fromOn({ from: e.from });
  if (e.to) return schemeText.upTo({ to: e.to });
  return schemeText.always();
}

const intersect = (a: Effective, b: Effective) => a.start < b.end && b.start < a.end;

/** Versions in the order they come into force (open starts first, then by file name). */
export function inOrder(versions: readonly SchemeVersion[]): SchemeVersion[] {
  return [...versions].sort((a, b) => effectiveOf(a).start - effectiveOf(b).start || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Every pair of versions in force for some period at once. */
export function overlapsOf(versions: readonly SchemeVersion[]): [SchemeVersion, SchemeVersion][] {
  const sorted = inOrder(versions);
  const pairs: [SchemeVersion, SchemeVersion][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) if (intersect(effectiveOf(sorted[i]), effectiveOf(sorted[j]))) pairs.push([sorted[i], sorted[j]]);
  }
  return pairs;
}

export function overlapText([a, b]: [SchemeVersion, SchemeVersion]): Text {
  return schemeText.overlap({ a: a.file, ra: rangeText(a.scheme.effective).en, b: b.file, rb: rangeText(b.scheme.effective).en });
}

/** The months between consecutive versions that no version covers, as warnings. */
export function gapsOf(versions: readonly SchemeVersion[]): Text[] {
  const sorted = inOrder(versions);
  const gaps: Text[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const before = effectiveOf(sorted[i - 1]);
    const after = effectiveOf(sorted[i]);
    if (!(before.end < after.start) || !Number.isFinite(before.end)) continue;
    const first = periodContaining(before.end, 'month').key;
    const last = periodContaining(after.start - 1, 'month').key;
    gaps.push(schemeText.gap({ a: sorted[i - 1].file, b: sorted[i].file, gap: first === last ? first : `${first}..${last}` }));
  }
  return gaps;
}

/** Loads every version; two versions in force at once is a config error naming both. */
export function loadVersions(values: string | readonly string[] | undefined): SchemeVersion[] {
  const versions = expandConfigArgs(values).map((file) => loadConfig(file));
  const overlaps = overlapsOf(versions);
  if (overlaps.length > 0) {
    const [first] = overlaps;
    throw new KpiError(overlapText(first), EXIT.usage, schemeText.overlapHint({ a: first[0].file }), overlaps.slice(1).map(overlapText));
  }
  return versions;
}

/** The one version in force for a period; none is a config error naming the period. */
export function versionFor(versions: readonly SchemeVersion[], period: Period): SchemeVersion {
  const found = inOrder(versions).filter((v) => intersect(effectiveOf(v), { from: null, to: null, start: period.start, end: period.end }));
  if (found.length === 1) return found[0];
  if (found.length > 1) throw new KpiError(schemeText.twoInForce({ period: period.key, a: found[0].file, b: found[1].file }), EXIT.usage, schemeText.twoInForceHint());
  const ranges = inOrder(versions).map((v) => `${v.file} (${rangeText(v.scheme.effective).en})`).join(', ');
  const rangesZh = inOrder(versions).map((v) => `${v.file}（${rangeText(v.scheme.effective).zh}）`).join('、');
  const text = schemeText.noneInForce({ period: period.key, ranges });
  throw new KpiError(bilingual(text.en, schemeText.noneInForce({ period: period.key, ranges: rangesZh }).zh), EXIT.usage, schemeText.noneInForceHint());
}

/** The version that comes into force last (the default of `kpi scheme`). */
export function latestVersion(versions: readonly SchemeVersion[]): SchemeVersion {
  const sorted = inOrder(versions);
  return sorted[sorted.length - 1];
}

/** The period asked for on the command line, checked. */
export function periodArg(text: string, flag = '--period'): Period {
  const period = parsePeriod(text);
  if (!period) throw new KpiError(`${flag} ${text} is not a period`, EXIT.usage, 'use 2026-11, 2026-Q4, 2026-H2 or 2026');
  return period;
}

export function provenanceOf(v: SchemeVersion): SchemeProvenance {
  const e = v.scheme.effective;
  return { file: v.file, title: v.scheme.title, effective: e ? { from: e.from, to: e.to } : null, sha256: v.sha256 };
}
