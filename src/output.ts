/**
 * Where results go (SPEC §6.5): the format is picked by flag, then by the output file's
 * extension, then the default; every file is written to a temporary file in the same
 * folder and renamed, so an interrupted run never leaves half a report. Folders are made.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EXIT, KpiError } from './errors.js';

export type OutputFormat = 'table' | 'json' | 'csv' | 'xlsx';

const BY_EXTENSION: Record<string, OutputFormat> = { '.json': 'json', '.csv': 'csv', '.xlsx': 'xlsx' };

/** The format of an `-o` file, from its extension. */
export function formatOfFile(file: string): OutputFormat {
  const format = BY_EXTENSION[extname(file).toLowerCase()];
  if (!format) throw new KpiError(`-o ${file}: cannot tell the format from the extension`, EXIT.usage, 'use a file ending in .xlsx, .json or .csv');
  return format;
}

/** Refuses to write a report over one of the inputs. */
export function checkNotAnInput(outputs: readonly string[], inputs: readonly string[]): void {
  const ins = new Set(inputs.map((f) => resolve(f)));
  for (const out of outputs) {
    if (ins.has(resolve(out))) throw new KpiError(`-o ${out} is one of the input files; refusing to overwrite it`, EXIT.usage, 'choose another output file name');
  }
}

/** Writes a file atomically: temp file in the same folder, then rename. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = dirname(resolve(file));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new KpiError(`cannot create the folder ${dir}: ${(error as Error).message}`, EXIT.data);
  }
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.kpi-tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new KpiError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT.data, 'check that the folder exists, is writable, and the file is not open in Excel');
  }
}

/** A report to write: where, and how to make its bytes. */
export interface PlannedOutput {
  file: string;
  render: () => Promise<string | Uint8Array> | string | Uint8Array;
}

/**
 * Renders every output first and writes only when all succeeded, each atomically: a
 * renderer that throws halfway leaves no report behind, not even the ones before it.
 */
export async function writeOutputs(outputs: readonly PlannedOutput[]): Promise<void> {
  const rendered: { file: string; content: string | Uint8Array }[] = [];
  for (const output of outputs) rendered.push({ file: output.file, content: await output.render() });
  for (const { file, content } of rendered) writeFileAtomic(file, content);
}
