/**
 * The workbook as .xlsx bytes. ExcelJS renders every part (workbook, sheets, styles, shared
 * strings, …) but its own writer zips them with JSZip, which deflates in JavaScript and
 * stamps entries with the clock. So the parts go through the same steps as ExcelJS's
 * `xlsx.write` (exceljs 4.4, lib/xlsx/xlsx.js) into our ZipWriter instead, and one fix is
 * made on the way: ExcelJS puts an empty `<x14:id/>` in every Excel-2007-style data bar (a
 * reference to an Excel-2010 rule that does not exist; that form itself carries a random
 * GUID), which is dropped.
 */
import type ExcelJS from 'exceljs';
import { ZipWriter } from './zip.js';

/** Where ExcelJS's part writers put a part (its ZipWriter's `append`). */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

type Step = (zip: PartSink, model: unknown) => Promise<void>;

/** The steps of ExcelJS's `XLSX.write`, which its typings do not list. */
interface XlsxSteps {
  prepareModel(model: unknown, options: object): void;
  addContentTypes: Step; addOfficeRels: Step; addWorkbookRels: Step; addWorksheets: Step;
  addSharedStrings: Step; addDrawings: Step; addTables: Step; addThemes: Step; addStyles: Step;
  addMedia: Step; addApp: Step; addCore: Step; addWorkbook: Step;
}

const EMPTY_DATABAR_REF = /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

export async function workbookBytes(workbook: ExcelJS.Workbook, created: Date): Promise<Uint8Array> {
  const xlsx = workbook.xlsx as unknown as XlsxSteps;
  const model = workbook.model;
  const zip = new ZipWriter(created);
  const sink: PartSink = {
    append(data, { name, base64 }) {
      if (base64) throw new Error(`workbook part ${name}: base64 media is not written`);
      zip.add(name, typeof data === 'string' && SHEET_PART.test(name) ? data.replace(EMPTY_DATABAR_REF, '') : data);
    },
  };
  xlsx.prepareModel(model, {});
  // The order of ExcelJS's own write: shared strings after the sheets that fill them.
  for (const step of ['addContentTypes', 'addOfficeRels', 'addWorkbookRels', 'addWorksheets', 'addSharedStrings', 'addDrawings', 'addTables', 'addThemes', 'addStyles', 'addMedia', 'addApp', 'addCore', 'addWorkbook'] as const) {
    await xlsx[step](sink, model);
  }
  return zip.finish();
}
