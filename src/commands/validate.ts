/**
 * `kpi validate [ledgers...]` (SPEC §7): check the config — and the ledgers, if given —
 * without scoring, and report every problem at once with its place. Exit 0 when valid
 * (warnings allowed), 1 when the config is invalid, 2 when a ledger is.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { checkConfigText, type ConfigCheck } from '../config/load.js';
import { expandConfigArgs, gapsOf, latestVersion, overlapsOf, overlapText, type SchemeVersion } from '../config/versions.js';
import type { Problem } from '../errors.js';
import { schemeText } from '../messages/schemes.js';
import { resolvePeople } from '../core/people.js';
import { periodContaining, type Period } from '../core/period.js';
import type { Scheme } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { closeLedgers, readLedgers } from '../read/ingest.js';
import { expandLedgerArgs } from '../read/sources.js';
import { withLedgersAhead } from './ahead.js';
import { openOptions, type ReadingFlags } from './reading.js';
import { limitsFrom } from '../limits.js';
import { formatDayNumber } from '../read/cells.js';
import { renderValidation, type Validation } from '../render/validation.js';
import type { Io } from './io.js';

export interface ValidateOptions extends ReadingFlags {
  /** -c values: files, comma lists, folders or globs (SPEC §12). */
  config: string | string[];
  format?: string;
  color: boolean;
  /** Print the query of each database source (SPEC §14). */
  showSql?: boolean;
}

/** Every row, whatever its date: validate type-checks all of them. */
const ALL_TIME: Period = { key: 'all', unit: 'year', start: -Infinity, end: Infinity };

function readConfig(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KpiError(`cannot read the config ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, EXIT.usage, 'pass the config with -c FILE, or run "kpi init" to create kpi.yaml');
  }
}

/** The SQL each database source runs for the whole history, with its parameters. */
async function showSql(scheme: Scheme, options: ValidateOptions): Promise<string> {
  const { prepareSqlSource } = await import('../read/sql/read.js');
  const parts: string[] = [];
  for (const source of scheme.sources.filter((s) => s.sql)) {
    const { connection, query } = await prepareSqlSource(source, scheme, { period: null, unit: scheme.period, timeoutSeconds: limitsFrom(options.limit ?? []).querySeconds });
    await connection.close();
    const params = query.params.map((p, i) => `--   $${i + 1} = ${JSON.stringify(p)}`).join('\n');
    parts.push(`-- source ${source.id} (${connection.engine}, ${connection.host})\n${query.sql};\n${params ? `-- parameters:\n${params}\n` : ''}`);
  }
  return `${parts.join('\n')}\n`;
}

async function checkLedgers(scheme: Scheme, args: string[], options: ValidateOptions): Promise<NonNullable<Validation['ledgers']>> {
  const fileErrors: { file: string; error: string }[] = [];
  let files: string[] = [];
  try {
    files = args.length === 0 ? [] : expandLedgerArgs(args);
  } catch (error) {
    if (!(error instanceof KpiError)) throw error;
    fileErrors.push({ file: args.join(' '), error: error.message });
  }
  const read = await readLedgers(files, scheme, {
    period: ALL_TIME, ...openOptions(scheme, options),
    onFileError: (file, error) => fileErrors.push({ file, error: error.hint ? `${error.message} (${error.hint})` : error.message }),
  });
  const ingested = closeLedgers(read);
  const people = resolvePeople(scheme, ingested.roster, ingested.book.seen);
  // A roster role that matches no role: the person could not be scored (SPEC §2).
  const roleProblems = (ingested.roster ?? []).flatMap((entry) => {
    const person = people.people.find((p) => p.id === entry.id && p.inRoster);
    return person?.error ? [`${entry.origin.file}${entry.origin.sheet ? ` [${entry.origin.sheet}]` : ''} row ${entry.origin.row}: ${person.error}`] : [];
  });
  const latest = ingested.book.latestDate;
  const period = latest === null ? null : periodContaining(latest, scheme.period);
  return {
    files: files.map((file) => ({ file, error: fileErrors.find((e) => e.file === file)?.error ?? null })),
    errors: [...fileErrors.filter((e) => !files.includes(e.file)).map((e) => e.error), ...roleProblems],
    sources: scheme.sources.map((s) => {
      const stats = read.sources.get(s.id);
      return {
        id: s.id, rows: stats?.rows ?? 0,
        from: stats?.firstDate == null ? null : formatDayNumber(Math.floor(stats.firstDate)),
        to: stats?.lastDate == null ? null : formatDayNumber(Math.floor(stats.lastDate)),
      };
    }),
    people: people.people.length,
    notInRoster: people.notInRoster,
    rejected: ingested.book.rejected.map(({ file, sheet, row, column, value, reason }) => ({ file, sheet, row, column, value, reason })),
    warnings: ingested.warnings,
    period: period?.key ?? null,
  };
}

/**
 * Every scheme file `-c` names, and — with several versions (SPEC §12) — the versions
 * against each other: two in force at once is a problem, a gap between two a warning. The
 * ledgers, if given, are checked with the latest valid version.
 */
function checkVersions(config: string | string[]): { check: ConfigCheck; validation: Validation } {
  const files = expandConfigArgs(config);
  const checks = files.map((file) => {
    const text = readConfig(file);
    // Where a version's range is written, for the overlap problem's place.
    const line = text.slice(0, Math.max(0, text.search(/^effective:/m))).split('\n').length;
    return { file, line, check: checkConfigText(text, file), sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
  });
  if (checks.length === 1) {
    const [{ file, check }] = checks;
    return { check, validation: { config: { file, valid: check.scheme !== null, problems: check.problems, warnings: check.warnings }, ledgers: null, valid: false } };
  }
  const loaded: SchemeVersion[] = checks.flatMap(({ file, check, sha256 }) => (check.scheme ? [{ file, scheme: check.scheme, warnings: check.warnings, sha256 }] : []));
  const lineOf = (file: string) => checks.find((c) => c.file === file)!.line;
  const overlaps: Problem[] = overlapsOf(loaded).map((pair) => ({ where: `${pair[0].file}:${lineOf(pair[0].file)}:1`, message: overlapText(pair).en, hint: schemeText.overlapHint({ a: pair[0].file }).en }));
  const problems = [...checks.flatMap((c) => c.check.problems), ...overlaps];
  const warnings = [...checks.flatMap((c) => c.check.warnings.map((w) => `${c.file}: ${w}`)), ...gapsOf(loaded).map((g) => g.en)];
  const latest = loaded.length ? latestVersion(loaded) : null;
  const validation: Validation = {
    config: { file: files.join(', '), valid: problems.length === 0, problems, warnings },
    ledgers: null,
    valid: false,
    versions: checks.map(({ file, check, sha256 }) => ({
      file, valid: check.scheme !== null, title: check.scheme?.title ?? null, sha256,
      effective: check.scheme?.effective ? { from: check.scheme.effective.from, to: check.scheme.effective.to } : null,
    })),
  };
  return { check: { scheme: problems.length === 0 ? latest?.scheme ?? null : null, problems, warnings }, validation };
}

export async function validateCommand(ledgerArgs: string[], options: ValidateOptions, io: Io): Promise<number> {
  // The CLI has started reading the large text ledgers (src/commands/ahead.ts).
  return withLedgersAhead(() => validate(ledgerArgs, options, io));
}

async function validate(ledgerArgs: string[], options: ValidateOptions, io: Io): Promise<number> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new KpiError(`--format ${format} is not a format of kpi validate`, EXIT.usage, 'use --format text or --format json');
  const { check, validation } = checkVersions(options.config);
  // Database sources are checked whenever the config has them: connection, columns, query.
  const fromDatabase = check.scheme?.sources.some((s) => s.sql) ?? false;
  if (check.scheme && fromDatabase && options.showSql) io.out(await showSql(check.scheme, options));
  validation.ledgers = check.scheme && (ledgerArgs.length > 0 || fromDatabase) ? await checkLedgers(check.scheme, ledgerArgs, options) : null;
  const ledgersValid = !validation.ledgers || (validation.ledgers.rejected.length === 0 && validation.ledgers.errors.length === 0 && validation.ledgers.files.every((f) => f.error === null));
  validation.valid = validation.config.valid && ledgersValid;
  io.out(format === 'json' ? `${JSON.stringify(validation, null, 2)}\n` : renderValidation(validation, check.scheme, { color: options.color }));
  if (!validation.config.valid) return EXIT.usage;
  return ledgersValid ? EXIT.ok : EXIT.data;
}
