/**
 * The bundled sample (fixtures/sample) scored through the real pipeline — config check,
 * ledger ingest for 2026-11, scoring — for renderer tests that need a realistic report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { checkConfigText } from '../../src/config/load.js';
import { parsePeriod } from '../../src/core/period.js';
import type { Scheme } from '../../src/core/types.js';
import { ingestLedgers } from '../../src/read/ingest.js';
import { scoreIngested, type ScoredRun } from '../../src/scoring.js';

export const SAMPLE = 'fixtures/sample';

export async function scoreSample(): Promise<ScoredRun & { scheme: Scheme }> {
  const check = checkConfigText(readFileSync(`${SAMPLE}/kpi.yaml`, 'utf8'), `${SAMPLE}/kpi.yaml`);
  if (!check.scheme) throw new Error(`sample config: ${JSON.stringify(check.problems)}`);
  const scheme = check.scheme;
  const files = readdirSync(SAMPLE).filter((f) => f.endsWith('.csv')).sort().map((f) => `${SAMPLE}/${f}`);
  const ingested = await ingestLedgers(files, scheme, { period: parsePeriod('2026-11'), sourceOverrides: new Map() });
  return { ...scoreIngested(scheme, ingested, `${SAMPLE}/kpi.yaml`, check.warnings), scheme };
}
