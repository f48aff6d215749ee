/**
 * The workbook as .xlsx bytes. ExcelJS renders every part — workbook, styles, shared strings,
 * and each worksheet with its columns, views, filters, merges' neighbours, page setup — but
 * not the cells, which are ours (sheet.ts): once ExcelJS has prepared its model, each
 * sheet's cells are written (sheet-xml.ts) with style numbers and string indexes from
 * ExcelJS's registries, and spliced into the worksheet part ExcelJS renders with no rows.
 * The parts go through the same steps as ExcelJS's `xlsx.write` (exceljs 4.4,
 * lib/xlsx/xlsx.js), but into our ZipWriter rather than JSZip (zip.ts). One fix is made on
 * the way: ExcelJS puts an empty `<x14:id/>` in every Excel-2007-style data bar (a reference
 * to an Excel-2010 rule that does not exist; that form itself carries a random GUID), which
 * is dropped. Charts (charts/) are parts of kpi's own: a sheet with charts gets a drawing,
 * its relationships and the chart parts, added beside the worksheet.
 */
import type ExcelJS from 'exceljs';
import type { Sheet, Style } from './sheet.js';
import { sheetXml, type SheetXml } from './sheet-xml.js';
import { ZipWriter, type Deflated } from './zip.js';
import { drawingRelsXml, drawingXml, withContentTypes, withDrawing, withDrawingRel } from './charts/drawing.js';

/** Where ExcelJS's part writers put a part (its ZipWriter's `append`). */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

type Step = (zip: PartSink, model: unknown) => Promise<void>;

/** The model ExcelJS's `prepareModel` fills in: its worksheets and registries. */
interface PreparedModel {
  worksheets: { id: number }[];
  styles: { addStyleModel(style: Style): number };
  sharedStrings: { add(text: string): number };
}

/** The steps of ExcelJS's `XLSX.write`, which its typings do not list. */
interface XlsxSteps {
  prepareModel(model: unknown, options: object): void;
  addContentTypes: Step; addOfficeRels: Step; addWorkbookRels: Step; addWorksheets: Step;
  addSharedStrings: Step; addDrawings: Step; addTables: Step; addThemes: Step; addStyles: Step;
  addMedia: Step; addApp: Step; addCore: Step; addWorkbook: Step;
}

const EMPTY_DATABAR_REF = /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g;
const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

const STEPS = ['addContentTypes', 'addOfficeRels', 'addWorkbookRels', 'addWorksheets', 'addSharedStrings', 'addDrawings', 'addTables', 'addThemes', 'addStyles', 'addMedia', 'addApp', 'addCore', 'addWorkbook'] as const;

/** Sheets written between turns of the event loop, in which finished deflates start queued ones. */
const SHEETS_PER_TURN = 4;

export async function workbookBytes(workbook: ExcelJS.Workbook, sheets: readonly Sheet[], created: Date): Promise<Uint8Array> {
  const xlsx = workbook.xlsx as unknown as XlsxSteps;
  const model = workbook.model as unknown as PreparedModel;
  const zip = new ZipWriter(created);
  xlsx.prepareModel(model, {});

  // ExcelJS's worksheet parts come first, without rows (they do not depend on the cells).
  const worksheetParts: [string, string | Uint8Array | Deflated][] = [];
  await xlsx.addWorksheets({ append: (data, { name }) => void worksheetParts.push([name, data]) }, model);

  // Then each sheet's cells, sheet by sheet and row by row as ExcelJS would go, so styles and
  // strings are numbered as ExcelJS numbers them; each part deflates while the next is written.
  const byWorksheet = new Map(sheets.map((sheet) => [sheet.ws.id, sheet]));
  const ids = { style: (style: Style) => model.styles.addStyleModel(style), text: (text: string) => model.sharedStrings.add(text) };
  const drawn = { drawings: [] as number[], charts: [] as number[] };
  const parts: [string, string | Uint8Array | Deflated][] = [];
  const ownRels = new Map(worksheetParts.filter(([name]) => !SHEET_PART.test(name)));
  const relsDone = new Set<string>();
  let written = 0;
  for (const [name, data] of worksheetParts) {
    const sheet = SHEET_PART.exec(name);
    if (!sheet || typeof data !== 'string') {
      // A worksheet's own relationships: already given the drawing's, below, if it has one.
      if (!relsDone.has(name)) parts.push([name, data]);
      continue;
    }
    const cells = byWorksheet.get(Number(sheet[1]));
    let xml = (cells ? withCells(data, sheetXml(cells, ids)) : data).replace(EMPTY_DATABAR_REF, '');
    const charts = cells?.charts ?? [];
    if (charts.length === 0) {
      parts.push([name, zip.deflate(xml)]);
    } else {
      xml = withDrawing(xml);
      parts.push([name, zip.deflate(xml)]);
      const drawing = drawn.drawings.length + 1;
      drawn.drawings.push(drawing);
      const relsName = `xl/worksheets/_rels/sheet${sheet[1]}.xml.rels`;
      const own = ownRels.get(relsName);
      relsDone.add(relsName);
      parts.push([relsName, withDrawingRel(typeof own === 'string' ? own : undefined, drawing)]);
      const numbers = charts.map((chart) => {
        const number = drawn.charts.length + 1;
        drawn.charts.push(number);
        parts.push([`xl/charts/chart${number}.xml`, zip.deflate(chart.xml)]);
        return number;
      });
      parts.push([`xl/drawings/drawing${drawing}.xml`, zip.deflate(drawingXml(charts, 2))]);
      parts.push([`xl/drawings/_rels/drawing${drawing}.xml.rels`, drawingRelsXml(numbers)]);
    }
    if (++written % SHEETS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  // Every part in the order of ExcelJS's own write (shared strings after the sheets).
  const sink: PartSink = {
    append(data, { name, base64 }) {
      if (base64) throw new Error(`workbook part ${name}: base64 media is not written`);
      if (name === '[Content_Types].xml' && typeof data === 'string') zip.add(name, withContentTypes(data, drawn.drawings, drawn.charts));
      else zip.add(name, data);
    },
  };
  for (const step of STEPS) {
    if (step === 'addWorksheets') for (const [name, part] of parts) zip.add(name, part);
    else await xlsx[step](sink, model);
  }
  return zip.finish();
}

const NO_ROWS = '<sheetData/>';
const NO_DIMENSION = '<dimension ref="A1:A1"/>';

/** A worksheet part as ExcelJS renders it with no rows, given its cells. */
function withCells(xml: string, cells: SheetXml | undefined): string {
  if (!cells) return xml;
  const at = xml.indexOf(NO_ROWS);
  const dimension = xml.indexOf(NO_DIMENSION);
  if (at < 0 || dimension < 0 || dimension > at) throw new Error('worksheet part: not the empty sheet ExcelJS 4.4 writes');
  // <mergeCells> follows <sheetData> and the <autoFilter> ExcelJS may write after it.
  let merges = at + NO_ROWS.length;
  if (xml.startsWith('<autoFilter', merges)) merges = xml.indexOf('/>', merges) + 2;
  return xml.slice(0, dimension) + `<dimension ref="${cells.dimension}"/>` + xml.slice(dimension + NO_DIMENSION.length, at) +
    cells.sheetData + xml.slice(at + NO_ROWS.length, merges) + cells.mergeCells + xml.slice(merges);
}
