#!/usr/bin/env node
// `kpi --version` answers before anything is loaded (issue 8: ≤ 0.15 s); everything else
// runs the bundled CLI (scripts/bundle.js), one file per command.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await import('../dist/bundle/cli.js');
}
