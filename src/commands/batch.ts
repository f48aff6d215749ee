/**
 * `kpi batch <ledgers...> --periods A..B [--by team] --out-dir DIR [--json]` (SPEC §8):
 * every period (and team) scored from one reading of the ledgers, a workbook per run and
 * an index.json of every run's status (with --html, a page per run and index.html). One failing run does not stop the others; the exit
 * code says whether any failed. Same input, same bytes: dates in files come from periods.
 */
import { join } from 'node:path';
import { loadVersions, versionFor, type SchemeVersion } from '../config/versions.js';
import { parsePeriodRange, type Period } from '../core/period.js';
import type { Scheme } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { progressText } from '../messages/progress.js';
import { closeLedgers, readLedgers, type LedgerRead, type TableOpener } from '../read/ingest.js';
import { expandLedgerArgs } from '../read/sources.js';
import { withLedgersAhead } from './ahead.js';
import { openOptions, type ReadingFlags } from './reading.js';
import { renderJson } from '../render/json.js';
import { checkNotAnInput, writeFileAtomic } from '../output.js';
import { plain } from '../render/text.js';
import { scoreVersion, teamsOf, type ScoredRun } from '../scoring.js';
import { safeFileName } from './split.js';
import { ioLang, type Io } from './io.js';
import { commandText } from '../messages/commands.js';
import { joinText, say, type Text } from '../messages/text.js';
import { strictParts } from './score.js';
import { BatchPages } from './batch-html.js';

export interface BatchOptions extends ReadingFlags {
  /** -c values: files, comma lists, folders or globs (SPEC §12). */
  config: string | string[];
  periods?: string;
  by?: 'team';
  outDir?: string;
  json: boolean;
  /** Also each run's report.html and an index.html with the trend (SPEC §13). */
  html?: boolean;
  strict: boolean;
  quiet: boolean;
  progress: boolean;
  /** Refused (SPEC §11: batch scores closed periods); accepted only to say so. */
  asOf?: string;
  /** The reader seam, replaceable in tests (to count how often each file is read). */
  opener?: TableOpener;
}

export interface RunEntry {
  period: string;
  team: string | null;
  status: 'ok' | 'failed';
  error: Text | null;
  people: number;
  rejected: number;
  files: string[];
  /** The scheme file the period was scored with (SPEC §12). */
  config: string;
}

/** Which runs a file that could not be read spoils: the periods its name mentions, else all. */
function spoiledPeriods(file: string, periods: Period[]): Set<string> {
  const named = periods.filter((p) => file.includes(p.key));
  return new Set((named.length ? named : periods).map((p) => p.key));
}

function failure(run: ScoredRun, strict: boolean): Text | null {
  if (run.report.employees.length === 0) return commandText.nothingInPeriod();
  if (!strict || (run.report.rejected.length === 0 && run.notInRoster.length === 0)) return null;
  return commandText.strictParts({ parts: strictParts(run.report.rejected.length, run.notInRoster.length) });
}

async function writeRun(run: ScoredRun, scheme: Scheme, period: Period, name: string, options: BatchOptions, inputs: string[]): Promise<string[]> {
  const { renderWorkbook } = await import('../render/xlsx/index.js');
  const created = new Date(period.start * 86_400_000);
  const workbook = await renderWorkbook({ report: run.report, results: run.results, scheme, locale: scheme.locale, created });
  const json = options.json ? renderJson(run.report) : null;
  // A report named like a ledger (2026-11.xlsx in the ledgers' folder) must never replace it.
  checkNotAnInput([join(options.outDir!, `${name}.xlsx`), ...(json !== null ? [join(options.outDir!, `${name}.json`)] : [])], inputs);
  writeFileAtomic(join(options.outDir!, `${name}.xlsx`), workbook);
  if (json !== null) writeFileAtomic(join(options.outDir!, `${name}.json`), json);
  return json !== null ? [`${name}.xlsx`, `${name}.json`] : [`${name}.xlsx`];
}

export async function batchCommand(ledgerArgs: string[], options: BatchOptions, io: Io): Promise<number> {
  // The CLI has started reading the large text ledgers (src/commands/ahead.ts).
  return withLedgersAhead(() => batch(ledgerArgs, options, io));
}

async function batch(ledgerArgs: string[], options: BatchOptions, io: Io): Promise<number> {
  const lang = ioLang(io);
  if (options.asOf !== undefined) throw new KpiError(progressText.batchAsOf(), EXIT.usage, progressText.batchAsOfHint());
  if (!options.periods) throw new KpiError(commandText.batchNeedsPeriods(), EXIT.usage, commandText.batchPeriodsExample());
  const periods = parsePeriodRange(options.periods);
  if (!periods) throw new KpiError(commandText.notARange({ range: options.periods }), EXIT.usage, commandText.rangeForms());
  if (!options.outDir) throw new KpiError(commandText.batchNeedsOutDir(), EXIT.usage, commandText.batchOutDirExample());
  const versions = loadVersions(options.config);
  // No ledger file is needed when the sources are databases (SPEC §14).
  const files = ledgerArgs.length === 0 && versions.some((v) => v.scheme.sources.some((s) => s.sql)) ? [] : expandLedgerArgs(ledgerArgs);
  const inputs = [...files, ...versions.map((v) => v.file)];
  // Every period must have its scheme before anything is read (exit 1 otherwise).
  const versionOf = periods.map((p) => versionFor(versions, p));

  // The ledgers are read once per version in the range: a version's sources and metrics say
  // what is read and counted, so a history with one change reads each file twice.
  const broken = new Map<string, { file: string; error: KpiError; periods: Set<string> }>();
  const reads = new Map<SchemeVersion, LedgerRead>();
  for (const version of new Set(versionOf)) {
    reads.set(version, await readLedgers(files, version.scheme, {
      period: null, unit: periods[0].unit, ...openOptions(version.scheme, options),
      onFileError: (file, error) => void (broken.has(file) || broken.set(file, { file, error, periods: spoiledPeriods(file, periods) })),
    }, options.opener));
  }

  const runs: RunEntry[] = [];
  const pages = options.html ? new BatchPages(options.outDir, inputs) : null;
  for (const [i, period] of periods.entries()) {
    if (options.progress) io.err(`${say(commandText.batchScoring({ period: period.key, i: i + 1, n: periods.length }), lang)}\n`);
    const version = versionOf[i];
    const { scheme } = version;
    const ingested = closeLedgers(reads.get(version)!, period);
    const spoilt = [...broken.values()].filter((b) => b.periods.has(period.key));
    const teams = options.by === 'team' ? teamsOf(scheme, ingested) : [undefined];
    for (const team of teams.length ? teams : [undefined]) {
      const entry: RunEntry = { period: period.key, team: team ?? null, status: 'ok', error: null, people: 0, rejected: 0, files: [], config: version.file };
      runs.push(entry);
      if (spoilt.length) {
        entry.status = 'failed';
        entry.error = joinText(spoilt.map((b) => b.error.text), '; ');
        continue;
      }
      const run = scoreVersion(version, ingested, team === undefined ? undefined : { team });
      entry.people = run.report.employees.length;
      entry.rejected = run.report.rejected.length;
      entry.error = failure(run, options.strict);
      if (entry.error) {
        entry.status = 'failed';
        continue;
      }
      const name = team === undefined || team === null ? period.key : `${period.key}-${safeFileName(team)}`;
      entry.files = await writeRun(run, scheme, period, name, options, inputs);
      if (pages) entry.files.push(await pages.writeRun(run, scheme, period.key, name));
    }
  }

  checkNotAnInput([join(options.outDir, 'index.json')], inputs);
  writeFileAtomic(join(options.outDir, 'index.json'), `${JSON.stringify({ runs }, null, 2)}\n`);
  // The index page speaks the words of the latest version in the range.
  if (pages) await pages.writeIndex(versionOf[versionOf.length - 1].scheme, periods.map((p) => p.key), runs);
  const failed = runs.filter((r) => r.status === 'failed');
  if (!options.quiet) {
    io.err(`${say(commandText.batchSummary({ runs: runs.length, failed: failed.length, dir: options.outDir }), lang)}\n`);
    for (const f of failed) {
      const run = `${f.period}${f.team ? ` ${plain(f.team)}` : ''}`;
      io.err(`${say(commandText.batchFailed({ run, error: plain(say(f.error ?? '', lang)) }), lang)}\n`);
    }
  }
  return failed.length ? EXIT.data : EXIT.ok;
}
