/**
 * The flags every command that reads ledgers takes (src/cli.ts `readingOptions`), and the
 * reader's options they become — said once, not in each command.
 */
import type { Scheme } from '../core/types.js';
import { limitsFrom } from '../limits.js';
import { dropLedgersAhead, readLedgersAhead, type OpenOptions } from '../read/open.js';
import { expandLedgerArgs, parseSourceOverrides } from '../read/sources.js';

export interface ReadingFlags {
  encoding?: string;
  delimiter?: string;
  source: string[];
  /** --limit name=value, repeatable (src/limits.ts). */
  limit?: string[];
}

export function openOptions(scheme: Scheme, flags: ReadingFlags): OpenOptions {
  return {
    encoding: flags.encoding, delimiter: flags.delimiter,
    sourceOverrides: parseSourceOverrides(scheme, flags.source), limits: limitsFrom(flags.limit ?? []),
  };
}

/**
 * Starts reading the large text ledgers named on the command line before the config is
 * loaded (src/read/open.ts `readLedgersAhead`). Quiet by design: a mistake in the flags or
 * the file names is reported where it always is, after the config's.
 */
export function readAhead(ledgerArgs: readonly string[], flags: ReadingFlags): void {
  try {
    readLedgersAhead(expandLedgerArgs([...ledgerArgs]), { encoding: flags.encoding, delimiter: flags.delimiter }, limitsFrom(flags.limit ?? []));
  } catch {
    // Reported later, in its place.
  }
}

/** Runs a command that reads `ledgerArgs`, their reading started ahead (`readAhead`);
 *  what the command did not take is stopped when it ends, however it ends. */
export async function withLedgersAhead<T>(ledgerArgs: readonly string[], flags: ReadingFlags, command: () => Promise<T>): Promise<T> {
  readAhead(ledgerArgs, flags);
  try {
    return await command();
  } finally {
    dropLedgersAhead();
  }
}
