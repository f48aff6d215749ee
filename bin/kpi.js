#!/usr/bin/env node
// `kpi --version` answers before anything is loaded (issue 8: ≤ 0.15 s); everything else
// runs the bundled CLI (scripts/bundle.js), one file per command. A checkout that was never
// built (or whose node_modules is missing) gets one line saying what to run, not a stack.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  try {
    await import('../dist/bundle/cli.js');
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const root = fileURLToPath(new URL('..', import.meta.url));
    const unbuilt = String(error.message).includes('dist/bundle/cli.js') || String(error.message).includes('dist\\bundle\\cli.js');
    // The terminal's language, as the CLI picks it (SPEC §15), without loading the CLI.
    const flag = args.find((a, i) => a.startsWith('--lang=') || args[i - 1] === '--lang');
    const env = process.env;
    const chosen = (flag?.startsWith('--lang=') ? flag.slice(7) : flag) ?? env.KPI_LANG ?? [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v);
    const zh = /^zh/i.test(chosen ?? '');
    const line = unbuilt
      ? (zh ? `kpi: 错误: kpi 尚未构建（缺少 dist/bundle/cli.js）：请在 ${root} 中运行 npm ci（已装好依赖时运行 npm run build）` : `kpi: error: kpi is not built (dist/bundle/cli.js is missing): run npm ci in ${root} (or npm run build if its dependencies are installed)`)
      : (zh ? `kpi: 错误: 缺少依赖包（${String(error.message).split('\n')[0]}）：请在 ${root} 中运行 npm ci` : `kpi: error: a dependency is missing (${String(error.message).split('\n')[0]}): run npm ci in ${root}`);
    process.stderr.write(`${line}\n`);
    process.exitCode = 1;
  }
}
