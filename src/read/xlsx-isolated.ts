/**
 * Reading a workbook where running out of memory or time cannot take kpi down
 * (RELIABILITY §2.2, §7): the workbook is opened and parsed in a worker thread with a heap
 * limit (--limit worker-heap-mb) and a time limit (--limit read-seconds). The worker sends
 * plain rows back; a workbook that exhausts either ends the run with exit 2 and a message
 * saying which limit it hit and how to raise it, while this process stays small.
 *
 * Run from the TypeScript sources (the unit tests), there is no compiled worker script:
 * the workbook is then read in this thread, by the same reader.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EXIT, KpiError, errorFromWire } from '../errors.js';
import { raiseHint, type Limits } from '../limits.js';
import type { RawRow, RawTable } from './table.js';
import { decodeRows, type FromWorker, type ToWorker } from './xlsx-messages.js';

const WORKER_SCRIPT = new URL('./xlsx-worker.js', import.meta.url);

export interface OpenedWorkbook {
  /** Its worksheets in tab order, rows not yet read. */
  tables: (RawTable & { sheet: string; warnings: string[] })[];
  /** Stops the worker; call once the tables are read (or abandoned). */
  close(): void;
  /** Which sheets hold a value; ask before reading any sheet's rows. */
  filled(): Promise<boolean[]>;
}

/** Rows of one sheet as they arrive from the worker. */
interface Channel {
  batches: RawRow[][];
  done: boolean;
  wake: (() => void) | null;
}

export async function openWorkbook(file: string, limits: Limits): Promise<OpenedWorkbook> {
  if (!existsSync(fileURLToPath(WORKER_SCRIPT))) {
    const { readXlsx } = await import('./xlsx.js');
    const read = await readXlsx(file, limits);
    return { tables: read, close: () => {}, filled: async () => Promise.all(read.map((t) => t.filled())) };
  }
  const worker = new Worker(WORKER_SCRIPT, {
    workerData: { file, limits },
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb },
  });
  const post = (message: ToWorker): void => worker.postMessage(message);
  const channels = new Map<number, Channel>();
  let tables: OpenedWorkbook['tables'] = [];
  let failure: Error | null = null;
  let closed = false;
  let opened: { resolve: (names: string[]) => void; reject: (error: Error) => void } | null = null;
  const names = new Promise<string[]>((resolve, reject) => (opened = { resolve, reject }));
  let probed: { resolve: (filled: boolean[]) => void; reject: (error: Error) => void } | null = null;

  const close = (): void => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    void worker.terminate();
  };
  const fail = (error: Error): void => {
    if (closed || failure) return;
    failure = error;
    close();
    opened?.reject(error);
    probed?.reject(error);
    for (const channel of channels.values()) channel.wake?.();
  };
  const timer = setTimeout(() => fail(new KpiError(
    `${file}: reading the workbook took longer than ${limits.readSeconds} s, so it was stopped`,
    EXIT.data,
    `a ledger reads in seconds; is this the right file? ${raiseHint('readSeconds', limits.readSeconds * 4)}`,
  )), limits.readSeconds * 1000);

  worker.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'sheets':
        opened?.resolve(message.names);
        return;
      case 'filled':
        probed?.resolve(message.filled);
        return;
      case 'rows': {
        const channel = channels.get(message.sheet)!;
        channel.batches.push(decodeRows(message.rows));
        channel.wake?.();
        return;
      }
      case 'end': {
        const channel = channels.get(message.sheet)!;
        tables[message.sheet].warnings.push(...message.warnings);
        channel.done = true;
        channel.wake?.();
        return;
      }
      case 'error':
        fail(errorFromWire(message));
        return;
      case 'crash': {
        const error = new Error(message.message);
        error.stack = message.stack;
        fail(error);
      }
    }
  });
  worker.on('error', (error: NodeJS.ErrnoException) => {
    fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new KpiError(
        `${file}: reading the workbook needed more than ${limits.workerHeapMb} MiB of memory, so it was stopped`,
        EXIT.data,
        `split the workbook, or save it as CSV (read in constant memory); ${raiseHint('workerHeapMb', limits.workerHeapMb * 2)}`,
      )
      : error);
  });
  worker.on('exit', (code) => fail(new Error(`the workbook reader for ${file} stopped unexpectedly (exit code ${code})`)));

  async function* rows(sheet: number): AsyncGenerator<RawRow[]> {
    const channel: Channel = { batches: [], done: false, wake: null };
    channels.set(sheet, channel);
    post({ type: 'read', sheet });
    for (;;) {
      if (failure) throw failure;
      const batch = channel.batches.shift();
      if (batch) {
        // Taken now, not after the rows are typed: the worker parses the next batch meanwhile.
        post({ type: 'taken' });
        yield batch;
      } else if (channel.done) {
        return;
      } else {
        await new Promise<void>((resolve) => (channel.wake = resolve));
        channel.wake = null;
      }
    }
  }

  tables = (await names).map((sheet, i) => ({ file, sheet, warnings: [], batches: rows(i), close }));
  const filled = (): Promise<boolean[]> => {
    if (failure) return Promise.reject(failure);
    const answer = new Promise<boolean[]>((resolve, reject) => (probed = { resolve, reject }));
    post({ type: 'probe' });
    return answer;
  };
  return { tables, close, filled };
}
