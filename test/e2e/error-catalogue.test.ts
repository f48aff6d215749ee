/**
 * The catalogue of mistakes (fixtures/errors/<name>/): each folder holds the inputs of one
 * mistake and expected.json — the command, its exit code, and the line a person must see,
 * with its place. Every error kpi reports for a config or ledger has a folder here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runKpi } from './run-cli.js';

const CATALOGUE = join(ROOT, 'fixtures', 'errors');
const cases = readdirSync(CATALOGUE).sort().map((name) => {
  const expected = JSON.parse(readFileSync(join(CATALOGUE, name, 'expected.json'), 'utf8')) as { args: string[]; exit: number; stdout?: string; stderr?: string };
  return { name, ...expected };
});

describe('fixtures/errors', () => {
  it('has a case for each kind of mistake (15 or more)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('$name → exit $exit', ({ name, args, exit, stdout, stderr }) => {
    const run = runKpi(args, { cwd: join(CATALOGUE, name) });
    expect(run.status).toBe(exit);
    if (stdout) expect(run.stdout).toContain(stdout);
    if (stderr) expect(run.stderr).toContain(stderr);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
