/**
 * Reading a large text ledger on two threads: a worker (./csv-worker.ts) reads, decodes
 * and splits the file into records, batch by batch, while this thread types and counts
 * the records of the batches already received. Splitting records was a third of the time
 * this thread spent on a 1,000,000-row ledger; done alongside, it no longer adds to it.
 *
 * The batches arrive as the tokenizer made them (bytes, cell bounds, the odd record as
 * text), so the rows read are the rows the same reader gives in this thread: the fast-path
 * and reference tests compare the two. Small files are read here: starting a worker costs
 * more than it saves below a few MiB (THREADED_BYTES). Run from the TypeScript sources
 * (the unit tests), there is no compiled worker script and every file is read here.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorFromWire } from '../errors.js';
import type { CsvOptions } from './csv.js';
import { transferList, type CsvWorkerData, type FromCsvWorker, type ToCsvWorker } from './csv-messages.js';
import { RecordBatch } from './record-batch.js';
import type { RawTable } from './table.js';
import { TextPool } from './text-pool.js';

const WORKER_SCRIPT = new URL('./csv-worker.js', import.meta.url);

/** Files from this size on are read in a worker (KPI_THREADED_BYTES overrides it, for
 *  tests). Measured on this project's 2-core machine, a worker pays for itself from about
 *  200,000 rows (8 MiB). */
const THREADED_BYTES = Number(process.env.KPI_THREADED_BYTES ?? 8 * 1024 * 1024);

/** Whether `file`, of `size` bytes, is read in a worker. */
export function readsThreaded(size: number): boolean {
  return size >= THREADED_BYTES && existsSync(fileURLToPath(WORKER_SCRIPT));
}

export function readCsvThreaded(file: string, options: CsvOptions): RawTable {
  const worker = new Worker(WORKER_SCRIPT, {
    workerData: { file, options } satisfies CsvWorkerData,
    // Its heap holds a few batches at a time; a small young generation keeps it small.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const received: FromCsvWorker[] = [];
  let wake: (() => void) | null = null;
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    void worker.terminate();
  };
  const arrive = (message: FromCsvWorker): void => {
    received.push(message);
    const resume = wake;
    wake = null;
    resume?.();
  };
  worker.on('message', arrive);
  worker.on('error', (error) => arrive({ type: 'crash', message: error.message, stack: error.stack ?? error.message }));
  worker.on('exit', (code) => {
    if (!stopped) arrive({ type: 'crash', message: `the reader of ${file} stopped unexpectedly (exit code ${code})`, stack: '' });
  });
  // Started ahead of need (open.ts readLedgersAhead), it must not keep kpi running if its
  // rows are never asked for; once they are, it must. (After the listeners: adding a
  // 'message' listener refs the worker again.)
  worker.unref();

  async function* batches(): AsyncGenerator<RecordBatch> {
    const pool = new TextPool();
    worker.ref();
    try {
      for (;;) {
        const message = received.shift();
        if (!message) {
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        switch (message.type) {
          case 'records': {
            yield RecordBatch.fromParts(pool, message.parts);
            // Read: its arrays go back to the worker for the next batches (the batch, and
            // nothing taken from it, is kept: rows kept are strings).
            const spare = { ...message.parts, rows: [] };
            worker.postMessage({ type: 'taken', spare } satisfies ToCsvWorker, transferList(spare));
            break;
          }
          case 'end':
            return;
          case 'error':
            throw errorFromWire(message);
          case 'crash': {
            const error = new Error(message.message);
            error.stack = message.stack || error.stack;
            throw error;
          }
        }
      }
    } finally {
      stop();
    }
  }

  return { file, sheet: null, batches: batches(), close: stop };
}
