/** Runs the built CLI as a user would, capturing stdout, stderr and the exit code. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const KPI = fileURLToPath(new URL('../../bin/kpi.js', import.meta.url));

/** The environment a run starts from: the tests' own, speaking English whatever the
 *  machine's locale (SPEC §15: KPI_LANG, LC_ALL, LC_MESSAGES, LANG), unless a test says. */
export function baseEnv(): NodeJS.ProcessEnv {
  const { KPI_LANG: _k, LC_ALL: _a, LC_MESSAGES: _m, ...env } = process.env;
  return { ...env, LANG: 'C.UTF-8', NO_COLOR: '1', KPI_TODAY: TEST_TODAY };
}

/** "Today" for every run (KPI_TODAY, SPEC §11): no test depends on the real date. A test of
 *  the period in progress sets its own. */
export const TEST_TODAY = '2030-06-14';

export interface CliResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

export function runKpi(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [KPI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...baseEnv(), ...options.env },
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

export interface CliCase {
  args: string[];
  cwd: string;
}

const MANY = fileURLToPath(new URL('./cli-many.mjs', import.meta.url));

/**
 * Runs several command lines in one Node process, each as bin/kpi.js would run it (a fresh
 * dist/bundle/cli.js: its own argv, cwd, stdout, stderr and exit code; see cli-many.mjs), with
 * `env` added to the environment (e.g. TZ). Starting Node costs ~0.5 s, so suites with
 * dozens of command lines use this; a case that could crash or hang the process itself
 * gets its own process (runKpi).
 */
export function runKpiMany(cases: readonly CliCase[], env: Record<string, string> = {}): CliResult[] {
  const run = spawnSync(process.execPath, [MANY], {
    input: JSON.stringify(cases),
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    env: { ...baseEnv(), ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const results = run.output[3]?.toString('utf8') ?? '';
  if (run.status !== 0 || !results) throw new Error(`cli-many failed (${run.status} ${run.signal ?? ''}): ${run.stderr?.toString()}`);
  return JSON.parse(results) as CliResult[];
}
