/**
 * The duration types in kpi.yaml (SPEC §4.6): `seconds`, `minutes`, `hours` make a number
 * field read as durations; `duration_format` says how `a:b` reads; a condition on such a
 * field takes the unit or a duration as the ledger writes it.
 */
import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/config/load.js';
import { formatProblem } from '../../src/errors.js';

const config = (types: string, where = '', extra = '') => `version: 1
sources:
  calls:
    columns: { employee: Agent, date: Date, talk: Talk }
    types: { talk: ${types} }${extra}
metrics:
  long_calls: { source: calls, agg: count${where} }
dimensions:
  service: { indicators: [ { metric: long_calls, weight: 100, standard: { method: direct } } ] }
roles: { agent: { weights: { service: 100 } } }
grades: [ { grade: A } ]
`;

describe('duration types', () => {
  it('a duration field is a number field in its unit', () => {
    const check = checkConfigText(config('minutes', '', '\n    duration_format: mm:ss'), 'kpi.yaml');
    expect(check.problems).toEqual([]);
    expect(check.scheme!.sources[0].fields.find((f) => f.id === 'talk')).toMatchObject({ type: 'number', duration: 'minutes' });
    expect(check.scheme!.sources[0].durationFormat).toBe('mm:ss');
  });

  it('a condition takes a number in the unit or a duration text', () => {
    const check = checkConfigText(config('seconds', ', where: { talk: { gte: "0:01:00", lt: 600 } }'), 'kpi.yaml');
    expect(check.problems).toEqual([]);
    const metric = check.scheme!.metrics[0];
    expect(metric.kind === 'agg' && metric.where!.talk).toEqual({ kind: 'ops', ops: { gte: 60, lt: 600 } });
  });

  it('refuses an unreadable condition value, an unknown type or format', () => {
    expect(checkConfigText(config('seconds', ', where: { talk: { gte: soon } }'), 'kpi.yaml').problems.map(formatProblem)).toEqual([
      'kpi.yaml:7:66: "soon" is not a duration, but "talk" is a duration field (seconds) (e.g. 60 or "0:01:00")',
    ]);
    expect(checkConfigText(config('secs'), 'kpi.yaml').problems.map(formatProblem)[0]).toContain('use one of "text", "number", "boolean", "date", "seconds", "minutes", "hours"');
    expect(checkConfigText(config('seconds', '', '\n    duration_format: ss'), 'kpi.yaml').problems.map(formatProblem)[0]).toContain('use one of "h:mm", "mm:ss"');
  });
});
