/**
 * `kpi calibrate <history...> [--periods A..B]` (SPEC §9): for every indicator, the
 * distribution of the actual values of every (person, period) whose role has its
 * dimension, how many the current standard already scores at 100, and a suggested
 * standard above the median — as a table, as the config with the suggestions in place
 * (YAML ready to paste), or as JSON.
 */
import { readFileSync } from 'node:fs';
import { parseDocument, Pair, type Document, YAMLMap } from 'yaml';
import { effectiveOf, latestVersion, loadVersions } from '../config/versions.js';
import { parsePeriod, periodContaining } from '../core/period.js';
import { terminalLang } from '../messages/lang.js';
import { schemeText } from '../messages/schemes.js';
import { say } from '../messages/text.js';
import { distribution, shareAtTarget, suggestStandard } from '../core/calibrate.js';
import { parsePeriodRange, type Period } from '../core/period.js';
import type { Scheme } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { closeLedgers, readLedgers } from '../read/ingest.js';
import { expandLedgerArgs } from '../read/sources.js';
import { withLedgersAhead } from './ahead.js';
import { openOptions, type ReadingFlags } from './reading.js';
import { renderCalibrationTable, type Calibration, type IndicatorCalibration } from '../render/calibration.js';
import { standardConfig } from '../render/standard-config.js';
import { scoreIngested } from '../scoring.js';
import type { Io } from './io.js';

export interface CalibrateOptions extends ReadingFlags {
  /** -c values; with several versions the latest is calibrated (the one to revise). */
  config: string | string[];
  /** --from P (with --format yaml): the new version's first period (SPEC §12). */
  from?: string;
  periods?: string;
  format?: string;
  color: boolean;
}

async function calibrate(scheme: Scheme, configFile: string, files: string[], options: CalibrateOptions): Promise<Calibration> {
  const asked = options.periods ? parsePeriodRange(options.periods) : null;
  if (options.periods && !asked) throw new KpiError(`--periods ${options.periods} is not a period range`, EXIT.usage, 'e.g. --periods 2026-01..2026-11');
  const read = await readLedgers(files, scheme, {
    period: null, unit: asked?.[0].unit ?? scheme.period, ...openOptions(scheme, options),
  });
  const periods: Period[] = asked ?? read.book.periods();
  if (periods.length === 0) throw new KpiError('no dated rows in the history: nothing to calibrate from', EXIT.data, 'give the ledgers of past periods');

  const values = new Map<string, number[]>();
  for (const period of periods) {
    const { results } = scoreIngested(scheme, closeLedgers(read, period), configFile, []);
    for (const r of results) {
      // Keyed by the indicator's place in its dimension: one metric may serve two indicators.
      const place = new Map<string, number>();
      for (const i of r.indicators) {
        const index = place.get(i.dimension) ?? 0;
        place.set(i.dimension, index + 1);
        if (i.actual === null) continue;
        const key = `${i.dimension}\u0000${index}`;
        const list = values.get(key);
        if (list) list.push(i.actual);
        else values.set(key, [i.actual]);
      }
    }
  }
  const indicators: IndicatorCalibration[] = scheme.dimensions.flatMap((d) => d.indicators.map((indicator, index) => {
    const found = values.get(`${d.id}\u0000${index}`) ?? [];
    const stats = distribution(found);
    const suggested = stats ? suggestStandard(indicator.standard, stats) : null;
    return {
      dimension: d.id, metric: indicator.metric,
      n: found.length, min: stats?.min ?? null, p10: stats?.p10 ?? null, p25: stats?.p25 ?? null, median: stats?.median ?? null,
      p75: stats?.p75 ?? null, p90: stats?.p90 ?? null, max: stats?.max ?? null,
      atTarget: shareAtTarget(indicator.standard, found),
      suggested: suggested ? standardConfig(suggested) : null,
      label: indicator.label, dimensionLabel: d.label, current: indicator.standard, suggestedStandard: suggested,
    };
  }));
  return { periods: periods.map((p) => p.key), indicators };
}

/** The config file itself, comments kept, with every suggested standard put in place. */
function configWithSuggestions(file: string, result: Calibration, from: string | null): string {
  const doc = parseDocument(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  if (from !== null) setEffective(doc, from);
  const positions = new Map<string, number>();
  for (const c of result.indicators) {
    const index = positions.get(c.dimension) ?? 0;
    positions.set(c.dimension, index + 1);
    if (c.suggested) doc.setIn(['dimensions', c.dimension, 'indicators', index, 'standard'], doc.createNode(c.suggested, { flow: true }));
  }
  const head = `# kpi calibrate: standards suggested from ${result.periods[0]}..${result.periods[result.periods.length - 1]} (${result.periods.length} periods).\n# Indicators without a suggestion keep their standard. Review before use.\n`;
  return head + doc.toString({ lineWidth: 0 });
}

export async function calibrateCommand(historyArgs: string[], options: CalibrateOptions, io: Io): Promise<number> {
  // The CLI has started reading the large text ledgers (src/commands/ahead.ts).
  return withLedgersAhead(() => calibrateRun(historyArgs, options, io));
}

async function calibrateRun(historyArgs: string[], options: CalibrateOptions, io: Io): Promise<number> {
  const format = options.format ?? 'table';
  if (!['table', 'yaml', 'json'].includes(format)) throw new KpiError(`--format ${format} is not a format of kpi calibrate`, EXIT.usage, 'use --format table, yaml or json');
  const from = options.from === undefined ? null : parsePeriod(options.from);
  if (options.from !== undefined && !from) throw new KpiError(schemeText.calibrateFromBadPeriod({ value: options.from }), EXIT.usage, schemeText.periodHint({ unit: 'month' }));
  if (from && format !== 'yaml') throw new KpiError(schemeText.calibrateFromNeedsYaml(), EXIT.usage, 'kpi calibrate ledgers/*.xlsx --format yaml --from 2027-01 > schemes/2027.yaml');
  const versions = loadVersions(options.config);
  const version = latestVersion(versions);
  const { scheme } = version;
  if (historyArgs.length === 0) throw new KpiError('no history files given', EXIT.usage, 'kpi calibrate ledgers/2026-*.xlsx');
  const result = await calibrate(scheme, version.file, expandLedgerArgs(historyArgs), options);
  if (format === 'json') {
    const indicators = result.indicators.map(({ label, dimensionLabel, current, suggestedStandard, ...contract }) => contract);
    io.out(`${JSON.stringify({ periods: result.periods, indicators }, null, 2)}\n`);
  } else if (format === 'yaml') {
    io.out(configWithSuggestions(version.file, result, from?.key ?? null));
    // The versions still open at the new one's start must end the period before it.
    for (const open of from ? versions.filter((v) => effectiveOf(v).end > from.start) : []) {
      const before = periodContaining(from!.start - 1, 'month').key;
      io.err(`${say(schemeText.closePrevious({ file: open.file, to: before }), terminalLang(undefined, process.env))}\n`);
    }
  } else {
    io.out(renderCalibrationTable(result, scheme, { color: options.color }));
  }
  return EXIT.ok;
}

/** `effective: { from: P }` in place of the old range, right after the title (or first). */
function setEffective(doc: Document, from: string): void {
  const map = doc.contents;
  if (!(map instanceof YAMLMap)) return;
  const node = doc.createNode({ from }, { flow: true });
  const existing = map.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === 'effective');
  if (existing) {
    existing.value = node;
    return;
  }
  const title = map.items.findIndex((p) => String((p.key as { value?: unknown })?.value ?? p.key) === 'title');
  map.items.splice(title + 1, 0, new Pair(doc.createNode('effective'), node));
}
