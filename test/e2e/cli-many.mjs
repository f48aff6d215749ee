/**
 * Runs several kpi command lines in one Node process, each exactly as bin/kpi.js runs one:
 * a fresh instance of dist/bundle/cli.js (its own argv, cwd, exit code, stdout and stderr), the
 * rest of kpi shared. A process costs ~0.5 s to start; the error catalogue and the
 * bad-input suite have dozens of command lines, so they run them in a few of these.
 * Cases come as JSON on stdin ([{args, cwd}]); results go out as JSON
 * ([{status, stdout, stderr}]) on fd 3, so nothing kpi prints can mix with them.
 */
import { readFileSync, writeSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = pathToFileURL(fileURLToPath(new URL('../../dist/bundle/cli.js', import.meta.url))).href;
const kpi = fileURLToPath(new URL('../../bin/kpi.js', import.meta.url));
const cases = JSON.parse(readFileSync(0, 'utf8'));
const write = { out: process.stdout.write, err: process.stderr.write };
process.stdout.setMaxListeners(0);

const results = [];
for (const [i, c] of cases.entries()) {
  const captured = { out: '', err: '' };
  const capture = (key) => (chunk, encoding, callback) => {
    captured[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) queueMicrotask(() => done());
    return true;
  };
  process.stdout.write = capture('out');
  process.stderr.write = capture('err');
  process.chdir(c.cwd);
  process.argv = [process.execPath, kpi, ...c.args];
  process.exitCode = undefined;
  try {
    await import(`${cli}?run=${i}`);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  results.push({ status: process.exitCode ?? 0, stdout: captured.out, stderr: captured.err });
}
process.exitCode = 0;
writeSync(3, JSON.stringify(results));
