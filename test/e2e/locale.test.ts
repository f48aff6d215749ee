/**
 * SPEC §4.6: without `locale:`, a config is zh-CN when its title or any label holds a CJK
 * character, else en — an English config no longer gets 排名 工号 姓名 over `Agent_19`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runKpi } from './run-cli.js';

const MINIMAL = readFileSync(join(ROOT, 'fixtures/minimal/kpi.yaml'), 'utf8');
const LEDGER = join(ROOT, 'fixtures/minimal/services.csv');

function header(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-locale-'));
  writeFileSync(join(dir, 'kpi.yaml'), config);
  const run = runKpi(['score', LEDGER, '-p', '2026-11', '-q'], { cwd: dir });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\n').find((line) => line.startsWith('│'))!;
}

describe('the locale a config leaves out', () => {
  const withoutLocale = MINIMAL.replace('locale: en\n', '');

  it('is en when title and labels are English', () => {
    expect(withoutLocale).not.toContain('locale:');
    expect(header(withoutLocale)).toMatch(/^│ Rank │ ID │ Name │ Role +│ Service │ output │ Adj\. │ Final │ Grade │$/);
  });

  it('is zh-CN when one label is Chinese', () => {
    expect(header(withoutLocale.replace('label: Service', 'label: 客户服务'))).toMatch(/^│ 排名 │ 工号 │ 姓名 │ 岗位 +│ 客户服务 │ output │ 加减分 │ +总分 │ 等级 │$/);
  });

  it('is zh-CN when the title is Chinese, and a locale written down wins', () => {
    const chinese = withoutLocale.replace('title: Minimal scheme', 'title: 客服部月度考核');
    expect(header(chinese)).toMatch(/^│ 排名 │/);
    expect(header(chinese.replace('version: 1\n', 'version: 1\nlocale: en\n'))).toMatch(/^│ Rank │/);
  });
});
