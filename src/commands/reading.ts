/**
 * The flags every command that reads ledgers takes (src/cli.ts `readingOptions`), and the
 * reader's options they become — said once, not in each command.
 */
import type { Scheme } from '../core/types.js';
import { limitsFrom } from '../limits.js';
import type { OpenOptions } from '../read/open.js';
import { parseSourceOverrides } from '../read/sources.js';

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

