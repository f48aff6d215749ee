/**
 * `kpi score <ledgers...>`: load the scheme, read the ledgers, score one period, then print
 * the ranking (or JSON) and write every `-o` file. Under --strict, rejected rows or people
 * missing from the roster stop the run (exit 2) before anything is written.
 */
import { latestVersion, loadVersions, versionFor, type SchemeVersion } from '../config/versions.js';
import { parsePeriod, type Period } from '../core/period.js';
import type { PeriodUnit, Scheme } from '../core/types.js';
import { schemeText } from '../messages/schemes.js';
import { formatDayNumber } from '../read/cells.js';
import { EXIT, KpiError } from '../errors.js';
import { closeLedgers, readLedgers } from '../read/ingest.js';
import { attachPrevious, parseComparePeriod } from './compare.js';
import { localDate, notEndedNote, resolveAsOf } from './as-of.js';
import { expandLedgerArgs } from '../read/sources.js';
import { withLedgersAhead } from './ahead.js';
import { openOptions, type ReadingFlags } from './reading.js';
import { renderConsole } from '../render/console.js';
import type { EmployeeResult } from '../core/result.js';
import { renderCsv } from '../render/csv.js';
import { renderExplain } from '../render/explain.js';
import { behindItems } from '../render/pace.js';
import { renderJson } from '../render/json.js';
import { renderIssuesSummary } from '../render/summary.js';
import { checkNotAnInput, formatOfFile, writeOutputs, type OutputFormat } from '../output.js';
import { scoreVersion, type ScoredRun } from '../scoring.js';
import { writeSplit, type SplitBy } from './split.js';
import { ioLang, type Io } from './io.js';
import { commandText } from '../messages/commands.js';
import { renderText } from '../messages/render.js';
import { joinText, say, type Text } from '../messages/text.js';

export interface ScoreOptions extends ReadingFlags {
  /** -c values: files, comma lists, folders or globs (SPEC §12). */
  config: string | string[];
  period?: string;
  format?: string;
  out: string[];
  strict: boolean;
  quiet: boolean;
  color: boolean;
  explain: string[];
  split?: SplitBy;
  compare?: string;
  outDir?: string;
  /** `--as-of DATE|today`: the period in progress, projected (SPEC §11). */
  asOf?: string;
  /** Today, `YYYY-MM-DD` (the CLI's KPI_TODAY or the computer's date). */
  today?: string;
}

export async function scoreCommand(ledgerArgs: string[], options: ScoreOptions, io: Io): Promise<number> {
  // The CLI has started reading the large text ledgers (src/commands/ahead.ts).
  return withLedgersAhead(() => score(ledgerArgs, options, io));
}

/** What --strict found: `3 rejected row(s) and 2 people not in the roster`. */
export function strictParts(rejected: number, notInRoster: number): Text {
  const parts = [rejected ? commandText.rejectedRows({ count: rejected }) : null, notInRoster ? commandText.notInRoster({ count: notInRoster }) : null];
  return joinText(parts.filter((p) => p !== null), commandText.and());
}

async function score(ledgerArgs: string[], options: ScoreOptions, io: Io): Promise<number> {
  const lang = ioLang(io);
  const format = options.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw new KpiError(commandText.scoreFormat({ format }), EXIT.usage, commandText.scoreFormatHint());
  }
  if (options.explain.length > 0 && format === 'json') {
    throw new KpiError(commandText.explainJson(), EXIT.usage, commandText.explainJsonHint());
  }
  if (options.split && !options.outDir) throw new KpiError(commandText.splitNeedsOutDir(), EXIT.usage, commandText.splitExample({ by: options.split }));
  const outFormats = options.out.map((file) => ({ file, format: formatOfFile(file) }));
  const asked = options.period === undefined ? null : parsePeriod(options.period);
  if (options.period !== undefined && !asked) {
    throw new KpiError(commandText.notAPeriod({ period: options.period }), EXIT.usage, commandText.periodForms());
  }
  const versions = loadVersions(options.config);
  const today = options.today ?? localDate(new Date());
  // --as-of: the period holding the date (of -p's unit, else the config's), read up to it.
  const asOfScheme = asked ? versionFor(versions, asked).scheme : latestVersion(versions).scheme;
  const asOf = options.asOf === undefined ? null : resolveAsOf(options.asOf, asked, asOfScheme, today);
  const period = asOf?.period ?? asked;
  // No ledger file is needed when the sources are databases (SPEC §14).
  const fromDatabase = versions.some((v) => v.scheme.sources.some((s) => s.sql));
  if (ledgerArgs.length === 0 && !fromDatabase) throw new KpiError(commandText.noLedgers(), EXIT.usage, commandText.noLedgersHint());
  const files = ledgerArgs.length === 0 ? [] : expandLedgerArgs(ledgerArgs);
  checkNotAnInput(options.out, [...files, ...versions.map((v) => v.file)]);

  // The ledgers are read with the scheme in force (its sources say what to read). Without
  // -p the period comes from the rows, so they are read with the latest version first, and
  // again only if the period found falls under an earlier one.
  const readWith = (version: SchemeVersion, at: Period | null, unit: PeriodUnit) => readLedgers(files, version.scheme, {
    period: at, unit, until: asOf?.until, ...openOptions(version.scheme, options),
  });
  let version = period ? versionFor(versions, period) : latestVersion(versions);
  // With --compare the ledgers are read once and looked at from both periods.
  let read = await readWith(version, options.compare ? null : period, period?.unit ?? version.scheme.period);
  let scored = period ?? read.book.defaultPeriod();
  if (!period && scored && versions.length > 1 && versionFor(versions, scored) !== version) {
    version = versionFor(versions, scored);
    read = await readWith(version, null, scored.unit);
  }
  const scheme = version.scheme;
  const ingested = closeLedgers(read, scored);
  const { book } = ingested;
  if (!period && book.period && !options.quiet) {
    io.err(`${say(commandText.scoringLatest({ period: book.period.key, unit: renderText[scheme.period](), date: formatDayNumber(book.latestDate!) }), lang)}\n`);
  }
  const note = asOf || options.quiet ? null : notEndedNote(book.period, today);
  if (note) io.err(`kpi: ${say(note, lang)}
`);
  const run = scoreVersion(version, ingested, undefined, asOf?.progress);
  const { report } = run;
  if (options.compare) {
    const earlier = parseComparePeriod(options.compare, scored?.unit ?? scheme.period);
    const before = versionFor(versions, earlier);
    const readBefore = before === version ? read : await readWith(before, null, earlier.unit);
    attachPrevious(report, scoreVersion(before, closeLedgers(readBefore, earlier)).report);
    if (before !== version && !options.quiet) io.err(`${say(schemeText.comparedUnder({ period: earlier.key, file: before.file, current: version.file }), lang)}\n`);
  }
  if (report.employees.length === 0) {
    // The rejected rows are often why no one is left: show them first (SPEC §4.5).
    if (report.rejected.length > 0) io.err(renderIssuesSummary(report, { color: options.color, strict: true, lang }));
    const inPeriod = book.period ? commandText.inPeriod({ period: book.period.key }) : '';
    throw new KpiError(commandText.nothingToScore({ inPeriod }), EXIT.data, book.stats.rows > 0 ? commandText.checkPeriod() : commandText.checkDataRows());
  }

  if (!options.quiet || options.strict) io.err(renderIssuesSummary(report, { color: options.color, strict: options.strict, lang }));
  if (options.strict && (report.rejected.length > 0 || run.notInRoster.length > 0)) {
    throw new KpiError(commandText.strictFailed({ parts: strictParts(report.rejected.length, run.notInRoster.length) }), EXIT.data, commandText.strictHint());
  }

  await writeOutputs(outFormats.map((o) => ({ file: o.file, render: () => renderReport(o.format, run, scheme, book.period, options.compare) })));
  if (options.split) {
    const written = await writeSplit(run, scheme, book.period, options.split, options.outDir!, [...files, ...versions.map((v) => v.file)]);
    if (!options.quiet) io.err(`${say(commandText.wroteWorkbooks({ count: written.length, dir: options.outDir! }), lang)}\n`);
  }
  if (format === 'json') io.out(renderJson(report));
  else if (!options.quiet || (options.out.length === 0 && !options.split)) io.out(renderConsole(report, scheme, { color: options.color, lang }));
  for (const result of explained(run.results, options.explain)) {
    io.out(`\n${renderExplain(result, scheme, { color: options.color, period: report.period, progress: report.progress, lang })}`);
  }
  return EXIT.ok;
}

/** A report file's bytes. The workbook's dates come from the period, never the clock, so
 *  the same input writes the same bytes. */
async function renderReport(format: OutputFormat, run: ScoredRun, scheme: Scheme, period: Period | null, compared?: string): Promise<string | Uint8Array> {
  if (format === 'csv') return renderCsv(run.report, scheme);
  if (format === 'json') return renderJson(run.report);
  if (format === 'html') {
    const { renderHtmlReport } = await import('../render/html/report.js');
    // In progress (SPEC §11, §13): the behind-pace list, numbers as the console shows them.
    const round = (n: number) => Math.round(n * 100) / 100;
    const behind = run.report.progress ? behindItems(run.report, scheme).map((b) => ({
      id: b.employee.id, name: b.employee.name, indicator: b.indicator.label, toDate: round(b.toDate), expectedToDate: round(b.expected), target: b.target,
    })) : undefined;
    return renderHtmlReport({ report: run.report, scheme, locale: scheme.locale, compared, behind });
  }
  const { renderWorkbook } = await import('../render/xlsx/index.js');
  const created = new Date((period?.start ?? 0) * 86_400_000);
  // KPI_WORKBOOK_CHARTS=0: the workbook without charts, so `npm run bench` can show their cost.
  const charts = process.env.KPI_WORKBOOK_CHARTS !== '0';
  return renderWorkbook({ report: run.report, results: run.results, scheme, locale: scheme.locale, created, charts });
}

/** The people `--explain` asks for, in ranking order; an unknown id is a usage error. */
function explained(results: EmployeeResult[], ids: string[]): EmployeeResult[] {
  if (ids.includes('all')) return results;
  for (const id of ids) {
    if (!results.some((r) => r.id === id)) {
      const known = results.slice(0, 8).map((r) => r.id).join(', ');
      throw new KpiError(commandText.explainUnknown({ id }), EXIT.usage, commandText.idsLookLike({ ids: `${known}${results.length > 8 ? ', …' : ''}` }));
    }
  }
  return results.filter((r) => ids.includes(r.id));
}
