/**
 * Schemes over time (SPEC §12) end to end, on fixtures/schemes: two versions (up to
 * 2026-09, and from 2026-10 with revised standards, an adjustment and a stricter veto) over
 * three months of ledgers. Batch over the change, overlaps, gaps, a period with no scheme,
 * provenance, --compare across versions and calibrate --from.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, runKpi, runKpiMany } from './run-cli.js';

const FIXTURE = join(ROOT, 'fixtures', 'schemes');
const LEDGERS = ['roster.csv', 'services-2026-09.csv', 'services-2026-10.csv', 'services-2026-11.csv'];
const OLD = 'schemes/until-2026-09.yaml';
const NEW = 'schemes/from-2026-10.yaml';
const sha = (file: string) => createHash('sha256').update(readFileSync(join(FIXTURE, file))).digest('hex');

/** A copy of the fixture whose two versions have the given ranges. */
function withRanges(oldRange: string, newRange: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-schemes-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const set = (file: string, range: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(/^effective: .*$/m, `effective: ${range}`));
  set(OLD, oldRange);
  set(NEW, newRange);
  return dir;
}

describe('kpi batch over a change of scheme', () => {
  const out = mkdtempSync(join(tmpdir(), 'kpi-batch-schemes-'));
  const [batch, ...scores] = runKpiMany([
    { args: ['batch', ...LEDGERS, '-c', 'schemes/', '--periods', '2026-09..2026-11', '--out-dir', out, '--json'], cwd: FIXTURE },
    { args: ['score', ...LEDGERS, '-c', OLD, '-p', '2026-09', '--format', 'json'], cwd: FIXTURE },
    { args: ['score', ...LEDGERS, '-c', NEW, '-p', '2026-10', '--format', 'json'], cwd: FIXTURE },
    { args: ['score', ...LEDGERS, '-c', NEW, '-p', '2026-11', '--format', 'json'], cwd: FIXTURE },
  ]);

  it('scores each period with its own scheme: the same bytes as scoring it with that file', () => {
    expect(batch.status).toBe(0);
    ['2026-09', '2026-10', '2026-11'].forEach((period, i) => {
      expect(scores[i].status).toBe(0);
      expect(readFileSync(join(out, `${period}.json`), 'utf8'), period).toBe(scores[i].stdout);
    });
  });

  it('records the scheme file of each run in index.json', () => {
    const { runs } = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    expect(runs.map((r: { period: string; config: string }) => [r.period, r.config])).toEqual([['2026-09', OLD], ['2026-10', NEW], ['2026-11', NEW]]);
  });

  it('the change shows in the scores (hand-worked): E3 in November under the new standard and adjustment', () => {
    // Nov, new scheme: E3 avg 5 → satisfaction 100 (target 4.5), 2 visits → 100; base 100; 2 top marks → +2.
    const nov = JSON.parse(readFileSync(join(out, '2026-11.json'), 'utf8'));
    expect(nov.employees.find((e: { id: string }) => e.id === 'E3')).toMatchObject({ base: 100, adjustment: 2, final: 102 });
    // Sep, old scheme: E1 avg 5, 2 visits → 100, no adjustments in that version.
    const sep = JSON.parse(readFileSync(join(out, '2026-09.json'), 'utf8'));
    expect(sep.employees.find((e: { id: string }) => e.id === 'E1')).toMatchObject({ base: 100, adjustment: 0, final: 100 });
  });

  it("names the scheme in the JSON, with its range and the file's sha256", () => {
    const sep = JSON.parse(readFileSync(join(out, '2026-09.json'), 'utf8'));
    expect(sep.scheme).toEqual({ file: OLD, title: 'Service scheme', effective: { from: null, to: '2026-09' }, sha256: sha(OLD) });
    expect(Object.keys(sep).slice(-2)).toEqual(['stats', 'scheme']);
    expect(JSON.parse(readFileSync(join(out, '2026-10.json'), 'utf8')).scheme.sha256).toBe(sha(NEW));
  });

  it("names the scheme on the workbook's Summary and on every scorecard, with the hash prefix", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(out, '2026-10.xlsx')) as unknown as ArrayBuffer);
    const line = `Scheme: Service scheme (from 2026-10) · sha256 ${sha(NEW).slice(0, 12)}`;
    expect(workbook.getWorksheet('Summary')!.getCell('A3').value).toBe(line);
    const cards = workbook.worksheets.filter((ws) => /^E\d/.test(ws.name));
    expect(cards).toHaveLength(4);
    for (const card of cards) {
      const texts: unknown[] = [];
      card.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
      expect(texts, card.name).toContain(line);
      expect(card.headerFooter.oddFooter).toContain(`sha256 ${sha(NEW).slice(0, 12)}`);
    }
  });
});

describe('kpi score with several versions', () => {
  const [latest, compare, older] = runKpiMany([
    { args: ['score', ...LEDGERS, '-c', 'schemes/*.yaml', '--format', 'json'], cwd: FIXTURE },
    { args: ['score', ...LEDGERS, '-c', `${OLD},${NEW}`, '-p', '2026-10', '--compare', '2026-09', '--format', 'json'], cwd: FIXTURE },
    { args: ['score', ...LEDGERS, '-c', OLD, '-c', NEW, '-p', '2026-09', '--format', 'json'], cwd: FIXTURE },
  ]);

  it('without -p scores the period of the latest row with the version in force for it', () => {
    expect(latest.status).toBe(0);
    expect(JSON.parse(latest.stdout)).toMatchObject({ period: '2026-11', config: NEW });
  });

  it('-p picks the version in force for the period (-c repeated)', () => {
    expect(JSON.parse(older.stdout)).toMatchObject({ period: '2026-09', config: OLD, scheme: { file: OLD } });
  });

  it('--compare across a change scores the earlier period with its own version and says so', () => {
    expect(compare.status).toBe(0);
    const doc = JSON.parse(compare.stdout);
    // E1 in September under the old scheme: 100, first.
    expect(doc.employees.find((e: { id: string }) => e.id === 'E1').previous).toEqual({ final: 100, rank: 1, config: OLD });
    expect(compare.stderr).toContain(`2026-09 was scored under ${OLD}, not ${NEW}`);
  });
});

describe('versions that overlap, leave a gap, or do not cover a period', () => {
  it('two versions in force for the same months: exit 1 naming both files (score and validate)', () => {
    const dir = withRanges('{ to: 2026-10 }', '{ from: 2026-10 }');
    const [score, validate] = runKpiMany([
      { args: ['score', ...LEDGERS, '-c', 'schemes/'], cwd: dir },
      { args: ['validate', '-c', 'schemes/'], cwd: dir },
    ]);
    expect(score.status).toBe(1);
    expect(score.stderr).toContain(`${OLD} (up to 2026-10) and ${NEW} (from 2026-10) are both in force for the same periods`);
    expect(validate.status).toBe(1);
    expect(validate.stdout).toContain(`${OLD} (up to 2026-10) and ${NEW} (from 2026-10) are both in force`);
  });

  it('a gap between versions is a warning of validate, and a period in it has no scheme (exit 1)', () => {
    const dir = withRanges('{ to: 2026-08 }', '{ from: 2026-10 }');
    const [validate, score, batch] = runKpiMany([
      { args: ['validate', '-c', 'schemes/', '--format', 'json'], cwd: dir },
      { args: ['score', ...LEDGERS, '-c', 'schemes/', '-p', '2026-09'], cwd: dir },
      { args: ['batch', ...LEDGERS, '-c', 'schemes/', '--periods', '2026-08..2026-10', '--out-dir', 'out'], cwd: dir },
    ]);
    expect(validate.status).toBe(0);
    const doc = JSON.parse(validate.stdout);
    expect(doc.config.warnings).toEqual([`no scheme is in force for 2026-09, between ${OLD} and ${NEW}`]);
    expect(doc.versions.map((v: { file: string; effective: unknown }) => [v.file, v.effective])).toEqual([[NEW, { from: '2026-10', to: null }], [OLD, { from: null, to: '2026-08' }]]);
    expect(score.status).toBe(1);
    expect(score.stderr).toContain(`2026-09: no scheme is in force (the schemes cover ${OLD} (up to 2026-08), ${NEW} (from 2026-10))`);
    expect(batch.status).toBe(1);
    expect(batch.stderr).toContain('2026-09: no scheme is in force');
  });

  it('a quarter that straddles a change is under two versions: exit 1 naming both', () => {
    const run = runKpi(['score', ...LEDGERS, '-c', 'schemes/', '-p', '2026-Q4'], { cwd: withRanges('{ to: 2026-10 }', '{ from: 2026-11 }') });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`2026-Q4: two schemes are in force, ${OLD} and ${NEW}`);
  });
});

describe('kpi calibrate --from', () => {
  it('prints the next version with effective: { from } and says which version to close', () => {
    const run = runKpi(['calibrate', ...LEDGERS, '-c', 'schemes/', '--format', 'yaml', '--from', '2027-01'], { cwd: FIXTURE });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^title: Service scheme\neffective: \{ from: 2027-01 \}\n/m);
    expect(run.stderr).toContain(`set "effective: { …, to: 2026-12 }" in ${NEW}`);
    const dir = mkdtempSync(join(tmpdir(), 'kpi-calibrate-from-'));
    writeFileSync(join(dir, 'next.yaml'), run.stdout);
    const check = runKpi(['validate', '-c', join(dir, 'next.yaml'), '--format', 'json']);
    expect(JSON.parse(check.stdout).config.valid).toBe(true);
  });
});
