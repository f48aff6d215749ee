/**
 * Derived fields and the calendar in the config (SPEC §3.1): what builds, and each
 * mistake with its place — syntax, unknown names, cycles, and type mismatches such as
 * hours() of a number field.
 */
import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/config/load.js';
import { formatProblem } from '../../src/errors.js';

function config(derive: string, calendar = ''): string {
  return `version: 1
sources:
  tickets:
    columns: { employee: 处理人, date: 报修时间, reported: 报修时间, responded: 响应时间, closed: 结案时间, cost: 费用, kind: 类型 }
    types: { reported: date, responded: date, closed: date, cost: number }
    derive:
${derive}
metrics:
  n: { source: tickets, agg: count }
dimensions:
  d: { indicators: [ { metric: n, weight: 100, standard: { method: direct } } ] }
roles:
  r: { weights: { d: 100 } }
grades: [ { grade: A } ]
${calendar}`;
}

const problems = (text: string) => checkConfigText(text, 'kpi.yaml').problems.map((p) => String(formatProblem(p)));

describe('derive', () => {
  it('builds typed fields in an order that computes, after the columns', () => {
    const check = checkConfigText(config('      late: response_hours > 2\n      response_hours: hours(reported, responded)\n      repair_days: workdays(reported, closed)'), 'kpi.yaml');
    expect(check.problems).toEqual([]);
    const fields = check.scheme!.sources[0].fields;
    expect(fields.map((f) => `${f.id}:${f.type}${f.derive ? '*' : ''}`)).toEqual([
      'employee:text', 'date:date', 'reported:date', 'responded:date', 'closed:date', 'cost:number', 'kind:text',
      'response_hours:number*', 'late:boolean*', 'repair_days:number*',
    ]);
  });

  it.each([
    ['syntax', '      x: hours(reported, responded', 'kpi.yaml:7:10: "hours(reported, responded": missing ")"'],
    ['unknown name', '      x: hours(reportd, responded)', 'kpi.yaml:7:10: "reportd" is not a field of source "tickets" (did you mean "reported"?)'],
    ['cycle', '      a: b + 1\n      b: a * 2', 'kpi.yaml:7:10: derived fields refer to each other in a cycle: a → b → a'],
    ['hours() of a number field', '      x: hours(cost, closed)', 'kpi.yaml:7:10: "hours(cost, closed)": hours() needs a date, but gets a number'],
    ['a date minus a date', '      x: closed - reported', 'dates cannot be used with "-"; use days(a, b), hours(a, b), minutes(a, b) or workdays(a, b)'],
    ['a text field', '      x: kind + 1', '"kind" is a text field; expressions use numbers, dates and yes/no fields'],
    ['if() with two types', '      x: if(cost > 1, cost, closed)', 'if() gives number in one case and date in the other'],
    ['a name that is a column', '      cost: 1', 'kpi.yaml:7:7: "cost" is already a column of source "tickets"'],
  ])('%s', (_, derive, expected) => {
    expect(problems(config(derive)).join('\n')).toContain(expected);
  });
});

describe('calendar', () => {
  it('reads holidays and make-up working days as whole days', () => {
    const check = checkConfigText(config('      x: workdays(reported, closed)', 'calendar:\n  holidays: [2026-10-01, 2026-10-02]\n  workdays: [2026-10-10]\n'), 'kpi.yaml');
    expect(check.problems).toEqual([]);
    // 2026-10-01 = day 20727 (2026-01-01 = 20454, + 273); 2026-10-10 = 20736.
    expect([...check.scheme!.calendar.holidays]).toEqual([20727, 20728]);
    expect([...check.scheme!.calendar.workdays]).toEqual([20736]);
  });

  it('a date that does not parse is a problem with its place', () => {
    expect(problems(config('      x: workdays(reported, closed)', 'calendar:\n  holidays: [2026-10-01, 10/02/2026]\n'))).toEqual([
      'kpi.yaml:16:26: "10/02/2026" is not a date (write dates as 2026-10-01)',
    ]);
  });
});
