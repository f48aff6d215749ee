/**
 * End-to-end tests spawn bin/kpi.js, which runs the bundle built from dist/ (npm run build:
 * tsc, then scripts/bundle.js): build it once before the suite so the tests never run
 * against stale output.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  // A child run (test/read/timezones.test.ts) reuses the parent's fresh build.
  if (process.env.KPI_TZ_CHILD) return;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.js'], { stdio: 'inherit' });
}
