/**
 * Bundles the CLI into dist/bundle/ (run by `npm run build`, after tsc has type-checked
 * and compiled src/ to dist/). Why: Node spends most of a small run resolving and loading
 * ~150 modules (kpi's own, zod's, yaml's); one file per command loads in a fraction of that
 * (issue 8: `kpi score` on the sample ≤ 0.5 s). Commands stay separate chunks, so a run
 * loads only its own; exceljs stays outside the bundle and is still loaded only when a
 * workbook is written. The workbook reader's worker is an entry of its own, beside the chunk
 * that starts it.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry a hash: without a clean start, every build would leave the last one's.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts', 'xlsx-worker': 'src/read/xlsx-worker.ts', 'csv-worker': 'src/read/csv-worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ECharts (the HTML report's charts) is loaded only when a page is written, from node_modules;
  // the database drivers (pg, DuckDB) only when a config has a sql: source.
  external: ['exceljs', 'echarts', 'pg', '@duckdb/node-api'],
  // CommonJS dependencies (cli-table3, iconv-lite, yauzl) call require() for Node's own
  // modules; an ES module bundle has no require of its own.
  banner: { js: "import { createRequire as __kpiRequire } from 'node:module'; const require = __kpiRequire(import.meta.url);" },
  // Chunks beside the entries: the worker is found next to the chunk that starts it.
  chunkNames: '[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
