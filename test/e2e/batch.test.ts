/**
 * `kpi batch` (SPEC §8) on fixtures/batch: three months, two teams. Scores worked by hand
 * (each indicator half the weight): score = ½ × 100 × (avg − 3)/2 + ½ × min(100, 50 × visits).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchCommand } from '../../src/commands/batch.js';
import { openLedgerFile, type TableOpener } from '../../src/read/ingest.js';
import { ROOT, runKpi } from './run-cli.js';

const FIXTURE = join(ROOT, 'fixtures', 'batch');
const LEDGERS = ['roster.csv', 'services-2026-09.csv', 'services-2026-10.csv', 'services-2026-11.csv'];

function batch(dir: string, out: string, extra: string[] = []) {
  return runKpi(['batch', ...LEDGERS, '--periods', '2026-09..2026-11', '--by', 'team', '--out-dir', out, '--json', ...extra], { cwd: dir });
}

const finals = (file: string) => Object.fromEntries(JSON.parse(readFileSync(file, 'utf8')).employees.map((e: { id: string; final: number }) => [e.id, e.final]));

describe('kpi batch', () => {
  const out = mkdtempSync(join(tmpdir(), 'kpi-batch-'));
  const run = batch(FIXTURE, out);

  it('writes a workbook and JSON per period and team, and index.json', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('scoring'); // progress only on a TTY
    const names = ['2026-09', '2026-10', '2026-11'].flatMap((p) => ['North', 'South'].flatMap((t) => [`${p}-${t}.json`, `${p}-${t}.xlsx`]));
    expect(readdirSync(out).sort()).toEqual([...names, 'index.json'].sort());
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    expect(index.runs).toHaveLength(6);
    expect(index.runs[2]).toEqual({
      period: '2026-10', team: 'North', status: 'ok', error: null, people: 2, rejected: 0, files: ['2026-10-North.xlsx', '2026-10-North.json'], config: 'kpi.yaml',
    });
    // E3's October row has satisfaction "x": rejected, and it belongs to South only.
    expect(index.runs[3]).toMatchObject({ period: '2026-10', team: 'South', status: 'ok', people: 2, rejected: 1 });
  });

  it('scores each month from its own rows (hand-worked)', () => {
    // Sep: E1 avg 5, 2 visits → 100; E2 avg 4, 1 visit → 25 + 25 = 50.
    expect(finals(join(out, '2026-09-North.json'))).toEqual({ E1: 100, E2: 50 });
    // Oct: E3's only row is rejected → satisfaction missing (excluded), 0 visits → 0;
    //      E4 avg 5, 1 visit → 50 + 25 = 75.
    expect(finals(join(out, '2026-10-South.json'))).toEqual({ E3: 0, E4: 75 });
    // Nov: E3 avg 5, 2 visits → 100; E4 avg 4, 1 visit → 50.
    expect(finals(join(out, '2026-11-South.json'))).toEqual({ E3: 100, E4: 50 });
  });

  it('re-running rewrites the same bytes, workbooks included', () => {
    const again = mkdtempSync(join(tmpdir(), 'kpi-batch-'));
    expect(batch(FIXTURE, again).status).toBe(0);
    for (const name of readdirSync(out)) expect(readFileSync(join(again, name)), name).toEqual(readFileSync(join(out, name)));
  });

  it("without --by, a period's JSON is the document kpi score --format json prints", () => {
    const whole = mkdtempSync(join(tmpdir(), 'kpi-batch-'));
    expect(runKpi(['batch', ...LEDGERS, '--periods', '2026-11', '--out-dir', whole, '--json'], { cwd: FIXTURE }).status).toBe(0);
    const score = runKpi(['score', ...LEDGERS, '-p', '2026-11', '--format', 'json'], { cwd: FIXTURE });
    expect(readFileSync(join(whole, '2026-11.json'), 'utf8')).toBe(score.stdout);
  });

  it('a broken ledger fails its period in the index; the others succeed; exit non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-batch-src-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'services-2026-10.csv'), 'ID,Date,Satisfactoin\nE1,2026-10-03,4\n');
    const broken = mkdtempSync(join(tmpdir(), 'kpi-batch-'));
    const result = batch(dir, broken);
    expect(result.status).toBe(2);
    const index = JSON.parse(readFileSync(join(broken, 'index.json'), 'utf8'));
    expect(index.runs.map((r: { period: string; status: string }) => `${r.period} ${r.status}`)).toEqual([
      '2026-09 ok', '2026-09 ok', '2026-10 failed', '2026-10 failed', '2026-11 ok', '2026-11 ok',
    ]);
    expect(index.runs[2].error).toContain('missing "Satisfaction" (field satisfaction), closest: "Satisfactoin"');
    expect(index.runs[2].files).toEqual([]);
    expect(readdirSync(broken)).toContain('2026-11-South.xlsx');
    expect(result.stderr).toContain('kpi: 6 runs, 2 failed');
  });

  it('--strict fails the runs with rejected rows only', () => {
    const strict = mkdtempSync(join(tmpdir(), 'kpi-batch-'));
    const result = batch(FIXTURE, strict, ['--strict']);
    expect(result.status).toBe(2);
    const index = JSON.parse(readFileSync(join(strict, 'index.json'), 'utf8'));
    expect(index.runs.filter((r: { status: string }) => r.status === 'failed')).toEqual([
      { period: '2026-10', team: 'South', status: 'failed', error: '--strict: 1 rejected row(s)', people: 2, rejected: 1, files: [], config: 'kpi.yaml' },
    ]);
  });

  it('reads each ledger file once for all periods (counted through the reader seam)', async () => {
    const reads = new Map<string, number>();
    const counting: TableOpener = (file, scheme, options) => {
      reads.set(file, (reads.get(file) ?? 0) + 1);
      return openLedgerFile(file, scheme, options);
    };
    const dir = mkdtempSync(join(tmpdir(), 'kpi-batch-'));
    const code = await batchCommand(LEDGERS.map((f) => join(FIXTURE, f)), {
      config: join(FIXTURE, 'kpi.yaml'), periods: '2026-09..2026-11', by: 'team', outDir: dir, json: false,
      strict: false, quiet: true, progress: false, source: [], opener: counting,
    }, { out: () => {}, err: () => {} });
    expect(code).toBe(0);
    expect([...reads.values()]).toEqual([1, 1, 1, 1]);
    expect(reads.size).toBe(4);
  });
});
