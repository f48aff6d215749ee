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
  const expected = JSON.parse(readFileSync(join(CATALOGUE, name, 'expected.json'), 'utf8')) as {
    args: string[]; exit: number; stdout?: string; stderr?: string; stdout_zh?: string; stderr_zh?: string;
  };
  return { name, ...expected };
});

describe('fixtures/errors', () => {
  let runs: Map<string, CliResult>;
  let runsZh: Map<string, CliResult>;
  // Seventy command lines, twice, in one process: seconds on an idle machine, more when it is shared.
  beforeAll(() => {
    // Each case twice: in English, and in Chinese (SPEC §15) with --lang zh-CN.
    const results = runKpiMany([
      ...cases.map(({ name, args }) => ({ args, cwd: join(CATALOGUE, name) })),
      ...cases.map(({ name, args }) => ({ args: [...args, '--lang', 'zh-CN'], cwd: join(CATALOGUE, name) })),
    ]);
    runs = new Map(cases.map(({ name }, i) => [name, results[i]]));
    runsZh = new Map(cases.map(({ name }, i) => [name, results[cases.length + i]]));
  }, 120_000);

  it('has a case for each kind of mistake (15 or more)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it('every case says what a person must see, in English and in Chinese', () => {
    for (const { name, stdout, stderr, stdout_zh, stderr_zh } of cases) {
      expect(stdout || stderr, name).toBeTruthy();
      expect(stdout_zh || stderr_zh, `${name}: the Chinese line`).toBeTruthy();
      expect(stdout_zh || stderr_zh, `${name}: the Chinese line is Chinese`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(cases)('$name in Chinese → exit $exit', ({ name, exit, stdout_zh, stderr_zh }) => {
    const run = runsZh.get(name)!;
    expect(run.status).toBe(exit);
    if (stdout_zh) expect(run.stdout).toContain(stdout_zh);
    if (stderr_zh) expect(run.stderr).toContain(stderr_zh);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(cases)('$name → exit $exit', ({ name, exit, stdout, stderr }) => {
    const run = runs.get(name)!;
    expect(run.status).toBe(exit);
    if (stdout) expect(run.stdout).toContain(stdout);
    if (stderr) expect(run.stderr).toContain(stderr);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
