/**
 * Large text ledgers are read on two threads (src/read/csv-threaded.ts): a worker splits
 * the file into records while the main thread types them. What a person sees must not
 * depend on it. Every command line here runs twice through the built CLI — with every CSV
 * read in a worker (KPI_THREADED_BYTES=0) and with none (a threshold no file reaches) —
 * and the two runs must agree byte for byte: stdout, stderr and exit code. The inputs are
 * the whole error catalogue (binary files, mixed encodings, unclosed quotes, records over
 * the limit …), the sample, and generated ledgers that span many of the reader's chunks:
 * quoted cells over lines, CRLF and lone CR, blank and bad rows, GBK, a UTF-8 BOM, UTF-16.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { KPI, ROOT, runKpiMany, type CliCase, type CliResult } from './run-cli.js';

const ALWAYS = { KPI_THREADED_BYTES: '0' };
const NEVER = { KPI_THREADED_BYTES: String(2 ** 50) };

const dir = mkdtempSync(join(tmpdir(), 'kpi-threaded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONFIG = `version: 1
title: Threaded
locale: en
sources:
  services:
    columns: { employee: 工号, name: 姓名, date: 服务日期, kind: 服务类型, satisfaction: 满意度, on_time: 是否及时, hours: 响应时长, note: 备注 }
    types: { satisfaction: number, on_time: boolean, hours: number }
metrics:
  visits: { source: services, agg: count }
  repairs: { source: services, agg: count, where: { kind: 上门维修 } }
  satisfaction: { source: services, agg: avg, field: satisfaction }
  on_time_rate: { source: services, agg: ratio, hit: { on_time: true } }
  hours_total: { source: services, agg: sum, field: hours }
  hours_p90: { source: services, agg: percentile, p: 90, field: hours }
dimensions:
  service:
    indicators:
      - { metric: satisfaction, weight: 50, standard: { method: linear, zero: 3, target: 5 } }
      - { metric: on_time_rate, weight: 50, standard: { method: linear, zero: 50%, target: 100% } }
  output:
    indicators:
      - { metric: visits, weight: 60, standard: { method: ratio, target: 40 } }
      - { metric: hours_total, weight: 40, standard: { method: ratio, target: 100, better: lower } }
roles:
  engineer: { weights: { service: 60, output: 40 } }
grades:
  - { grade: A, min: 90, max_share: 20% }
  - { grade: B, min: 75 }
  - { grade: C }
`;
const HEADER = '工号,姓名,服务日期,服务类型,满意度,是否及时,响应时长,备注';
const KINDS = ['上门维修', '电话支持', '预防性维护'];

/** A seeded ledger of `rows` rows (two months), with an odd row every so often. */
function ledger(rows: number, lineBreak: string): string {
  let s = 7;
  const random = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const id = `E${String(1 + Math.floor(random() * 300)).padStart(3, '0')}`;
    const day = `2026-${random() < 0.2 ? '10' : '11'}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const cells = [id, `员工${id}`, day, KINDS[Math.floor(random() * 3)], String(1 + Math.floor(random() * 5)), random() < 0.9 ? '是' : '否', (random() * 8).toFixed(1), ''];
    const odd = random();
    if (odd < 0.01) cells[7] = '"备注, 带逗号"';
    else if (odd < 0.015) cells[7] = '"两行\n的备注"';
    else if (odd < 0.02) cells[4] = 'n/a';
    else if (odd < 0.025) cells[0] = '';
    else if (odd < 0.03) cells.push('多出来的');
    lines.push(odd > 0.03 && odd < 0.035 ? '' : cells.join(','));
  }
  return lines.join(lineBreak) + lineBreak;
}

function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const config = write('kpi.yaml', CONFIG);
const big = ledger(30_000, '\n');
const score = (file: string, ...more: string[]): CliCase => ({ args: ['score', file, '-c', config, '--format', 'json', ...more], cwd: ROOT });

const generated: [string, CliCase][] = [
  ['LF, many chunks', score(write('lf.csv', big))],
  ['CRLF', score(write('crlf.csv', ledger(20_000, '\r\n')))],
  ['lone CR', score(write('cr.csv', ledger(5_000, '\r')))],
  ['UTF-8 with a BOM', score(write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(big)])))],
  ['GBK', score(write('gbk.csv', iconv.encode(big, 'gbk')))],
  ['UTF-16LE with a BOM', score(write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(ledger(3_000, '\n'), 'utf-16le')])))],
  ['--encoding utf-8 given', score(write('given.csv', big), '--encoding', 'utf-8')],
  ['semicolons', score(write('semicolon.csv', big.replaceAll(',', ';')))],
  ['a quote left open near the end', score(write('open-quote.csv', `${big}E001,x,2026-11-02,"上门维修,5,是,1.0,\n`))],
  ['a record over --limit line-bytes', score(write('long.csv', big), '--limit', 'line-bytes=60')],
  ['--period 2026-10 and the CSV report', { args: ['score', join(dir, 'lf.csv'), '-c', config, '-p', '2026-10', '--format', 'csv'], cwd: ROOT }],
  ['validate', { args: ['validate', join(dir, 'lf.csv'), '-c', config], cwd: ROOT }],
];

const catalogue = readdirSync(join(ROOT, 'fixtures', 'errors')).sort().map((name): [string, CliCase] => {
  const { args } = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'errors', name, 'expected.json'), 'utf8')) as { args: string[] };
  return [`fixtures/errors/${name}`, { args, cwd: join(ROOT, 'fixtures', 'errors', name) }];
});

const sampleDir = join(ROOT, 'fixtures', 'sample');
const sample: [string, CliCase] = ['the sample', {
  args: ['score', ...readdirSync(sampleDir).filter((f) => f.endsWith('.csv')), '-c', 'kpi.yaml', '--format', 'json'], cwd: sampleDir,
}];

const all = [...generated, sample, ...catalogue];

describe('a text ledger read in a worker reads as one read in this thread', () => {
  let threaded: CliResult[];
  let inline: CliResult[];
  const runs = () => {
    threaded ??= runKpiMany(all.map(([, c]) => c), ALWAYS);
    inline ??= runKpiMany(all.map(([, c]) => c), NEVER);
  };

  it('the generated ledgers are scored, with rows rejected and out of period (the test reads something)', () => {
    runs();
    const lf = JSON.parse(inline[0].stdout) as { stats: { rows: number; rejected: number; rowsOutOfPeriod: number } };
    expect(lf.stats.rows).toBeGreaterThan(25_000);
    expect(lf.stats.rejected).toBeGreaterThan(100);
    expect(lf.stats.rowsOutOfPeriod).toBeGreaterThan(4_000);
    expect(big.length).toBeGreaterThan(3 * 256 * 1024); // several of the reader's chunks
    // It runs every case twice (the error catalogue grows): on a busy machine that is slow.
  }, 120_000);

  it.each(all.map(([name], i) => [name, i] as const))('%s', (_name, i) => {
    runs();
    expect(threaded[i].status).toBe(inline[i].status);
    expect(threaded[i].stderr).toBe(inline[i].stderr);
    expect(threaded[i].stdout).toBe(inline[i].stdout);
  });
});

describe('reading started ahead of the config', () => {
  it('a run that stops before its rows are read (a config error) ends at once: the worker does not keep it alive', () => {
    const run = spawnSync(process.execPath, [KPI, 'score', join(dir, 'lf.csv'), '-c', join(ROOT, 'fixtures', 'errors', 'config-alias-bomb', 'kpi.yaml')], {
      encoding: 'utf8', env: { ...process.env, ...ALWAYS, NO_COLOR: '1' }, timeout: 30_000,
    });
    expect(run.signal).toBeNull(); // not killed by the timeout
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('alias bomb');
  });
});
