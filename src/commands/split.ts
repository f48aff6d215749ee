/**
 * `--split employee|team --out-dir DIR` (SPEC §6.4): one workbook per person or per team,
 * to hand out. Each holds only its own people: ranks stay those of the whole department,
 * and the Issues sheet is left empty, because rejected rows and warnings may name others.
 */
import { join } from 'node:path';
import type { Period } from '../core/period.js';
import type { Scheme } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { checkNotAnInput, writeFileAtomic } from '../output.js';
import type { ScoredRun } from '../scoring.js';
import { commandText } from '../messages/commands.js';

export type SplitBy = 'employee' | 'team';

/** A file name that every file system accepts, keeping CJK text readable. */
export function safeFileName(text: string): string {
  const cleaned = text.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_').replace(/[. ]+$/, '').trim();
  return cleaned === '' ? '_' : cleaned.slice(0, 120);
}

export async function writeSplit(run: ScoredRun, scheme: Scheme, period: Period | null, by: SplitBy, outDir: string, inputs: string[]): Promise<string[]> {
  const { renderWorkbook } = await import('../render/xlsx/index.js');
  const groups = new Map<string, string[]>();
  for (const e of run.report.employees) {
    const key = by === 'employee' ? `${e.id}${e.name ? ` ${e.name}` : ''}` : e.team ?? (scheme.locale === 'en' ? 'no team' : '未分组');
    groups.set(key, [...(groups.get(key) ?? []), e.id]);
  }
  if (groups.size === 0) throw new KpiError(commandText.nothingToSplit(), EXIT.data);
  const created = new Date((period?.start ?? 0) * 86_400_000);
  const written: string[] = [];
  const used = new Set<string>();
  for (const [key, ids] of groups) {
    const members = new Set(ids);
    const base = `${period ? `${period.key} ` : ''}${safeFileName(key)}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    const report = { ...run.report, employees: run.report.employees.filter((e) => members.has(e.id)), rejected: [], warnings: [] };
    const results = run.results.filter((r) => members.has(r.id));
    const bytes = await renderWorkbook({ report, results, scheme, locale: scheme.locale, created });
    const file = join(outDir, `${name}.xlsx`);
    checkNotAnInput([file], inputs);
    writeFileAtomic(file, bytes);
    written.push(file);
  }
  return written;
}
