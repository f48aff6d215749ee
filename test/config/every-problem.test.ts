/**
 * SPEC §7: every problem at once. A shape problem in one entry cuts that entry out and the
 * rest is still checked (src/config/cut.ts), without reporting the cut entry's absence a
 * second time. Lines and columns checked by hand against fixtures/minimal/kpi.yaml.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/config/load.js';
import { formatProblem } from '../../src/errors.js';

const VALID = readFileSync('fixtures/minimal/kpi.yaml', 'utf8');

function problems(...edits: Array<[string, string]>): string[] {
  let text = VALID;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
    text = text.replace(from, to);
  }
  return checkConfigText(text, 'kpi.yaml').problems.map(formatProblem);
}

describe('a config with mistakes of several kinds', () => {
  it('reports a misspelled indicator key, an unknown source and a weight sum together', () => {
    expect(problems(
      ['{ metric: satisfaction, weight: 60,', '{ metric: satisfaction, wieght: 60,'],
      ['visits: { source: services, agg: count', 'visits: { source: servics, agg: count'],
      ['service: 70, output: 30', 'service: 70, output: 25'],
    )).toEqual([
      'kpi.yaml:17:33: unknown key "wieght" in dimensions.service.indicators[0] (did you mean "weight"?)',
      'kpi.yaml:11:21: source "servics" is not defined (did you mean "services"?)',
      'kpi.yaml:23:24: the dimension weights of role "engineer" sum to 95, not 100 (adjust them by 5)',
    ]);
  });

  it('a metric with a bad agg is cut: the indicator using it is not told it is undefined', () => {
    expect(problems(
      ['satisfaction: { source: services, agg: avg,', 'satisfaction: { source: services, agg: mean,'],
      ['{ metric: visits, weight: 100,', '{ metric: visitz, weight: 100,'],
    )).toEqual([
      'kpi.yaml:9:42: metrics.satisfaction.agg: string "mean" is not allowed; use one of "count", "sum", "avg", "min", "max", "median", "percentile", "distinct", "ratio"',
      'kpi.yaml:21:19: metric "visitz" is not defined (did you mean "visits"?)',
    ]);
  });

  it('a source with a bad type is cut: its metrics are not told it is undefined, formulas are still checked', () => {
    expect(problems(
      ['types: { satisfaction: number,', 'types: { satisfaction: numbr,'],
      ['formula: "visits / max(on_time_rate, 1)"', 'formula: "visits / max(on_time_rat, 1)"'],
    )).toEqual([
      expect.stringMatching(/^kpi\.yaml:7:28: sources\.services\.types\.satisfaction: string "numbr" is not allowed/),
      'kpi.yaml:12:31: the formula refers to "on_time_rat", which is not a metric (did you mean "on_time_rate"?)',
    ]);
  });

  it('places the rules\' problems at the original line when an earlier list item was cut', () => {
    expect(problems(
      ['- { grade: A, min: 90 }', '- { grade: A, min: ninety }'],
      ['- { grade: C }', '- { grade: B }'],
    )).toEqual([
      'kpi.yaml:25:22: grades[0].min: expected a number or a percentage such as 95% (got string "ninety")',
      'kpi.yaml:27:14: grade "B" is listed twice',
    ]);
  });

  it('a misspelled key is read as the key meant for the other checks: its value still counts', () => {
    // "wieght: 50" is taken as weight 50: the dimension's weights sum to 90, said too.
    expect(problems(['{ metric: satisfaction, weight: 60,', '{ metric: satisfaction, wieght: 50,'])).toEqual([
      'kpi.yaml:17:33: unknown key "wieght" in dimensions.service.indicators[0] (did you mean "weight"?)',
      'kpi.yaml:17:7: the indicator weights of dimension "service" sum to 90, not 100 (adjust them by 10)',
    ]);
    // A misspelled section is checked all the same.
    expect(problems(['metrics:', 'metircs:'], ['service: 70, output: 30', 'service: 70, output: 25'])).toEqual([
      'kpi.yaml:8:1: unknown key "metircs" (did you mean "metrics"?)',
      'kpi.yaml:23:24: the dimension weights of role "engineer" sum to 95, not 100 (adjust them by 5)',
    ]);
  });
});
