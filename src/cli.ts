/**
 * The command line: the only file that knows commander and the only place that exits.
 * A KpiError becomes `kpi: error: …` plus a hint and its exit code; anything else is a bug
 * and says so, with the version and the stack, so it can be reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError, Help, Option } from 'commander';
import type { Io } from './commands/io.js';
import { EXIT, KpiError } from './errors.js';
import { cliText as t } from './messages/cli.js';
import { commanderErrorZh, helpNotesZh, helpTitle } from './messages/commander.js';
import { terminalLang } from './messages/lang.js';
import { commonText } from './messages/common.js';
import { say, type Lang, type Text } from './messages/text.js';

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

const LANG_CHOICES = ['en', 'zh-CN'];

/**
 * The terminal's language, decided before the program is built so that `--help` and
 * commander's own messages are in it: `--lang` wherever it stands (before or after the
 * subcommand, `--lang zh-CN` or `--lang=zh-CN`), else the environment (SPEC §15). A value
 * that is not a language is left to commander, which reports it.
 */
function langOfArgv(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice('--lang='.length) : undefined;
    if (value !== undefined && LANG_CHOICES.includes(value)) found = value;
  }
  return found;
}
const LANG: Lang = terminalLang(langOfArgv(process.argv.slice(2)), process.env);
/** A message in the terminal's language. */
const tr = (text: Text | string): string => say(text, LANG);
const EXIT_HELP = tr(t.exitCodes());

const io: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  lang: LANG,
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
  return { today, lang: LANG };
}

/** -c: one scheme or its versions over time (SPEC §12). */
const CONFIG_HELP = 'the scheme (default kpi.yaml); versions: repeat -c, or give a,b, a folder or a glob';

/** The options every command that reads ledgers takes, said once. */
function readingOptions(command: Command): Command {
  return command
    .option('--encoding <name>', tr(t.encoding()))
    .option('--delimiter <char>', tr(t.delimiter()))
    .option('--source <id=path>', tr(t.source()), collect, [])
    .option('--limit <name=value>', tr(t.limit()), collect, [])
    .option('--no-color', tr(t.noColor()));
}

/** What every command shares: the --lang option (read already, see langOfArgv), help in
 *  the terminal's language, commander's errors in it too, and the exit codes. */
function common(command: Command): Command {
  return command
    .addOption(new Option('--lang <lang>', tr(t.lang())).choices(LANG_CHOICES))
    .helpOption('-h, --help', tr(t.help()))
    .configureHelp(LANG === 'en' ? {} : {
      styleTitle: helpTitle,
      // Commander's notes — (default: …), (choices: …) — before it wraps the lines.
      optionDescription: (option) => helpNotesZh(Help.prototype.optionDescription.call(new Help(), option)),
      argumentDescription: (argument) => helpNotesZh(Help.prototype.argumentDescription.call(new Help(), argument)),
      formatHelp: (cmd, helper) => Help.prototype.formatHelp.call(helper, cmd, helper).replace(/^用法： /, '用法：'),
    })
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(LANG === 'en' ? text : commanderErrorZh(text)),
    })
    .addHelpText('after', EXIT_HELP);
}

function buildProgram(): Command {
  const program = common(new Command('kpi'))
    .description(tr(t.programDescription()))
    .version(VERSION, '-V, --version', tr(t.version()))
    .helpCommand('help [command]', tr(t.helpCommand()))
    .showSuggestionAfterError(true)
    .exitOverride();
  // Subcommands are configured like the program (help, output, --lang) by common().
  const command = (name: string) => common(program.command(name)).exitOverride();

  readingOptions(command('score'))
    .description(tr(t.scoreDescription()))
    .argument('[ledgers...]', tr(t.scoreLedgers()))
    .option('-c, --config <file>', tr(t.config()), collect, [])
    .option('-p, --period <period>', tr(t.period()))
    .addOption(new Option('--format <format>', tr(t.scoreFormat())).choices(['table', 'json']))
    .option('-o, --out <file>', tr(t.out()), collect, [])
    .addOption(new Option('--split <by>', tr(t.split())).choices(['employee', 'team']))
    .option('--out-dir <dir>', tr(t.outDir()))
    .option('--compare <period>', tr(t.compare()))
    .option('--as-of <date>', tr(t.asOf()))
    .option('--explain <id>', tr(t.explain()), collect, [])
    .option('--strict', tr(t.strict()), false)
    .option('-q, --quiet', tr(t.quiet()), false)
    .action(async (ledgers: string[], opts) => {
      // Commands load on demand, so `kpi --version` does not pay for zod, yaml or csv-parse;
      // large CSV ledgers start being read first, while the command loads.
      (await import('./commands/ahead.js')).readAhead(ledgers, opts);
      const { scoreCommand } = await import('./commands/score.js');
      process.exitCode = await scoreCommand(ledgers, { ...opts, color: useColor(opts.color), ...clock() }, io);
    });
  readingOptions(command('validate'))
    .description(tr(t.validateDescription()))
    .argument('[ledgers...]', tr(t.validateLedgers()))
    .option('-c, --config <file>', tr(t.config()), collect, [])
    .addOption(new Option('--format <format>', tr(t.output())).choices(['text', 'json']))
    .option('--show-sql', tr(t.showSql()), false)
    .action(async (ledgers: string[], opts) => {
      (await import('./commands/ahead.js')).readAhead(ledgers, opts);
      const { validateCommand } = await import('./commands/validate.js');
      process.exitCode = await validateCommand(ledgers, { ...opts, color: useColor(opts.color) }, io);
    });

  readingOptions(command('batch'))
    .description(tr(t.batchDescription()))
    .argument('[ledgers...]', tr(t.batchLedgers()))
    .option('-c, --config <file>', tr(t.config()), collect, [])
    .option('--periods <range>', tr(t.batchPeriods()))
    .addOption(new Option('--by <what>', tr(t.batchBy())).choices(['team']))
    .option('--out-dir <dir>', tr(t.batchOutDir()))
    .option('--json', tr(t.batchJson()), false)
    .option('--html', tr(t.batchHtml()), false)
    .option('--strict', tr(t.batchStrict()), false)
    .option('-q, --quiet', tr(t.batchQuiet()), false)
    // Not a batch option (SPEC §11): accepted only to say so in a sentence, not commander's.
    .addOption(new Option('--as-of <date>').hideHelp())
    .action(async (ledgers: string[], opts) => {
      (await import('./commands/ahead.js')).readAhead(ledgers, opts);
      const { batchCommand } = await import('./commands/batch.js');
      process.exitCode = await batchCommand(ledgers, { ...opts, progress: Boolean(process.stderr.isTTY) && !opts.quiet }, io);
    });

  readingOptions(command('calibrate'))
    .description(tr(t.calibrateDescription()))
    .argument('<history...>', tr(t.calibrateHistory()))
    .option('-c, --config <file>', tr(t.config()), collect, [])
    .option('--periods <range>', tr(t.calibratePeriods()))
    .addOption(new Option('--format <format>', tr(t.output())).choices(['table', 'yaml', 'json']))
    .option('--from <period>', tr(t.calibrateFrom()))
    .action(async (history: string[], opts) => {
      (await import('./commands/ahead.js')).readAhead(history, opts);
      const { calibrateCommand } = await import('./commands/calibrate.js');
      process.exitCode = await calibrateCommand(history, { ...opts, color: useColor(opts.color) }, io);
    });

  command('scheme')
    .description(tr(t.schemeDescription()))
    .argument('[files...]', tr(t.schemeFiles()))
    .option('-c, --config <file>', tr(t.config()), collect, [])
    .option('-p, --period <period>', tr(t.schemePeriod()))
    .option('--role <role>', tr(t.schemeRole()))
    .addOption(new Option('--format <format>', tr(t.scoreFormat())).choices(['text', 'markdown', 'json']))
    .option('-o, --out <file>', tr(t.schemeOut()), collect, [])
    .option('--diff', tr(t.schemeDiff()), false)
    .option('-q, --quiet', tr(t.schemeQuiet()), false)
    .action(async (files: string[], opts) => {
      const { schemeCommand } = await import('./commands/scheme.js');
      process.exitCode = await schemeCommand(files, opts, io);
    });

  command('init')
    .description(tr(t.initDescription()))
    .argument('[dir]', tr(t.initDir()), '.')
    .addOption(new Option('--locale <locale>', tr(t.initLocale())).choices(['zh-CN', 'en']).default('zh-CN'))
    .option('--force', tr(t.initForce()), false)
    .action(async (dir: string, opts) => {
      const { initCommand } = await import('./commands/init.js');
      process.exitCode = await initCommand(dir, opts, io);
    });
  return program;
}

function report(error: unknown): number {
  if (error instanceof KpiError) {
    io.err(`${tr(commonText.errorPrefix())}${tr(error.text)}\n`);
    for (const line of error.details) io.err(`  ${tr(line)}\n`);
    if (error.hint) io.err(`${tr(commonText.hintPrefix())}${tr(error.hint)}\n`);
    return error.exitCode;
  }
  if (error instanceof CommanderError) {
    // Commander has printed its own message already; help and version are success.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  io.err(`${tr(t.internalError({ version: VERSION, node: process.version }))}\n`);
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
