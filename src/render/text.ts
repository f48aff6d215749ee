/**
 * Text helpers shared by renderers: numbers shown with two decimals, and ledger text made
 * safe for a terminal (escape sequences, control characters and bidi overrides removed, so
 * a name in a ledger cannot move the cursor, recolour the screen or reorder a line).
 */
import { round2 } from '../core/round.js';
import { printable } from '../errors.js';

/** Ledger text fit for the terminal: no escape sequences or control characters, one line.
 *  The same cleaning error messages get (errors.ts), so a name prints alike everywhere. */
export function plain(text: string): string {
  return printable(text);
}

/** Two decimals, rounded half away from zero like final scores, never "-0.00". */
export function fixed2(value: number): string {
  const rounded = round2(value);
  return (rounded === 0 ? 0 : rounded).toFixed(2);
}
