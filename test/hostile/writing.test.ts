/**
 * Where reports go (RELIABILITY §9 cases 45, 46, 48): never over an input, however its
 * path is spelled; into folders that are made when missing; and atomically — a run killed
 * while a workbook is half written leaves the old report whole, and the next run removes
 * the temporary file it left. The kill is made deterministic by ./slow-disk.mjs, which
 * slows the writes of kpi's temporary files in the killed process.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { KPI } from '../e2e/run-cli.js';
import { checkWorkbook, expectError, HEADER, runKpi, runMany, workspace, type CliResult } from './kit.js';

describe('never over an input (cases 45, 48)', () => {
  const dir = workspace({ 'services.csv': `${HEADER}E1,2026-11-01,5,x\n`, 'roster.csv': 'ID,Name,Role,Team\nE1,Chen,engineer,One\n' });
  mkdirSync(join(dir, 'sub'));
  symlinkSync(dir, join(dir, 'via-link'));
  symlinkSync(join(dir, 'services.csv'), join(dir, 'alias.csv'));
  linkSync(join(dir, 'roster.csv'), join(dir, 'hard.csv'));
  writeFileSync(join(dir, 'elsewhere.csv'), 'do not touch');
  symlinkSync(join(dir, 'elsewhere.csv'), join(dir, 'pointer.csv'));
  const before = Object.fromEntries(['services.csv', 'roster.csv', 'kpi.yaml'].map((f) => [f, readFileSync(join(dir, f))]));
  const score = (...out: string[]) => ({ args: ['score', 'services.csv', 'roster.csv', '-q', ...out.flatMap((o) => ['-o', o])], cwd: dir });
  let results: CliResult[];
  beforeAll(() => {
    results = runMany([
      score('services.csv'), score('./sub/../roster.csv'), score('via-link/services.csv'), score('alias.csv'), score('hard.csv'),
      score('new/deeper/report.csv'), score('services.csv/report.xlsx'), score('sub'), score('pointer.csv'),
    ]);
  });

  it.each([
    [0, 'services.csv'], [1, './sub/../roster.csv'], [2, 'via-link/services.csv'], [3, 'alias.csv'], [4, 'hard.csv'],
  ])('-o %#: %s names an input (however spelled, symlinked or hard-linked): refused, exit 1, inputs untouched', (i, out) => {
    expectError(results[i], 1, `kpi: error: -o ${out} is one of the input files; refusing to overwrite it`, 'choose another output file name');
    for (const [f, bytes] of Object.entries(before)) expect(readFileSync(join(dir, f)).equals(bytes), f).toBe(true);
  });

  it('a missing folder is made', () => {
    expect(results[5].status).toBe(0);
    expect(readFileSync(join(dir, 'new/deeper/report.csv'), 'utf8')).toMatch(/^\uFEFFid,name,role,team/);
  });

  it('a folder that cannot be made, and a folder in the way: exit 2, nothing written', () => {
    expectError(results[6], 2, `kpi: error: cannot create the folder ${join(dir, 'services.csv')}: EEXIST: file already exists, mkdir '${join(dir, 'services.csv')}'`);
    expectError(results[7], 1, 'kpi: error: -o sub: cannot tell the format from the extension', 'use a file ending in .xlsx, .json, .csv or .html');
  });

  it('a symlink as the report path is replaced by the report; the file it pointed to is untouched (documented)', () => {
    expect(results[8].status).toBe(0);
    expect(readFileSync(join(dir, 'elsewhere.csv'), 'utf8')).toBe('do not touch');
    expect(readFileSync(join(dir, 'pointer.csv'), 'utf8')).toMatch(/^\uFEFFid,name/);
  });
});

describe('an interrupted write (case 46)', () => {
  const SLOW_DISK = pathToFileURL(join(import.meta.dirname, 'slow-disk.mjs')).href;

  it('SIGKILL while the workbook is half written: the old report stays whole; the next run removes the leftover', async () => {
    const dir = workspace({ 'services.csv': `${HEADER}E1,2026-11-01,5,x\n` });
    const report = join(dir, 'report.xlsx');
    expect(runKpi(['score', 'services.csv', '-q', '-o', 'report.xlsx'], { cwd: dir }).status).toBe(0);
    const old = readFileSync(report); // the report of an earlier run, on other rows
    writeFileSync(join(dir, 'services.csv'), `${HEADER}E1,2026-11-01,5,x\nE2,2026-11-02,6,y\n`);
    const temps = () => readdirSync(dir).filter((f) => f.endsWith('.kpi-tmp'));

    const child = spawn(process.execPath, ['--import', SLOW_DISK, KPI, 'score', 'services.csv', '-q', '-o', 'report.xlsx'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
    const exited = once(child, 'exit');
    let partial = 0;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && partial === 0;) {
      const temp = temps()[0];
      partial = temp ? statSync(join(dir, temp)).size : 0;
      if (partial === 0) await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(old.length);
    expect(readFileSync(report).equals(old)).toBe(true);
    await checkWorkbook(report);
    expect(temps()).toHaveLength(1); // SIGKILL gives no chance to clean up …

    const again = runKpi(['score', 'services.csv', '-q', '-o', 'report.xlsx'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(temps()).toEqual([]); // … the next run writing that report does
    expect(readFileSync(report).equals(old)).toBe(false);
    await checkWorkbook(report);
  });
});
