/**
 * The streams a command writes to, passed in so commands never touch `process` and tests
 * can capture what a person would see. Data goes to `out`; messages to `err`.
 */
import type { Lang } from '../messages/text.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The terminal's language (SPEC §15: --lang, KPI_LANG, LANG…); English when not said. */
  lang?: Lang;
}

/** The language to speak to the person at the terminal. */
export function ioLang(io: Io): Lang {
  return io.lang ?? 'en';
}
