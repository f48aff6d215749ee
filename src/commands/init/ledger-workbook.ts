/**
 * Builds the sample ledger.xlsx of `kpi init` from the sheet specs: one sheet per ledger,
 * an optional title row above a bold, frozen, filterable header, dates as real Excel date
 * cells, numbers as numbers, and text as the department typed it — in Chinese, or the same
 * rows in English. It returns the bytes; the command writes them.
 */
import type { Locale } from '../../render/labels.js';
import { toEnglish } from './english.js';
import { COMPLAINTS, EVENTS, ROSTER, TEAM_SURVEY, TRAINING, WEEKLY } from './ledger-others.js';
import { RESEARCH, SALES } from './ledger-research-sales.js';
import { SERVICES } from './ledger-services.js';
import { compactRows, SAMPLE_YEAR, type Column, type SheetSpec } from './sheet-spec.js';

/** In the order a department keeps them: who is assessed, the ledgers by dimension, then the managers' own. */
export const SAMPLE_SHEETS: readonly SheetSpec[] = [ROSTER, SERVICES, COMPLAINTS, RESEARCH, SALES, EVENTS, TRAINING, WEEKLY, TEAM_SURVEY];

export interface SampleLedger {
  bytes: Uint8Array;
  /** Sheet names, in order. */
  sheets: string[];
  /** People in the roster sheet. */
  people: number;
  /** The other sheets, and their data rows (title and header rows not counted). */
  ledgers: number;
  ledgerRows: number;
}

type Lang = 'zh' | 'en';
type CellValue = string | number | Date | null;

const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
const PERCENT_FORMAT = '0%';
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function langOf(locale: Locale): Lang {
  return locale === 'en' ? 'en' : 'zh';
}

function toCell(text: string | undefined, column: Column, lang: Lang): CellValue {
  if (text === undefined || text === '') return null;
  switch (column.kind) {
    case 'id':
    case 'name':
      return text;
    case 'text':
      return lang === 'en' ? toEnglish(text) : text;
    case 'date': {
      // UTC midnight: exceljs turns a Date into a serial from its UTC time, so the cell holds
      // a whole day number and no time zone can move it to the day before.
      const [month, day] = text.split('-').map(Number);
      return new Date(Date.UTC(SAMPLE_YEAR, month - 1, day));
    }
    case 'datetime': {
      const [date, time] = text.split(' ');
      const [month, day] = date.split('-').map(Number);
      const [hour, minute] = time.split(':').map(Number);
      return new Date(Date.UTC(SAMPLE_YEAR, month - 1, day, hour, minute));
    }
    case 'number':
      // Anything that is not a plain number stays text on purpose (`abc`, a full-width `５`):
      // that is how such cells reach kpi from a real ledger.
      return PLAIN_NUMBER.test(text) ? Number(text) : text;
    case 'percent':
      return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  }
}

/** Columns wide enough to read: CJK characters take two places. */
function displayWidth(value: CellValue): number {
  if (value === null) return 0;
  if (value instanceof Date) return DATETIME_FORMAT.length;
  let width = 0;
  for (const ch of String(value)) width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

export async function buildSampleLedger(locale: Locale): Promise<SampleLedger> {
  const { default: ExcelJS } = await import('exceljs');
  const lang = langOf(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kpi init';
  let people = 0;
  let ledgerRows = 0;

  // The roster is one of SAMPLE_SHEETS; every other sheet is a ledger.
  for (const spec of SAMPLE_SHEETS) {
    const sheet = workbook.addWorksheet(spec.name[lang]);
    const width = spec.columns.length;
    let headerRow = 1;
    if (spec.title) {
      sheet.getCell(1, 1).value = spec.title[lang];
      sheet.getCell(1, 1).font = { bold: true, size: 14 };
      sheet.mergeCells(1, 1, 1, width);
      headerRow = 2;
    }
    const header = sheet.getRow(headerRow);
    header.values = spec.columns.map((c) => c.header[lang]);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      cell.border = { bottom: { style: 'thin' } };
    });

    const data = compactRows(spec.rows).map((cells) => spec.columns.map((column, i) => toCell(cells[i], column, lang)));
    data.forEach((values, r) => {
      const row = sheet.getRow(headerRow + 1 + r);
      values.forEach((value, c) => {
        if (value === null) return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = spec.columns[c].kind === 'datetime' ? DATETIME_FORMAT : DATE_FORMAT;
        else if (spec.columns[c].kind === 'percent') cell.numFmt = PERCENT_FORMAT;
      });
    });
    if (spec.source === 'roster') people += data.length;
    else ledgerRows += data.length;

    spec.columns.forEach((column, c) => {
      const widest = Math.max(displayWidth(column.header[lang]), ...data.map((values) => displayWidth(values[c])));
      sheet.getColumn(c + 1).width = Math.min(widest + 2, 40);
    });
    sheet.views = [{ state: 'frozen', ySplit: headerRow }];
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: width } };
  }

  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer), sheets: SAMPLE_SHEETS.map((s) => s.name[lang]), people, ledgers: SAMPLE_SHEETS.length - 1, ledgerRows };
}
