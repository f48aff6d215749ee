/**
 * The messages between a large text ledger's reader (./csv-threaded.ts) and the worker
 * that reads, decodes and splits it (./csv-worker.ts).
 */
import type { WireError } from '../errors.js';
import type { CsvOptions } from './csv.js';
import type { BatchParts } from './record-batch.js';

export interface CsvWorkerData {
  file: string;
  options: CsvOptions;
}

/** One `records` message has been read: the worker may send another, in its arrays. */
export type ToCsvWorker = { type: 'taken'; spare: BatchParts };

export type FromCsvWorker =
  | { type: 'records'; parts: BatchParts }
  | { type: 'end' }
  /** A KpiError: the person's to fix. */
  | ({ type: 'error' } & WireError)
  /** Anything else: a bug in kpi. */
  | { type: 'crash'; message: string; stack: string };

/** What moves rather than copies with a `records` message. */
export function transferList(parts: BatchParts): ArrayBuffer[] {
  return [parts.bytes.buffer, parts.lines.buffer, parts.first.buffer, parts.cells.buffer, parts.bounds.buffer] as ArrayBuffer[];
}
