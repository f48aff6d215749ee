/**
 * What `kpi validate` tells the person who maintains the scheme (SPEC §7): every config
 * problem with its `file:line:column`, then — with ledgers — what was found in them: rows
 * per source, date ranges, people, rejected rows, and which period `score` would pick.
 */
import { Chalk } from 'chalk';
import { formatProblem, type Problem } from '../errors.js';
import type { RejectedRow, Scheme } from '../core/types.js';
import { describeRejected } from './summary.js';
import { plain } from './text.js';

export interface Validation {
  config: { file: string; valid: boolean; problems: Problem[]; warnings: string[] };
  ledgers: {
    files: { file: string; error: string | null }[];
    /** Problems not tied to one file: a glob that matched nothing, a roster role no role has. */
    errors: string[];
    sources: { id: string; rows: number; from: string | null; to: string | null }[];
    people: number;
    notInRoster: string[];
    rejected: RejectedRow[];
    warnings: string[];
    period: string | null;
  } | null;
  valid: boolean;
  /** With several scheme files (SPEC §12): each version, in the order given. */
  versions?: { file: string; valid: boolean; title: string | null; effective: { from: string | null; to: string | null } | null; sha256: string }[];
}

const SHOWN_REJECTED = 20;

export function renderValidation(v: Validation, scheme: Scheme | null, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const ok = chalk.green('OK');
  const lines: string[] = [];
  const { config } = v;
  if (v.versions) {
    for (const version of v.versions) {
      const e = version.effective;
      const range = e?.from && e.to ? `${e.from} to ${e.to}` : e?.from ? `from ${e.from}` : e?.to ? `up to ${e.to}` : 'always';
      lines.push(`${plain(version.file)}: ${version.valid ? ok : chalk.red('invalid')} — ${plain(version.title ?? '')} (${range})`);
    }
  }
  if (v.versions && config.valid) {
    lines.push(`${v.versions.length} versions: ${ok}`);
  } else if (config.valid && scheme) {
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    lines.push(`${plain(config.file)}: ${ok} — ${count(scheme.sources.length, 'source')}, ${count(scheme.metrics.length, 'metric')}, ${count(scheme.dimensions.length, 'dimension')}, ${count(scheme.roles.length, 'role')}`);
  } else {
    lines.push(`${plain(config.file)}: ${chalk.red(`${config.problems.length} problem${config.problems.length === 1 ? '' : 's'}`)}`);
    for (const p of config.problems) lines.push(`  ${chalk.red('error')}: ${plain(formatProblem(p))}`);
  }
  for (const w of config.warnings) lines.push(`  ${chalk.yellow('warning')}: ${plain(w)}`);

  const ledgers = v.ledgers;
  if (ledgers) {
    lines.push('ledgers:');
    for (const f of ledgers.files) lines.push(`  ${plain(f.file)}: ${f.error ? chalk.red(plain(f.error)) : ok}`);
    for (const e of ledgers.errors) lines.push(`  ${chalk.red('error')}: ${plain(e)}`);
    const width = Math.max(...ledgers.sources.map((s) => s.id.length));
    for (const s of ledgers.sources) {
      const range = s.from ? `  ${s.from} … ${s.to}` : '';
      lines.push(`  ${s.id.padEnd(width)}  ${String(s.rows).padStart(7)} rows${range}`);
    }
    const outside = ledgers.notInRoster.length;
    lines.push(`people: ${ledgers.people}${outside ? ` (${outside} not in the roster: ${ledgers.notInRoster.slice(0, 10).map(plain).join(', ')}${outside > 10 ? ', …' : ''})` : ''}`);
    if (ledgers.rejected.length > 0) {
      lines.push(`${chalk.red('rejected rows')}: ${ledgers.rejected.length} (they would count in no metric)`);
      for (const r of ledgers.rejected.slice(0, SHOWN_REJECTED)) lines.push(`  ${describeRejected(r)}`);
      if (ledgers.rejected.length > SHOWN_REJECTED) lines.push(`  … and ${ledgers.rejected.length - SHOWN_REJECTED} more (--format json lists them all)`);
    } else {
      lines.push(`rejected rows: 0`);
    }
    for (const w of ledgers.warnings) lines.push(`${chalk.yellow('warning')}: ${plain(w)}`);
    if (ledgers.period) lines.push(`kpi score would score ${ledgers.period} (the ${scheme?.period ?? 'month'} of the latest row date) unless -p says otherwise`);
  }
  lines.push(v.valid ? ok : chalk.red('not valid'));
  return `${lines.join('\n')}\n`;
}
