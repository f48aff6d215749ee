/**
 * User-facing errors. A KpiError is something the person at month end can fix (a typo in
 * kpi.yaml, a missing column): it is printed as one line plus an optional hint, never with a
 * stack, and carries the documented exit code. Anything else that escapes is a bug.
 */
import { configText } from './messages/config.js';
import { bilingual, fromWire, joinText, toWire, type Text, type TextLike, type WireText } from './messages/text.js';

export const EXIT = {
  ok: 0,
  /** Bad arguments or an invalid config. */
  usage: 1,
  /** Ledger data problems under --strict, unreadable/unsupported input, or nothing to score. */
  data: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

// Escape sequences (CSI `ESC [ … m`; OSC `ESC ] … BEL`, whose text is dropped up to 256
// characters, so an unterminated one cannot swallow a whole message; other `ESC x`), C0
// and C1 controls, DEL, bidi overrides and isolates (they reorder what follows them on
// screen), and invisible characters that make two different ids look alike.
const ESCAPE_SEQUENCE = /\u001B(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001B]{0,256}(?:\u0007|\u001B\\)?|[@-_])?/g;
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text fit for a terminal line: what a ledger cell, header or file name carries is shown,
 * never obeyed. Escape sequences and controls are removed; tab, CR and LF (and the other
 * line breaks) become one space, so one message stays one line.
 */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(INVISIBLE, '').replace(/[\t\n\v\f\r\u2028\u2029]+/g, ' ');
}

export class KpiError extends Error {
  /** Further lines (one per problem) when one error stands for several. */
  readonly details: Array<string | Text>;
  readonly hint?: string | Text;
  /** The message in both languages (Error.message is the English one). */
  readonly text: string | Text;

  /** Message, hint and details often quote ledger text: they are made printable here, once,
   *  so no error line can carry an escape sequence to the terminal. */
  constructor(message: string | Text, readonly exitCode: ExitCode, hint?: string | Text, details: Array<string | Text> = []) {
    const text = printableText(message);
    super(String(text));
    this.text = text;
    this.name = 'KpiError';
    this.hint = hint === undefined ? undefined : printableText(hint);
    this.details = details.map(printableText);
  }
}

function printableText(text: string | Text): string | Text {
  return typeof text === 'string' ? printable(text) : bilingual(printable(text.en), printable(text.zh));
}

/** A problem with a place, as `kpi validate` lists them. */
export interface Problem {
  /** `kpi.yaml:12:7` or `ledger.xlsx [服务台账] row 42, column 满意度`. */
  where: string;
  message: TextLike;
  hint?: TextLike;
}

/** `where: message (hint)`, in both languages (the hint in （全角括号） in Chinese). */
export function formatProblem(p: Problem): Text {
  const text = joinText([p.where, ': ', p.message]);
  if (!p.hint) return text;
  const hint = typeof p.hint === 'string' ? bilingual(p.hint, p.hint) : p.hint;
  return bilingual(`${text.en} (${hint.en})`, `${text.zh}（${hint.zh}）`);
}

/** Several config problems reported at once (exit 1). */
export class ConfigError extends KpiError {
  constructor(readonly file: string, readonly problems: Problem[]) {
    super(
      problems.length === 1 ? formatProblem(problems[0]) : configText.problemsInConfig({ file, count: problems.length }),
      EXIT.usage,
      undefined,
      problems.length === 1 ? [] : problems.map(formatProblem),
    );
    this.name = 'ConfigError';
  }
}

/** A KpiError as a worker thread sends it, and back (structured clone keeps no class). */
export interface WireError { message: WireText; exitCode: ExitCode; hint?: WireText; details: WireText[] }

export function errorToWire(error: KpiError): WireError {
  return { message: toWire(error.text), exitCode: error.exitCode, hint: error.hint === undefined ? undefined : toWire(error.hint), details: error.details.map(toWire) };
}

export function errorFromWire(wire: WireError): KpiError {
  return new KpiError(fromWire(wire.message), wire.exitCode, wire.hint === undefined ? undefined : fromWire(wire.hint), wire.details.map(fromWire));
}
