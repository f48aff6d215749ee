/**
 * Where results go (SPEC §6.5): the format is picked by flag, then by the output file's
 * extension, then the default; every file is written to a temporary file in the same
 * folder, flushed to disk and renamed, so an interrupted run never leaves half a report.
 * Folders are made. A temporary file left by a killed run is removed by the next run that
 * writes the same report.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EXIT, KpiError } from './errors.js';

export type OutputFormat = 'table' | 'json' | 'csv' | 'xlsx' | 'html';

const BY_EXTENSION: Record<string, OutputFormat> = { '.json': 'json', '.csv': 'csv', '.xlsx': 'xlsx', '.html': 'html', '.htm': 'html' };

/** The format of an `-o` file, from its extension. */
export function formatOfFile(file: string): OutputFormat {
  const format = BY_EXTENSION[extname(file).toLowerCase()];
  if (!format) throw new KpiError(`-o ${file}: cannot tell the format from the extension`, EXIT.usage, 'use a file ending in .xlsx, .json, .csv or .html');
  return format;
}

/** The file a path names, whatever the spelling (`./a/../b`, a symlink, a hard link). */
function identity(file: string): string | null {
  try {
    const { dev, ino } = statSync(file);
    return `${dev}:${ino}`;
  } catch {
    return null;
  }
}

/** Refuses to write a report over one of the inputs, however either path is spelled. */
export function checkNotAnInput(outputs: readonly string[], inputs: readonly string[]): void {
  const paths = new Set(inputs.map((f) => resolve(f)));
  const files = new Set(inputs.map(identity).filter((id) => id !== null));
  for (const out of outputs) {
    const id = identity(out);
    if (paths.has(resolve(out)) || (id !== null && files.has(id))) {
      throw new KpiError(`-o ${out} is one of the input files; refusing to overwrite it`, EXIT.usage, 'choose another output file name');
    }
  }
}

const TEMP_SUFFIX = '.kpi-tmp';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of `name` left in `dir` by runs that were killed mid-write
 *  (`.<name>.<pid>.<time>.kpi-tmp` whose process is gone); a running kpi's are kept. */
function removeLeftovers(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(/^(\d+)\.\d+$/.exec(entry.slice(prefix.length, -TEMP_SUFFIX.length))?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) rmSync(join(dir, entry), { force: true });
  }
}

/**
 * Writes a file atomically: a new temporary file in the same folder (created exclusively,
 * so a planted file or symlink is never written through), flushed to disk, then renamed
 * over the target. A symlink at the target is replaced by the report, not followed.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = dirname(resolve(file));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new KpiError(`cannot create the folder ${dir}: ${(error as Error).message}`, EXIT.data);
  }
  removeLeftovers(dir, basename(file));
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}${TEMP_SUFFIX}`);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx');
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== null) closeSync(fd);
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
