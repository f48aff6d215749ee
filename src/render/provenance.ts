/**
 * The scheme a report was scored with, in one line of the report's language (SPEC §12):
 * title, effective range and the first 12 hex digits of the file's sha256 — printed on the
 * workbook's Summary and in every scorecard's footer, so a sheet can be traced to its scheme.
 */
import type { ReportScheme } from '../core/report.js';
import { schemeText } from '../messages/schemes.js';
import { say } from '../messages/text.js';
import { wordWith, type Locale } from './labels.js';

export function effectiveWords(effective: ReportScheme['effective'], locale: Locale): string {
  const e = effective ?? { from: null, to: null };
  const text = e.from && e.to ? schemeText.range({ from: e.from, to: e.to })
    : e.from ? schemeText.fromOn({ from: e.from })
      : e.to ? schemeText.upTo({ to: e.to }) : schemeText.always();
  return say(text, locale);
}

export function provenanceLine(scheme: ReportScheme | undefined, locale: Locale): string | null {
  if (!scheme) return null;
  return wordWith('schemeLine', locale, { title: scheme.title, range: effectiveWords(scheme.effective, locale), hash: scheme.sha256.slice(0, 12) });
}
