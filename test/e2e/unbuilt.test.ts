/**
 * `node bin/kpi.js` in a checkout that was never built (dist/bundle missing: before
 * `npm ci`) says in one line what to run and exits 1 — no ERR_MODULE_NOT_FOUND stack.
 * The checkout is copied as it is before building: bin/ and package.json.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

function unbuilt(args: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-unbuilt-'));
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['KPI_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG'].includes(k)));
  const run = spawnSync(process.execPath, [join(dir, 'bin', 'kpi.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...clean, LANG: 'C', ...env } });
  return { dir, ...run };
}

describe('an unbuilt checkout', () => {
  it('says to run npm ci, in one line, exit 1', () => {
    const run = unbuilt(['score', 'ledger.csv']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`kpi: error: kpi is not built (dist/bundle/cli.js is missing): run npm ci in ${run.dir}/ (or npm run build if its dependencies are installed)\n`);
  });

  it('says it in Chinese to a Chinese terminal', () => {
    const run = unbuilt(['validate'], { LANG: 'zh_CN.UTF-8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`kpi: 错误: kpi 尚未构建（缺少 dist/bundle/cli.js）：请在 ${run.dir}/ 中运行 npm ci（已装好依赖时运行 npm run build）\n`);
  });

  it('still answers --version, which needs no build', () => {
    const run = unbuilt(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
