/**
 * The worker thread a large text ledger is read in (./csv-threaded.ts starts it): it finds
 * the encoding and delimiter, reads and decodes the file and splits it into records, while
 * the main thread types and counts the records of the batches already sent — a few
 * batches ahead of it at most, so memory stays flat. Errors go back as messages: a
 * KpiError keeps its message, hint and exit code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { KpiError, errorToWire } from '../errors.js';
import { readCsv } from './csv.js';
import { transferList, type CsvWorkerData, type FromCsvWorker, type ToCsvWorker } from './csv-messages.js';
import type { BatchParts, RecordBatch } from './record-batch.js';

/** Batches sent and not yet read by the reader, before the worker waits. */
const AHEAD = 3;

const port = parentPort!;
const { file, options } = workerData as CsvWorkerData;
let inFlight = 0;
let wake: (() => void) | null = null;
/** Parts sent and given back, to copy the next batches into. */
const spares: BatchParts[] = [];

const send = (message: FromCsvWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

port.on('message', (message: ToCsvWorker) => {
  if (message.type !== 'taken') return;
  spares.push(message.spare);
  inFlight--;
  const resume = wake;
  wake = null;
  resume?.();
});

try {
  const table = await readCsv(file, options);
  for await (const batch of table.batches) {
    while (inFlight >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
    const parts = (batch as RecordBatch).parts(spares.pop());
    inFlight++;
    send({ type: 'records', parts }, transferList(parts));
  }
  send({ type: 'end' });
} catch (error) {
  if (error instanceof KpiError) {
    send({ type: 'error', ...errorToWire(error) });
  } else {
    const e = error instanceof Error ? error : new Error(String(error));
    send({ type: 'crash', message: e.message, stack: e.stack ?? e.message });
  }
}
