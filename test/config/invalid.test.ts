/**
 * One table of broken configs: each row edits the valid fixtures/minimal/kpi.yaml and
 * states the problem kpi must report, with its line:column in the YAML (positions checked
 * against the fixture by hand).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/config/load.js';
import { formatProblem } from '../../src/errors.js';

const VALID = readFileSync('fixtures/minimal/kpi.yaml', 'utf8');

function edit(from: string, to: string): string {
  if (!VALID.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return VALID.replace(from, to);
}

function problems(text: string): string[] {
  return checkConfigText(text, 'kpi.yaml').problems.map(formatProblem);
}

describe('a valid config', () => {
  it('has no problems and builds the scheme', () => {
    const check = checkConfigText(VALID, 'kpi.yaml');
    expect(check.problems).toEqual([]);
    expect(check.scheme?.dimensions.map((d) => d.label)).toEqual(['Service', 'output']);
    // 95% in a band is 0.95 exactly.
    const bands = check.scheme!.dimensions[0].indicators[1].standard;
    expect(bands).toMatchObject({ method: 'bands', bands: [{ min: 0.95, score: 100 }, { min: 0.9, score: 60 }] });
  });
});

const cases: { name: string; text: string; expected: string }[] = [
  {
    name: 'YAML syntax',
    text: edit('roles:', 'roles: ['),
    expected: 'kpi.yaml:24:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    name: 'unknown key with a suggestion',
    text: edit('{ source: services, agg: avg, field: satisfaction }', '{ source: services, agg: avg, feild: satisfaction }'),
    expected: 'kpi.yaml:9:47: unknown key "feild" in metrics.satisfaction (did you mean "field"?)',
  },
  {
    name: 'indicator weights summing to 95',
    text: edit('weight: 40, standard: { method: bands', 'weight: 35, standard: { method: bands'),
    expected: 'kpi.yaml:17:7: the indicator weights of dimension "service" sum to 95, not 100 (adjust them by 5)',
  },
  {
    name: 'role weights summing to 110',
    text: edit('{ service: 70, output: 30 }', '{ service: 80, output: 30 }'),
    expected: 'kpi.yaml:23:24: the dimension weights of role "engineer" sum to 110, not 100 (adjust them by -10)',
  },
  {
    name: 'metric referring to an unknown source',
    text: edit('{ source: services, agg: avg', '{ source: servics, agg: avg'),
    expected: 'kpi.yaml:9:27: source "servics" is not defined (did you mean "services"?)',
  },
  {
    name: 'indicator referring to an unknown metric',
    text: edit('- { metric: visits, weight: 100', '- { metric: visit, weight: 100'),
    expected: 'kpi.yaml:21:19: metric "visit" is not defined (did you mean "visits"?)',
  },
  {
    name: 'role referring to an unknown dimension',
    text: edit('{ service: 70, output: 30 }', '{ service: 70, outputs: 30 }'),
    expected: 'kpi.yaml:23:39: dimension "outputs" is not defined (did you mean "output"?)',
  },
  {
    name: 'formula referring to an unknown metric',
    text: edit('"visits / max(on_time_rate, 1)"', '"visit / max(on_time_rate, 1)"'),
    expected: 'kpi.yaml:12:31: the formula refers to "visit", which is not a metric (did you mean "visits"?)',
  },
  {
    name: 'formula cycle',
    text: edit('visits_per_call: { formula: "visits / max(on_time_rate, 1)" }', 'visits_per_call: { formula: "loop + 1" }\n  loop: { formula: "visits_per_call * 2" }'),
    expected: 'formulas refer to each other in a cycle: visits_per_call → loop → visits_per_call',
  },
  {
    name: 'formula syntax',
    text: edit('"visits / max(on_time_rate, 1)"', '"visits / (on_time_rate"'),
    expected: 'kpi.yaml:12:31: formula "visits / (on_time_rate": missing ")"',
  },
  {
    name: 'unknown standard method',
    text: edit('method: ratio, target: 4', 'method: ration, target: 4'),
    expected: 'method must be one of linear, ratio, piecewise, bands, deduct, add, threshold, direct',
  },
  {
    name: 'a field that is not in the source',
    text: edit('agg: avg, field: satisfaction', 'agg: avg, field: satisfactoin'),
    expected: 'kpi.yaml:9:54: "satisfactoin" is not a field of source "services" (did you mean "satisfaction"?)',
  },
  {
    name: 'a band shadowed by an earlier one',
    text: edit('{ min: 90%, score: 60 }', '{ min: 96%, score: 60 }'),
    expected: 'this band can never match: band 1 above it already covers its whole range',
  },
  {
    name: 'grades not descending',
    text: edit('{ grade: B, min: 75 }', '{ grade: B, min: 95 }'),
    expected: 'kpi.yaml:26:22: grades must go from highest to lowest: 95 is not below 90 of "A"',
  },
  {
    name: 'wrong type',
    text: edit('weight: 60,', 'weight: sixty,'),
    expected: 'kpi.yaml:17:41: dimensions.service.indicators[0].weight: expected a number or a percentage such as 95% (got string "sixty")',
  },
  {
    name: 'a condition value that is not of the field type',
    text: edit('hit: { on_time: true }', 'hit: { on_time: maybe }'),
    expected: 'kpi.yaml:10:65: "maybe" is not a yes/no value, but "on_time" is a yes/no field (e.g. true, false, 是 or 否)',
  },
  {
    name: 'duplicate key',
    text: edit('title: Minimal scheme', 'title: Minimal scheme\ntitle: again'),
    expected: 'kpi.yaml:3:1: the key "title" appears twice in the same block; keep one',
  },
  { name: 'empty file', text: '', expected: 'kpi.yaml:1:1: the config is empty or not a block of keys' },
  {
    name: 'an unquoted formula with a comma in a flow mapping',
    text: edit('"visits / max(on_time_rate, 1)"', 'visits / max(on_time_rate, 1)'),
    expected: 'unknown key "1)" in metrics.visits_per_call (a comma inside { … } ends the value: put the formula in quotes',
  },
];

describe('broken configs', () => {
  it.each(cases)('$name', ({ text, expected }) => {
    expect(problems(text).join('\n')).toContain(expected);
  });

  it('reports several independent mistakes in one run', () => {
    let text = edit('agg: avg, field: satisfaction', 'agg: avg, feild: satisfaction');
    text = text.replace('{ service: 70, output: 30 }', '{ service: 70, output: 25 }');
    text = text.replace('- { metric: visits, weight: 100', '- { metric: visit, weight: 100');
    // The rest is checked with "feild" read as the "field" it was meant to be: one mistake,
    // one line (not also "agg avg needs a field").
    expect(problems(text)).toEqual([
      'kpi.yaml:9:47: unknown key "feild" in metrics.satisfaction (did you mean "field"?)',
      'kpi.yaml:21:19: metric "visit" is not defined (did you mean "visits"?)',
      'kpi.yaml:23:24: the dimension weights of role "engineer" sum to 95, not 100 (adjust them by 5)',
    ]);
  });
});
