/**
 * Excel dates are calendar dates: the date tests must pass whatever the machine's time
 * zone. Asia/Shanghai's historical offset has a seconds component that shifts naive
 * conversions to the previous day; Sao Paulo is west of UTC with historical DST. This runs
 * the date-reading suites again in child processes under those zones.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SUITES = ['test/read/cells.test.ts', 'test/read/xlsx.test.ts', 'test/core/period.test.ts'];

describe.skipIf(process.env.KPI_TZ_CHILD)('date suites in other time zones', () => {
  it.each(['Asia/Shanghai', 'America/Sao_Paulo'])('%s', (zone) => {
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...SUITES], {
      env: { ...process.env, TZ: zone, KPI_TZ_CHILD: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
    });
    expect(run.stdout).toMatch(/Tests\s+\d+ passed/);
    expect(run.stdout).not.toMatch(/failed/);
    expect(run.status).toBe(0);
  }, 120_000);
});
