/** The messages between a workbook's reader (./xlsx-isolated.ts) and its worker. */
import type { ExitCode } from '../errors.js';
import type { RawRow } from './table.js';

export type ToWorker =
  /** Stream the rows of sheet `sheet` (its index among the names sent). */
  | { type: 'read'; sheet: number }
  /** One `rows` message has been taken: the worker may send another. */
  | { type: 'taken' };

export type FromWorker =
  | { type: 'sheets'; names: string[] }
  | { type: 'rows'; sheet: number; rows: RawRow[] }
  | { type: 'end'; sheet: number; warnings: string[] }
  /** A KpiError: the person's to fix. `sheet` null: opening the workbook failed. */
  | { type: 'error'; sheet: number | null; message: string; exitCode: ExitCode; hint?: string; details: string[] }
  /** Anything else: a bug in kpi. */
  | { type: 'crash'; sheet: number | null; message: string; stack: string };
