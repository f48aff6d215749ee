/**
 * `npm run bench`: generates the inputs at run time, runs `kpi score` on them as a user
 * would (the built CLI, JSON output), and prints time and peak RSS. Not part of `npm test`.
 * Sizes can be set: `npm run bench -- 100000 1000000`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCsv } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench', 'out');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

/** Runs a command under /usr/bin/time; returns wall seconds and peak RSS in MB. */
function measure(args) {
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const argv = timed ? ['-f', '%e %M', process.execPath, ...args] : args;
  const started = process.hrtime.bigint();
  const run = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`kpi failed (${run.status}): ${run.stderr}`);
  const last = run.stderr.trim().split('\n').pop() ?? '';
  const rssMb = timed ? Number(last.split(' ')[1]) / 1024 : NaN;
  return { seconds, rssMb, stdout: run.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

mkdirSync(OUT, { recursive: true });
const rows = [];
for (const size of sizes.length ? sizes : [100_000, 300_000, 1_000_000]) {
  const dir = join(OUT, `csv-${size}`);
  const file = existsSync(join(dir, 'services.csv')) ? join(dir, 'services.csv') : await generateCsv(dir, size);
  const runs = [0, 1, 2].map(() => measure(['bin/kpi.js', 'score', file, '-c', join(dir, 'kpi.yaml'), '-p', '2026-11', '--format', 'json', '-q']));
  const doc = JSON.parse(runs[0].stdout);
  rows.push({
    input: `CSV ${size.toLocaleString('en')} rows (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB)`,
    seconds: median(runs.map((r) => r.seconds)).toFixed(2),
    rssMb: median(runs.map((r) => r.rssMb)).toFixed(0),
    people: doc.employees.length,
    rows: doc.stats.rows,
  });
}
const version = measure(['bin/kpi.js', '--version']);
rows.push({ input: 'kpi --version', seconds: version.seconds.toFixed(2), rssMb: version.rssMb.toFixed(0), people: '', rows: '' });
console.table(rows);
