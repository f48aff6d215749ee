/**
 * Opening a ledger file as tables, each with the source it feeds (SPEC §4.1, §4.2): text
 * files are one table, workbooks one per sheet named after a source. Files that cannot be
 * read, and formats kpi does not read, end here with a message saying what to do.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Scheme, Source } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { DEFAULT_LIMITS, formatSize, raiseHint, type Limits } from '../limits.js';
import { readCsv, type CsvOptions } from './csv.js';
import { readCsvThreaded, readsThreaded } from './csv-threaded.js';
import { csvOptionsOf, takeLedgerAhead, TEXT_EXTENSIONS } from './ahead.js';
import { sourceForTextFile } from './sources.js';
import { sourcesForSheets } from './sheet-sources.js';
import type { RawTable } from './table.js';

export interface OpenOptions extends CsvOptions {
  /** File path → source id, from --source. */
  sourceOverrides: ReadonlyMap<string, string>;
  /** What not to read past (default: DEFAULT_LIMITS). */
  limits?: Limits;
}

/** Opens a ledger file as tables, each with the source it feeds. */
export type TableOpener = (file: string, scheme: Scheme, options: OpenOptions) => Promise<{ table: RawTable; source: Source }[]>;

const SAVE_AS = 'save it as .xlsx or CSV (UTF-8) and run again';

/** A ledger that cannot be opened at all is an input problem (exit 2), said plainly.
 *  Returns its size. */
function checkReadable(file: string, limits: Limits): number {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new KpiError(`cannot read the ledger ${file}: ${why}`, EXIT.data, code === 'ENOENT' ? 'check the path and the current folder' : undefined);
  }
  if (stats.isDirectory()) throw new KpiError(`${file} is a folder, not a ledger file`, EXIT.data, `pass the files inside it, e.g. ${file}/*.csv`);
  if (stats.size === 0) throw new KpiError(`${file}: the file is empty`, EXIT.data, 'export the ledger again, with its header row');
  if (stats.size > limits.inputBytes) {
    throw new KpiError(`${file}: the file is ${formatSize(stats.size)}, over the ${formatSize(limits.inputBytes)} kpi reads from one ledger`, EXIT.data, raiseHint('inputBytes', stats.size));
  }
  return stats.size;
}


export const openLedgerFile: TableOpener = async (file, scheme, options) => {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const size = checkReadable(file, limits);
  const ext = extname(file).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext)) {
    const csvOptions = csvOptionsOf(options, limits);
    const table = takeLedgerAhead(file, csvOptions) ?? (readsThreaded(size) ? readCsvThreaded(file, csvOptions) : await readCsv(file, csvOptions));
    return [{ table, source: sourceForTextFile(scheme, file, options.sourceOverrides) }];
  }
  if (ext === '.xls' || ext === '.ods' || ext === '.numbers' || ext === '.et') {
    throw new KpiError(`${file}: ${ext} files are not supported`, EXIT.data, SAVE_AS);
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    // Loaded here, not up front: a run over CSV ledgers never pays for the zip reader.
    const { openWorkbook } = await import('./xlsx-isolated.js');
    const workbook = await openWorkbook(file, limits);
    try {
      return await sourcesForSheets(scheme, file, workbook.tables, options.sourceOverrides, workbook.filled);
    } catch (error) {
      workbook.close();
      throw error;
    }
  }
  throw new KpiError(`${file}: unsupported file type "${ext || 'none'}"`, EXIT.data, `ledgers are .xlsx, .xlsm, .csv, .tsv or .txt; ${SAVE_AS}`);
};

