/**
 * Loading kpi.yaml: read the file, parse YAML with positions, check the shape (schema.ts),
 * then the cross-field rules (rules.ts). Every problem is collected, placed at
 * `file:line:column` and reported at once; the result is a validated Scheme.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import type { Scheme } from '../core/types.js';
import { ConfigError, EXIT, KpiError, type Problem } from '../errors.js';
import { configSchema, KNOWN_KEYS } from './schema.js';
import { buildScheme } from './rules.js';
import { cutBroken, type Cut } from './cut.js';
import { closest, didYouMean } from './suggest.js';
import { parseYaml, type Path } from './yaml.js';

/** Config files larger than this are not a scheme anyone wrote by hand. */
export const MAX_CONFIG_BYTES = 1 << 20;

const tooLarge = (file: string, bytes: number): Problem => ({
  where: `${file}:1:1`,
  message: `the config is ${(bytes / (1 << 20)).toFixed(1)} MiB, more than the 1 MiB a scheme can be`,
  hint: 'a scheme is a few kilobytes: is this the right file?',
});

// What YAML 1.2 allows in a stream (c-printable): no C0 controls but tab, LF and CR, no
// DEL, no C1 controls but NEL, no U+FFFE/U+FFFF. Escapes in double quotes stay allowed.
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** `file:line:column` of an offset in the text. */
function position(text: string, offset: number, file: string): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${file}:${line}:${offset - before.lastIndexOf('\n')}`;
}

/**
 * What stops a config before YAML sees it: its size, bytes that were not UTF-8 (read as
 * U+FFFD: Notepad's "ANSI" is GBK on a Chinese Windows), control characters.
 */
function textProblems(text: string, file: string): Problem[] {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_CONFIG_BYTES) return [tooLarge(file, bytes)];
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0) {
    return [{ where: position(text, replaced, file), message: 'the config is not UTF-8 text here (saved as GBK, ANSI or UTF-16?)', hint: 'save kpi.yaml as UTF-8 (in Notepad: Save As › Encoding › UTF-8)' }];
  }
  const control = NOT_PRINTABLE.exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return [{ where: position(text, control.index, file), message: `a control character (U+${code}) is not allowed in YAML`, hint: 'delete it; write "\\t" or "\\n" inside double quotes if a value needs one' }];
  }
  return [];
}

export interface LoadedConfig {
  scheme: Scheme;
  warnings: string[];
  file: string;
  /** sha256 of the file's bytes, hex (SPEC §12: provenance). */
  sha256: string;
}

export interface ConfigCheck {
  scheme: Scheme | null;
  problems: Problem[];
  warnings: string[];
}

type Issue = z.core.$ZodIssue;

function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return `${Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf'} (not a finite number)`;
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a block of keys';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[step as string];
  }
  return node;
}

/** Turns zod issues into problems placed in the YAML, in words for a person. */
function shapeProblems(issues: readonly Issue[], data: unknown, locate: (p: Path, key?: boolean) => string, base: Path = []): Problem[] {
  const problems: Problem[] = [];
  // A misspelled required key (`wieght: 40`) is one mistake: the unknown key says it, with
  // the suggestion; "weight is required" beside it would be the same mistake twice.
  const misspelled = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const meant = closest(key, KNOWN_KEYS);
      if (meant) misspelled.add(JSON.stringify([...base, ...issue.path, meant]));
    }
  }
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code !== 'unrecognized_keys' && valueAt(data, path) === undefined && misspelled.has(JSON.stringify(path))) continue;
    const where = (p: Path = path, key = false) => locate(p, key);
    const at = pathText(path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        // `{ formula: min(a, b) }`: YAML splits a flow mapping at the comma.
        const hint = /[()]/.test(key) ? 'a comma inside { … } ends the value: put the formula in quotes, e.g. formula: "min(a, b)"' : didYouMean(key, KNOWN_KEYS);
        problems.push({ where: where([...path, key], true), message: `unknown key "${key}"${at ? ` in ${at}` : ''}`, hint: hint || undefined });
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the alternative that came closest (fewest problems).
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
      problems.push(...shapeProblems(best, data, locate, path));
    } else {
      const value = valueAt(data, path);
      const key = String(path[path.length - 1] ?? '');
      let message: string;
      if (value === undefined) message = `"${key}" is required${path.length > 1 ? ` in ${pathText(path.slice(0, -1))}` : ''}`;
      else if (issue.code === 'invalid_value' && 'values' in issue) {
        message = `${at}: ${describe(value)} is not allowed; use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      } else if (issue.code === 'invalid_type') message = `${at}: expected ${issue.expected === 'record' || issue.expected === 'object' ? 'a block of keys' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, got ${describe(value)}`;
      else if (issue.code === 'too_small') message = `${at}: must not be empty`;
      else message = `${at}: ${issue.message}${value !== undefined ? ` (got ${describe(value)})` : ''}`;
      problems.push({ where: value === undefined ? where(path.slice(0, -1), false) : where(), message });
    }
  }
  return problems;
}

/** Checks a config text completely; never throws for a bad config. */
export function checkConfigText(text: string, file: string): ConfigCheck {
  const before = textProblems(text, file);
  if (before.length > 0) return { scheme: null, problems: before, warnings: [] };
  const yaml = parseYaml(text, file);
  if (yaml.problems.length > 0) return { scheme: null, problems: yaml.problems, warnings: [] };
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    return {
      scheme: null, warnings: [],
      problems: [{ where: `${file}:1:1`, message: 'the config is empty or not a block of keys', hint: 'run "kpi init" for a complete example' }],
    };
  }
  const first = configSchema.safeParse(yaml.data);
  let parsed = first;
  let shape: Problem[] = [];
  let cut: Cut | null = null;
  if (!first.success) {
    shape = shapeProblems(first.error.issues, yaml.data, yaml.locate);
    // A shape problem does not stop the other checks (SPEC §7: every problem at once):
    // unknown keys are dropped and each entry with a problem cut out, and the rest is
    // checked — with references to the cut entries, and the weight sums they were part
    // of, left alone, since those entries have been reported already.
    // First with misspelled keys read as the keys meant; if that does not parse, without.
    for (const rename of [true, false]) {
      cut = cutBroken(first.error.issues, yaml.data, rename);
      parsed = cut ? configSchema.safeParse(cut.data) : first;
      if (parsed.success) break;
    }
    if (!cut || !parsed.success) return { scheme: null, problems: shape, warnings: [] };
  }
  const built = buildScheme(parsed.data!, cut?.broken);
  const located = built.problems.map((p) => ({ where: yaml.locate(cut ? cut.original(p.path) : p.path, p.atKey), message: p.message, hint: p.hint }));
  const problems = [...shape, ...located];
  return { scheme: problems.length ? null : built.scheme, problems, warnings: built.warnings };
}

/** Reads and validates a config file; throws ConfigError (exit 1) listing every problem. */
export function loadConfig(file: string): LoadedConfig {
  let text: string;
  let sha256: string;
  try {
    // Checked before reading: a multi-gigabyte file given as -c by mistake is not read.
    const { size } = statSync(file);
    if (size > MAX_CONFIG_BYTES) throw new ConfigError(file, [tooLarge(file, size)]);
    const bytes = readFileSync(file);
    sha256 = createHash('sha256').update(bytes).digest('hex');
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof KpiError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' ? 'pass the config with -c FILE, or run "kpi init" to create kpi.yaml' : undefined;
    throw new KpiError(`cannot read the config ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, EXIT.usage, hint);
  }
  const check = checkConfigText(text.replace(/^\uFEFF/, ''), file);
  if (!check.scheme) throw new ConfigError(file, check.problems);
  return { scheme: check.scheme, warnings: check.warnings, file, sha256 };
}
