/**
 * Excel workbooks (.xlsx/.xlsm, SPEC §4.1, §4.3): one RawTable per worksheet, its rows
 * streamed in batches (what one input chunk completes) with the row numbers Excel shows.
 * Opening a workbook reads only its directory and workbook part, so sheets nobody asks for
 * cost nothing; the shared strings and styles are read once, when the first sheet's rows
 * are. Each sheet is read in two passes over its compressed part — merged ranges first
 * (they sit after the cells), then the cells — so memory holds the shared strings and one
 * input chunk's rows, never the sheet.
 *
 * Why not exceljs: its streaming reader gets valid ledgers wrong (rich text, phonetic
 * runs, cached errors, dates without styles, STORE'd entries, cells without `r`: all in
 * RELIABILITY §2.4) and its normal reader loads the whole workbook (700 MB for 200,000
 * rows). This reader is yauzl plus a purpose-built XML scanner (./xlsx/xml.ts); reading
 * every row of a 200,000-row × 7-column workbook it measured ~2.8 s and 98 MB peak RSS,
 * against ~6.4 s / 139 MB for exceljs's streaming reader (with none of its faults worked
 * around) and ~11 s / 704 MB for its normal reader (a shared 2-core machine; ratios matter).
 */
import { EXIT, KpiError } from '../errors.js';
import { isBlankRow, type RawRow, type RawTable } from './table.js';
import { MergeFiller, readMerges } from './xlsx/merges.js';
import { partText, readDateStyles, readSharedStrings, readWorkbookInfo, type SheetPart, type WorkbookInfo } from './xlsx/parts.js';
import { DEFAULT_LIMITS, raiseHint, type Limits } from '../limits.js';
import { CellTooLong, SheetReader, type SheetContext } from './xlsx/sheet.js';
import { XmlError } from './xlsx/xml.js';
import { XlsxPackage } from './xlsx/zip.js';

export interface XlsxTable extends RawTable {
  sheet: string;
  warnings: string[];
  batches: AsyncIterable<RawRow[]>;
  /** Whether the sheet has a cell with a value (read up to the first one, apart from the rows). */
  filled(): Promise<boolean>;
}

/** Opens a workbook: its worksheets in tab order, rows not yet read. Refuses (KpiError,
 *  exit 2) what is not a readable workbook, before parsing anything large. */
export async function readXlsx(file: string, limits: Limits = DEFAULT_LIMITS): Promise<XlsxTable[]> {
  const pkg = await XlsxPackage.open(file, limits);
  let info: WorkbookInfo;
  try {
    info = await readWorkbookInfo(pkg);
    // Every part that will be parsed is checked now, so a bomb is refused up front.
    for (const sheet of info.sheets) pkg.check(pkg.part(sheet.part)!, false);
    for (const held of [info.sharedStrings, info.styles]) if (held !== null) pkg.check(pkg.part(held)!, true);
  } finally {
    pkg.close();
  }
  let context: Promise<SheetContext> | null = null;
  const loadContext = (opened: XlsxPackage): Promise<SheetContext> =>
    (context ??= Promise.all([readSharedStrings(opened, info.sharedStrings), readDateStyles(opened, info.styles)])
      .then(([sharedStrings, dateStyles]) => ({ sharedStrings, dateStyles, date1904: info.date1904, maxCellChars: limits.cellChars })));
  return info.sheets.map((sheet) => {
    const warnings: string[] = [];
    const filled = async (): Promise<boolean> => {
      for await (const rows of sheetRows(file, limits, sheet, loadContext, [])) if (rows.some((row) => !isBlankRow(row.cells))) return true;
      return false;
    };
    return { file, sheet: sheet.name, warnings, batches: sheetRows(file, limits, sheet, loadContext, warnings), filled };
  });
}

async function* sheetRows(
  file: string,
  limits: Limits,
  sheet: SheetPart,
  loadContext: (pkg: XlsxPackage) => Promise<SheetContext>,
  warnings: string[],
): AsyncGenerator<RawRow[]> {
  // Re-opened per sheet: nothing stays open between readXlsx and the rows being read,
  // nor after a consumer stops early.
  const pkg = await XlsxPackage.open(file, limits);
  try {
    // The merge pass inflates on libuv's threads while the shared strings are parsed.
    const [context, ranges] = await Promise.all([
      loadContext(pkg),
      readMerges(pkg.bytes(pkg.part(sheet.part)!)).catch((error: Error) => {
        throw error instanceof KpiError ? error : damaged(file, sheet, error.message);
      }),
    ]);
    const reader = new SheetReader(context, new MergeFiller(ranges));
    try {
      for await (const text of partText(pkg, sheet.part)) {
        reader.write(text);
        for (;;) {
          const rows = reader.take();
          if (rows.length > 0) yield rows;
          if (!reader.full) break;
          reader.more();
        }
        if (reader.done) break;
      }
      reader.end();
      const rows = reader.take();
      if (rows.length > 0) yield rows;
    } catch (error) {
      if (error instanceof CellTooLong) {
        throw new KpiError(`${file} [${sheet.name}]: ${error.message}`, EXIT.data, `a cell that long is not a ledger value: check the file; ${raiseHint('cellChars')}`);
      }
      if (error instanceof XmlError) throw damaged(file, sheet, error.message);
      throw error;
    }
    // Hidden rows and sheets are read like the others (hiding is how people tidy a
    // ledger, not how they delete from it), and said, in case something was hidden on purpose.
    const { hiddenRows, firstHiddenRow } = reader.notes;
    if (sheet.hidden) warnings.push(`${file} [${sheet.name}]: the sheet is hidden in Excel; its rows were read like any other's (delete or rename it if it should not count)`);
    if (hiddenRows > 0) {
      warnings.push(`${file} [${sheet.name}]: ${hiddenRows} hidden row${hiddenRows > 1 ? 's were' : ' was'} read like the others, the first at row ${firstHiddenRow} (delete rows that should not count)`);
    }
    const { formulasWithoutResult: count, firstFormulaWithoutResult: first } = reader.notes;
    if (count > 0) {
      warnings.push(
        `${file} [${sheet.name}]: ${count} formula cell${count > 1 ? 's have' : ' has'} no saved result and ${count > 1 ? 'were' : 'was'} read as empty, the first at ${first} (open and save the workbook in Excel)`,
      );
    }
  } finally {
    pkg.close();
  }
}

function damaged(file: string, sheet: SheetPart, why: string): KpiError {
  return new KpiError(`${file} [${sheet.name}]: the workbook is damaged (${why})`, EXIT.data, 'open it in Excel or WPS and save it again as .xlsx');
}
