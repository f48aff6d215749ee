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
import { say, type Lang, type TextLike } from '../messages/text.js';
import { commonText } from '../messages/common.js';
import { renderText } from '../messages/render.js';

export interface Validation {
  config: { file: string; valid: boolean; problems: Problem[]; warnings: TextLike[] };
  ledgers: {
    files: { file: string; error: TextLike | null }[];
    /** Problems not tied to one file: a glob that matched nothing, a roster role no role has. */
    errors: TextLike[];
    sources: { id: string; rows: number; from: string | null; to: string | null }[];
    people: number;
    notInRoster: string[];
    rejected: RejectedRow[];
    warnings: TextLike[];
    period: string | null;
  } | null;
  valid: boolean;
  /** With several scheme files (SPEC §12): each version, in the order given. */
  versions?: { file: string; valid: boolean; title: string | null; effective: { from: string | null; to: string | null } | null; sha256: string }[];
}

const SHOWN_REJECTED = 20;

export function renderValidation(v: Validation, scheme: Scheme | null, options: { color: boolean; lang?: Lang }): string {
  const lang = options.lang ?? 'en';
  const tr = (text: TextLike) => say(text, lang);
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const ok = chalk.green(tr(renderText.ok()));
  const colon = tr(commonText.colon());
  const error = `${chalk.red(tr(commonText.error()))}${colon}`;
  const warning = `${chalk.yellow(tr(commonText.warning()))}${colon}`;
  const lines: string[] = [];
  const { config } = v;
  if (v.versions) {
    for (const version of v.versions) {
      const range = tr(renderText.versionRange({ from: version.effective?.from ?? '', to: version.effective?.to ?? '' }));
      lines.push(`${plain(version.file)}${colon}${version.valid ? ok : chalk.red(tr(renderText.versionInvalid()))} — ${plain(version.title ?? '')} (${range})`);
    }
  }
  if (v.versions && config.valid) {
    lines.push(`${tr(renderText.versionsOk({ count: v.versions.length }))}${ok}`);
  } else if (config.valid && scheme) {
    const counts = renderText.schemeCounts({ sources: scheme.sources.length, metrics: scheme.metrics.length, dimensions: scheme.dimensions.length, roles: scheme.roles.length });
    lines.push(`${plain(config.file)}${colon}${ok} — ${tr(counts)}`);
  } else {
    lines.push(`${plain(config.file)}${colon}${chalk.red(tr(renderText.problems({ count: config.problems.length })))}`);
    for (const p of config.problems) lines.push(`  ${error}${plain(tr(formatProblem(p)))}`);
  }
  for (const w of config.warnings) lines.push(`  ${warning}${plain(tr(w))}`);

  const ledgers = v.ledgers;
  if (ledgers) {
    lines.push(tr(renderText.ledgers()));
    for (const f of ledgers.files) lines.push(`  ${plain(f.file)}${colon}${f.error ? chalk.red(plain(tr(f.error))) : ok}`);
    for (const e of ledgers.errors) lines.push(`  ${error}${plain(tr(e))}`);
    const width = Math.max(...ledgers.sources.map((s) => s.id.length));
    for (const s of ledgers.sources) {
      const range = s.from ? `  ${s.from} … ${s.to}` : '';
      lines.push(`  ${s.id.padEnd(width)}  ${tr(renderText.sourceRows({ rows: String(s.rows).padStart(7) }))}${range}`);
    }
    const outside = ledgers.notInRoster.length;
    const names = `${ledgers.notInRoster.slice(0, 10).map(plain).join(', ')}${outside > 10 ? ', …' : ''}`;
    lines.push(tr(renderText.people({ count: ledgers.people, outside: outside ? renderText.notInRoster({ count: outside, names }) : '' })));
    if (ledgers.rejected.length > 0) {
      lines.push(`${chalk.red(tr(renderText.rejectedRows()))}${colon}${tr(renderText.wouldCountInNoMetric({ count: ledgers.rejected.length }))}`);
      for (const r of ledgers.rejected.slice(0, SHOWN_REJECTED)) lines.push(`  ${describeRejected(r, lang)}`);
      if (ledgers.rejected.length > SHOWN_REJECTED) lines.push(`  ${tr(renderText.andMoreJson({ count: ledgers.rejected.length - SHOWN_REJECTED }))}`);
    } else {
      lines.push(tr(renderText.noRejectedRows()));
    }
    for (const w of ledgers.warnings) lines.push(`${warning}${plain(tr(w))}`);
    if (ledgers.period) lines.push(tr(renderText.wouldScore({ period: ledgers.period, unit: renderText[scheme?.period ?? 'month']() })));
  }
  lines.push(v.valid ? ok : chalk.red(tr(renderText.notValid())));
  return `${lines.join('\n')}\n`;
}
