/**
 * Which source a ledger file feeds (SPEC §4.2), and expanding ledger arguments that are
 * globs. A CSV's base name equal to a source id or sheet, or a match of the source's
 * `file` glob, decides; with exactly one non-roster source, that one; otherwise the user
 * is told the candidates and how to say it with --source.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Scheme, Source } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { normalizeHeader } from './headers.js';
import { readText } from '../messages/read.js';

/** `*` and `?` globs (no path separators inside), for `file:` and ledger arguments. */
export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${escaped}$`, 'i');
}

const hasGlob = (text: string) => /[*?]/.test(text);

/** Expands arguments with `*`/`?` in their last part; a glob matching nothing is an error. */
export function expandLedgerArgs(args: readonly string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    if (!hasGlob(basename(arg))) {
      files.push(arg);
      continue;
    }
    const dir = dirname(arg);
    const pattern = globToRegExp(basename(arg));
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => pattern.test(n) && statSync(join(dir, n)).isFile()).sort();
    } catch {
      names = [];
    }
    if (names.length === 0) throw new KpiError(readText.noMatch({ pattern: arg }), EXIT.data, readText.checkPattern());
    files.push(...names.map((n) => (dir === '.' && !arg.startsWith('./') ? n : join(dir, n))));
  }
  return files;
}

/** Parses `--source id=path` options into path → source id. */
export function parseSourceOverrides(scheme: Scheme, values: readonly string[]): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const value of values) {
    const eq = value.indexOf('=');
    const id = eq > 0 ? value.slice(0, eq) : '';
    if (!id || eq === value.length - 1) throw new KpiError(readText.sourceFlag({ value }), EXIT.usage);
    if (!scheme.sources.some((s) => s.id === id)) {
      throw new KpiError(readText.sourceUnknown({ value, id }), EXIT.usage, readText.sourcesAre({ ids: scheme.sources.map((s) => s.id).join(', ') }));
    }
    overrides.set(value.slice(eq + 1), id);
  }
  return overrides;
}

/** The source a text ledger feeds. */
export function sourceForTextFile(scheme: Scheme, file: string, overrides: ReadonlyMap<string, string>): Source {
  const forced = overrides.get(file);
  if (forced) return scheme.sources.find((s) => s.id === forced)!;
  const name = normalizeHeader(basename(file, extname(file)));
  const byName = scheme.sources.find((s) => normalizeHeader(s.id) === name || (s.sheet !== undefined && normalizeHeader(s.sheet) === name));
  if (byName) return byName;
  const byGlob = scheme.sources.find((s) => s.file !== undefined && globToRegExp(s.file).test(basename(file)));
  if (byGlob) return byGlob;
  const ledgers = scheme.sources.filter((s) => s.id !== 'roster');
  if (ledgers.length === 1) return ledgers[0];
  const candidates = scheme.sources.map((s) => (s.sheet ? `${s.id} (${s.sheet})` : s.id)).join(', ');
  throw new KpiError(
    readText.whichSource({ file, candidates }),
    EXIT.data,
    readText.whichSourceHint({ id: ledgers[0]?.id ?? 'services', file }),
  );
}
