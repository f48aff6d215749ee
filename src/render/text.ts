/**
 * Text helpers shared by renderers: numbers shown with two decimals, and ledger text made
 * safe for a terminal (control characters and escape sequences removed, so a name in a
 * ledger cannot move the cursor or recolour the screen).
 */
import { round2 } from '../core/round.js';

// C0 and C1 controls (ESC included) and DEL, except tab which becomes a space.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Ledger text fit for the terminal: no control characters, one line. */
export function plain(text: string): string {
  return text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '').replace(CONTROL, '').replace(/[\t\n\r]+/g, ' ');
}

/** Two decimals, rounded half away from zero like final scores, never "-0.00". */
export function fixed2(value: number): string {
  const rounded = round2(value);
  return (rounded === 0 ? 0 : rounded).toFixed(2);
}
