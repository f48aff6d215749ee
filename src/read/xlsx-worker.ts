/**
 * The worker thread a workbook is read in (./xlsx-isolated.ts starts it): it opens the
 * workbook with the limits it was given, says which sheets it has, then streams the rows of
 * each sheet asked for, a few batches ahead of the reader at most, so memory stays flat.
 * Errors go back as messages: a KpiError keeps its message, hint and exit code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { KpiError, errorToWire } from '../errors.js';
import type { Limits } from '../limits.js';
import type { RawRow } from './table.js';
import { readXlsx, type XlsxTable } from './xlsx.js';
import { encodeRows, transferables, type FromWorker, type ToWorker } from './xlsx-messages.js';

/** Rows per message: fewer, larger messages cost less than one per inflated chunk. */
const ROWS_PER_MESSAGE = 2000;
/** Messages sent and not yet taken by the reader, before the worker waits. */
const AHEAD = 4;

const port = parentPort!;
const { file, limits } = workerData as { file: string; limits: Limits };
let inFlight = 0;
let wake: (() => void) | null = null;

const send = (message: FromWorker): void => port.postMessage(message);

function fail(sheet: number | null, error: unknown): void {
  if (error instanceof KpiError) {
    send({ type: 'error', sheet, ...errorToWire(error) });
  } else {
    const e = error instanceof Error ? error : new Error(String(error));
    send({ type: 'crash', sheet, message: e.message, stack: e.stack ?? e.message });
  }
}

async function stream(table: XlsxTable, sheet: number): Promise<void> {
  let pending: RawRow[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    while (inFlight >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
    inFlight++;
    const rows = encodeRows(pending);
    port.postMessage({ type: 'rows', sheet, rows } satisfies FromWorker, transferables(rows));
    pending = [];
  };
  for await (const rows of table.batches) {
    for (const row of rows) pending.push(row);
    if (pending.length >= ROWS_PER_MESSAGE) await flush();
  }
  await flush();
  send({ type: 'end', sheet, warnings: table.warnings });
}

let tables: XlsxTable[] = [];

/** One sheet after the other, each read up to its first value. */
async function probe(): Promise<void> {
  const filled: boolean[] = [];
  for (const table of tables) filled.push(await table.filled());
  send({ type: 'filled', filled });
}
port.on('message', (message: ToWorker) => {
  if (message.type === 'taken') {
    inFlight--;
    const resume = wake;
    wake = null;
    resume?.();
  } else if (message.type === 'probe') {
    probe().catch((error: unknown) => fail(null, error));
  } else {
    stream(tables[message.sheet], message.sheet).catch((error: unknown) => fail(message.sheet, error));
  }
});

readXlsx(file, limits).then(
  (opened) => {
    tables = opened;
    send({ type: 'sheets', names: opened.map((t) => t.sheet) });
  },
  (error: unknown) => fail(null, error),
);
