/**
 * The command line: the only file that knows commander and the only place that exits.
 * A KpiError becomes `kpi: error: …` plus a hint and its exit code; anything else is a bug
 * and says so, with the version and the stack, so it can be reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { Io } from './commands/io.js';
import { EXIT, KpiError } from './errors.js';
import { terminalLang } from './messages/lang.js';
import { say } from './messages/text.js';

/** kpi's version, from the package.json above this file: dist/cli.js or dist/bundle/cli.js. */
function readVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    const file = new URL(up, import.meta.url);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}
const VERSION = readVersion();
/** Exit code for an internal error (a bug in kpi, never the user's doing). */
const EXIT_BUG = 3;

const EXIT_HELP = `
Exit codes:
  0  success (warnings allowed)
  1  bad arguments or invalid config
  2  ledger data problems under --strict, unreadable or unsupported input, or nothing to score
  3  internal error (a bug in kpi: please report it)`;

const io: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

function useColor(flag: boolean): boolean {
  if (!flag || process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return Boolean(process.stdout.isTTY);
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Today for `--as-of today` and the "period not ended" note: KPI_TODAY (YYYY-MM-DD, for
 *  tests) or the computer's local date; and the terminal's language. */
function clock(): { today: string; lang: ReturnType<typeof terminalLang> } {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const today = process.env.KPI_TODAY || `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return { today, lang: terminalLang(undefined, process.env) };
}

/** -c: one scheme or its versions over time (SPEC §12). */
const CONFIG_HELP = 'the scheme (default kpi.yaml); versions: repeat -c, or give a,b, a folder or a glob';

/** The options every command that reads ledgers takes, said once. */
function readingOptions(command: Command): Command {
  return command
    .option('--encoding <name>', 'text encoding of CSV ledgers (default: detected)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected among , ; tab |)')
    .option('--source <id=path>', 'say which source a file feeds; repeatable', collect, [])
    .option('--limit <name=value>', 'raise a safety limit, e.g. --limit rows=100000000 (see docs/errors.md); repeatable', collect, [])
    .option('--no-color', 'no colours (also NO_COLOR)');
}

function buildProgram(): Command {
  const program = new Command('kpi')
    .description('Quantified performance scores from monthly work ledgers (工作台账) and a YAML scheme.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_HELP)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  readingOptions(program.command('score'))
    .description('score one period: print the ranking, write reports')
    .argument('[ledgers...]', 'ledger files (.xlsx, .csv, .tsv, .txt); globs allowed; none when every source is a database (sql:)')
    .option('-c, --config <file>', CONFIG_HELP, collect, [])
    .option('-p, --period <period>', 'period to score: 2026-11, 2026-Q4, 2026-H2, 2026 (default: that of the latest row date)')
    .addOption(new Option('--format <format>', 'what to print on stdout').choices(['table', 'json']))
    .option('-o, --out <file>', 'write a report; the extension picks the format (.xlsx, .json, .csv, .html); repeatable', collect, [])
    .addOption(new Option('--split <by>', 'one workbook per employee or team (with --out-dir)').choices(['employee', 'team']))
    .option('--out-dir <dir>', 'folder for --split workbooks')
    .option('--compare <period>', 'score an earlier period too and show each change (same kind of period)')
    .option('--as-of <date>', 'the period in progress: score it from the rows up to DATE (YYYY-MM-DD or today), projected to its end')
    .option('--explain <id>', "take one person's score apart (or 'all'); repeatable", collect, [])
    .option('--strict', 'exit 2 if any row is rejected or anyone is missing from the roster', false)
    .option('-q, --quiet', 'print only the data', false)
    .addHelpText('after', EXIT_HELP)
    .action(async (ledgers: string[], opts) => {
      // Commands load on demand, so `kpi --version` does not pay for zod, yaml or csv-parse;
      // large CSV ledgers start being read first, while the command loads.
      (await import('./commands/ahead.js')).readAhead(ledgers, opts);
      const { scoreCommand } = await import('./commands/score.js');
      process.exitCode = await scoreCommand(ledgers, { ...opts, color: useColor(opts.color), ...clock() }, io);
    });
  readingOptions(program.command('validate'))
    .description('check the config (and, if given, the ledgers) without scoring')
    .argument('[ledgers...]', 'ledger files to check as well; globs allowed')
    .option('-c, --config <file>', CONFIG_HELP, collect, [])
    .addOption(new Option('--format <format>', 'output').choices(['text', 'json']))
    .option('--show-sql', 'print the query each database source (sql:) would run', false)
    .addHelpText('after', EXIT_HELP)
    .action(async (ledgers: string[], opts) => {
      (await import('./commands/ahead.js')).readAhead(ledgers, opts);
      const { validateCommand } = await import('./commands/validate.js');
      process.exitCode = await validateCommand(ledgers, { ...opts, color: useColor(opts.color) }, io);
    });

  readingOptions(program.command('batch'))
    .description('score many periods (and teams) in one run, for CI and cron')
    .argument('[ledgers...]', 'ledger files; each is read once for all periods; none when every source is a database (sql:)')
    .option('-c, --config <file>', CONFIG_HELP, collect, [])
    .option('--periods <range>', 'periods to score: 2026-01..2026-11, 2026-Q1..2026-Q4, or one period')
    .addOption(new Option('--by <what>', 'one run per team as well').choices(['team']))
    .option('--out-dir <dir>', 'folder for <period>[-<team>].xlsx and index.json')
    .option('--json', 'also write <period>[-<team>].json (the document of kpi score --format json)', false)
    .option('--html', 'also write <period>[-<team>].html and index.html: the trend over the periods', false)
    .option('--strict', 'a run with rejected rows or people missing from the roster fails', false)
    .option('-q, --quiet', 'no summary on stderr', false)
    // Not a batch option (SPEC §11): accepted only to say so in a sentence, not commander's.
    .addOption(new Option('--as-of <date>').hideHelp())
    .addHelpText('after', EXIT_HELP)
    .action(async (ledgers: string[], opts) => {
      (await import('./commands/ahead.js')).readAhead(ledgers, opts);
      const { batchCommand } = await import('./commands/batch.js');
      process.exitCode = await batchCommand(ledgers, { ...opts, progress: Boolean(process.stderr.isTTY) && !opts.quiet }, io);
    });

  readingOptions(program.command('calibrate'))
    .description('suggest standards from historical results (experience values)')
    .argument('<history...>', 'ledger files of past periods; globs allowed')
    .option('-c, --config <file>', CONFIG_HELP, collect, [])
    .option('--periods <range>', 'periods to learn from, e.g. 2026-01..2026-10 (default: every period in the files)')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'yaml', 'json']))
    .option('--from <period>', 'with --format yaml: the new version is in force from this period (effective: { from })')
    .addHelpText('after', EXIT_HELP)
    .action(async (history: string[], opts) => {
      (await import('./commands/ahead.js')).readAhead(history, opts);
      const { calibrateCommand } = await import('./commands/calibrate.js');
      process.exitCode = await calibrateCommand(history, { ...opts, color: useColor(opts.color) }, io);
    });

  program
    .command('scheme')
    .description('print the scheme in force as the document HR publishes; --diff: what changed between versions')
    .argument('[files...]', 'with --diff: OLD NEW scheme files; otherwise the scheme (like -c)')
    .option('-c, --config <file>', CONFIG_HELP, collect, [])
    .option('-p, --period <period>', 'the version in force for this period (default: the latest version)')
    .option('--role <role>', 'only this role (id or label)')
    .addOption(new Option('--format <format>', 'what to print on stdout').choices(['text', 'markdown', 'json']))
    .option('-o, --out <file>', 'write the document: .md, .xlsx (one A4 sheet per role to sign) or .json; repeatable', collect, [])
    .option('--diff', 'list what changed between two versions (OLD NEW, or every consecutive pair of -c)', false)
    .option('-q, --quiet', 'say nothing about files written', false)
    .addHelpText('after', EXIT_HELP)
    .action(async (files: string[], opts) => {
      const { schemeCommand } = await import('./commands/scheme.js');
      process.exitCode = await schemeCommand(files, opts, io);
    });

  program
    .command('init')
    .description('write an example kpi.yaml and a sample ledger.xlsx that score at once')
    .argument('[dir]', 'folder to write them into', '.')
    .addOption(new Option('--locale <locale>', 'language of the scheme and ledger').choices(['zh-CN', 'en']).default('zh-CN'))
    .option('--force', 'overwrite kpi.yaml and ledger.xlsx if they exist', false)
    .addHelpText('after', EXIT_HELP)
    .action(async (dir: string, opts) => {
      const { initCommand } = await import('./commands/init.js');
      process.exitCode = await initCommand(dir, opts, io);
    });
  return program;
}

function report(error: unknown): number {
  if (error instanceof KpiError) {
    const lang = terminalLang(undefined, process.env);
    io.err(`kpi: error: ${say(error.text, lang)}\n`);
    for (const line of error.details) io.err(`  ${say(line, lang)}\n`);
    if (error.hint) io.err(`hint: ${say(error.hint, lang)}\n`);
    return error.exitCode;
  }
  if (error instanceof CommanderError) {
    // Commander has printed its own message already; help and version are success.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  io.err(`kpi: internal error (kpi ${VERSION}, node ${process.version}). This is a bug; please report it with the lines below.\n`);
  io.err(`${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT_BUG;
}

// `kpi … | head`: a closed pipe is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}
