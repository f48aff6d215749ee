/**
 * Reading large text ledgers ahead of need: the commands that read ledgers start it as
 * soon as the command line is parsed (src/commands/ahead.ts), before the config and the
 * rest of kpi are even loaded, so that by the time the rows are wanted a worker
 * (./csv-threaded.ts) has split the first batches. Nothing is reported here: a file that
 * cannot be read is left to `openLedgerFile`, which says so in its turn. A ledger started
 * but never opened (the config was wrong) is dropped when the command ends, and its
 * worker never keeps kpi running.
 *
 * Small on purpose: it is loaded before the reader, the config and the engine.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import type { CsvOptions } from './csv.js';
import { readCsvThreaded, readsThreaded } from './csv-threaded.js';
import type { RawTable } from './table.js';

export const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/** The options a text ledger is read with, from the reading flags and limits. */
export const csvOptionsOf = (options: CsvOptions, limits: Limits): CsvOptions => ({ encoding: options.encoding, delimiter: options.delimiter, maxRecordBytes: limits.lineBytes });

const sameOptions = (a: CsvOptions, b: CsvOptions): boolean => a.encoding === b.encoding && a.delimiter === b.delimiter && a.maxRecordBytes === b.maxRecordBytes;

/** Large text ledgers whose reading was started, by file. */
const ahead = new Map<string, { options: CsvOptions; table: RawTable }>();

/** Starts reading the large text ledgers among `files` in workers now. */
export function readLedgersAhead(files: readonly string[], options: CsvOptions, limits: Limits = DEFAULT_LIMITS): void {
  for (const file of files) {
    if (ahead.has(file) || !TEXT_EXTENSIONS.has(extname(file).toLowerCase())) continue;
    let size: number;
    try {
      const stats = statSync(file);
      if (!stats.isFile()) continue;
      size = stats.size;
    } catch {
      continue;
    }
    if (size === 0 || size > limits.inputBytes || !readsThreaded(size)) continue;
    const csvOptions = csvOptionsOf(options, limits);
    ahead.set(file, { options: csvOptions, table: readCsvThreaded(file, csvOptions) });
  }
}

/** The table started for `file` with these options, taken (once); else null. */
export function takeLedgerAhead(file: string, options: CsvOptions): RawTable | null {
  const started = ahead.get(file);
  if (!started) return null;
  ahead.delete(file);
  if (sameOptions(started.options, options)) return started.table;
  started.table.close?.();
  return null;
}

/** Stops the reading started and not taken (the run ended first). */
export function dropLedgersAhead(): void {
  for (const { table } of ahead.values()) table.close?.();
  ahead.clear();
}
