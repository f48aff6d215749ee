/**
 * What a person sees when something is wrong: one `kpi: error:` line with the place, a
 * hint, the documented exit code, and never a stack trace.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKpi } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kpi-errors-'));
const VALID = readFileSync('fixtures/minimal/kpi.yaml', 'utf8');
function config(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
const LEDGER = 'fixtures/minimal/services.csv';

const cases = [
  {
    name: 'bad YAML',
    args: ['score', LEDGER, '-c', config('syntax.yaml', VALID.replace('roles:', 'roles: ['))],
    status: 1,
    stderr: 'syntax.yaml:24:1: YAML syntax:',
  },
  {
    name: 'an unknown key',
    args: ['score', LEDGER, '-c', config('key.yaml', VALID.replace('locale: en', 'locale: en\nperiods: month'))],
    status: 1,
    stderr: 'key.yaml:4:1: unknown key "periods" (did you mean "period"?)',
  },
  {
    name: 'weights summing to 95',
    args: ['score', LEDGER, '-c', config('weights.yaml', VALID.replace('weight: 40,', 'weight: 35,'))],
    status: 1,
    stderr: 'weights.yaml:17:7: the indicator weights of dimension "service" sum to 95, not 100',
  },
  { name: 'a missing config', args: ['score', LEDGER, '-c', join(dir, 'none.yaml')], status: 1, stderr: 'cannot read the config' },
  { name: 'a missing ledger', args: ['score', 'nothere.csv', '-c', 'fixtures/minimal/kpi.yaml'], status: 2, stderr: 'kpi: error: cannot read the ledger nothere.csv: no such file' },
  { name: 'an .xls ledger', args: ['score', 'old.xls', '-c', 'fixtures/minimal/kpi.yaml'], status: 2, stderr: 'cannot read the ledger old.xls' },
  { name: 'a bad period', args: ['score', LEDGER, '-c', 'fixtures/minimal/kpi.yaml', '-p', '2026-13'], status: 1, stderr: 'kpi: error: --period 2026-13 is not a period' },
  { name: 'an unknown command', args: ['scor'], status: 1, stderr: "unknown command 'scor'" },
  { name: 'an output with an unknown extension', args: ['score', LEDGER, '-c', 'fixtures/minimal/kpi.yaml', '-o', 'fixtures/minimal/kpi.yaml'], status: 1, stderr: 'cannot tell the format' },
];

describe('errors through the CLI', () => {
  it.each(cases)('$name → exit $status', ({ args, status, stderr }) => {
    const run = runKpi(args);
    expect(run.status).toBe(status);
    expect(run.stderr).toContain(stderr);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stdout).toBe('');
  });

  it('an unsupported .xls that exists says to save as .xlsx or CSV', () => {
    const xls = join(dir, 'ledger.xls');
    writeFileSync(xls, 'not really excel');
    const run = runKpi(['score', xls, '-c', 'fixtures/minimal/kpi.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('.xls files are not supported');
    expect(run.stderr).toContain('hint: save it as .xlsx or CSV (UTF-8) and run again');
  });

  it('refuses to write a report over an input file', () => {
    const copy = join(dir, 'services.json');
    writeFileSync(copy, '{}');
    const run = runKpi(['score', LEDGER, copy, '-c', 'fixtures/minimal/kpi.yaml', '-o', copy]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is one of the input files; refusing to overwrite it');
    expect(readFileSync(copy, 'utf8')).toBe('{}');
  });
});
