/**
 * `kpi calibrate <history...> [--periods A..B]` (SPEC §9): for every indicator, the
 * distribution of the actual values of every (person, period) whose role has its
 * dimension, how many the current standard already scores at 100, and a suggested
 * standard above the median — as a table, as the config with the suggestions in place
 * (YAML ready to paste), or as JSON.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { loadConfig } from '../config/load.js';
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
import { commandText } from '../messages/commands.js';

export interface CalibrateOptions extends ReadingFlags {
  config: string;
  periods?: string;
  format?: string;
  color: boolean;
}

async function calibrate(scheme: Scheme, files: string[], options: CalibrateOptions): Promise<Calibration> {
  const asked = options.periods ? parsePeriodRange(options.periods) : null;
  if (options.periods && !asked) throw new KpiError(commandText.notARange({ range: options.periods }), EXIT.usage, commandText.calibrateRangeExample());
  const read = await readLedgers(files, scheme, {
    period: null, unit: asked?.[0].unit ?? scheme.period, ...openOptions(scheme, options),
  });
  const periods: Period[] = asked ?? read.book.periods();
  if (periods.length === 0) throw new KpiError(commandText.noDatedRows(), EXIT.data, commandText.givePastLedgers());

  const values = new Map<string, number[]>();
  for (const period of periods) {
    const { results } = scoreIngested(scheme, closeLedgers(read, period), options.config, []);
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
function configWithSuggestions(file: string, result: Calibration): string {
  const doc = parseDocument(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
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
  if (!['table', 'yaml', 'json'].includes(format)) throw new KpiError(commandText.calibrateFormat({ format }), EXIT.usage, commandText.calibrateFormatHint());
  const { scheme } = loadConfig(options.config);
  if (historyArgs.length === 0) throw new KpiError(commandText.noHistory(), EXIT.usage, commandText.noHistoryHint());
  const result = await calibrate(scheme, expandLedgerArgs(historyArgs), options);
  if (format === 'json') {
    const indicators = result.indicators.map(({ label, dimensionLabel, current, suggestedStandard, ...contract }) => contract);
    io.out(`${JSON.stringify({ periods: result.periods, indicators }, null, 2)}\n`);
  } else if (format === 'yaml') {
    io.out(configWithSuggestions(options.config, result));
  } else {
    io.out(renderCalibrationTable(result, scheme, { color: options.color }));
  }
  return EXIT.ok;
}
