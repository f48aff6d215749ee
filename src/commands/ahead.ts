/**
 * What the CLI runs before it loads a command that reads ledgers (score, batch, validate,
 * calibrate): the large text ledgers on the command line start being read
 * (src/read/ahead.ts) while the command, the config and the engine load. Quiet by design: a mistake in the flags or the file names is reported
 * where it always is, in its turn.
 */
import { limitsFrom } from '../limits.js';
import { dropLedgersAhead, readLedgersAhead } from '../read/ahead.js';
import { expandLedgerArgs } from '../read/sources.js';
import type { ReadingFlags } from './reading.js';

export type AheadFlags = Pick<ReadingFlags, 'encoding' | 'delimiter' | 'limit'>;

export function readAhead(ledgerArgs: readonly string[], flags: AheadFlags): void {
  try {
    readLedgersAhead(expandLedgerArgs([...ledgerArgs]), { encoding: flags.encoding, delimiter: flags.delimiter }, limitsFrom(flags.limit ?? []));
  } catch {
    // Reported later, in its place.
  }
}

/** Runs a command that reads ledgers (started ahead by the CLI, or not): what it did not
 *  take of the reading started ahead is stopped when it ends, however it ends. */
export async function withLedgersAhead<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } finally {
    dropLedgersAhead();
  }
}
