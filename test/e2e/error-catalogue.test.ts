/**
 * The catalogue of mistakes (fixtures/errors/<name>/): each folder holds the inputs of one
 * mistake and expected.json — the command, its exit code, and the line a person must see,
 * with its place. Every error kpi reports for a config or ledger has a folder here, and
 * docs/errors.md lists them all (test/docs.test.ts keeps the two in step). The command
 * lines run in one process (runKpiMany), each as bin/kpi.js would run it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runKpiMany, type CliResult } from './run-cli.js';

const CATALOGUE = join(ROOT, 'fixtures', 'errors');
const cases = readdirSync(CATALOGUE).sort().map((name) => {
  const expected = JSON.parse(readFileSync(join(CATALOGUE, name, 'expected.json'), 'utf8')) as { args: string[]; exit: number; stdout?: string; stderr?: string };
  return { name, ...expected };
});

describe('fixtures/errors', () => {
  let runs: Map<string, CliResult>;
  // Seventy command lines in one process: seconds on an idle machine, more when it is shared.
  beforeAll(() => {
    const results = runKpiMany(cases.map(({ name, args }) => ({ args, cwd: join(CATALOGUE, name) })));
    runs = new Map(cases.map(({ name }, i) => [name, results[i]]));
  }, 60_000);

  it('has a case for each kind of mistake (15 or more)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it('every case says what a person must see', () => {
    for (const { name, stdout, stderr } of cases) expect(stdout || stderr, name).toBeTruthy();
  });

  it.each(cases)('$name → exit $exit', ({ name, exit, stdout, stderr }) => {
    const run = runs.get(name)!;
    expect(run.status).toBe(exit);
    if (stdout) expect(run.stdout).toContain(stdout);
    if (stderr) expect(run.stderr).toContain(stderr);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
