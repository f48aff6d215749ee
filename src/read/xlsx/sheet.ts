/**
 * One worksheet's rows, as they stream out of its XML: each cell turned into the RawCell
 * a person sees in Excel — shared and inline strings with every rich-text run joined and
 * phonetic guides left out, numbers, dates (by the cell's number format, in the workbook's
 * 1900 or 1904 system, never through a JS Date), booleans, error values, and for formulas
 * the result Excel saved. Hyperlink cells need nothing special: the text is the cell's value.
 * Rows and cells without an `r` follow the previous one, as the format allows.
 *
 * The reader holds one row at a time (plus the rows of one input chunk); memory does not
 * grow with the sheet.
 */
import { dayNumberFromYmd, excelSerialToDayNumber } from '../cells.js';
import type { RawCell, RawRow } from '../table.js';
import { MergeFiller } from './merges.js';
import type { FormatKind } from './numfmt.js';
import { decodeXString } from './parts.js';
import { columnIndex, columnName, MAX_COLUMNS, MAX_ROWS } from './refs.js';
import { XmlError, XmlScanner, type XmlHandler, type XmlTag } from './xml.js';

/** Excel's last date, 9999-12-31: a larger number in a date-formatted cell is shown as
 *  ##### by Excel and kept as a number here. */
const MAX_SERIAL = 2_958_465;
/** Rows are handed on after at most this many cells (8 MiB of slots): one input chunk of a
 *  sheet whose every row has a value in column XFD would otherwise expand to ~200 MiB. */
const MAX_READY_CELLS = 1 << 20;

const NAMES = ['row', 'c', 'v', 'f', 'is', 't', 'r', 'rPh', 'rPr', 'sheetData'] as const;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per cell style index: whether its number format is a date, a time, or neither. */
  dateStyles: readonly FormatKind[];
  date1904: boolean;
  /** The longest cell text read (--limit cell-chars). */
  maxCellChars: number;
}

/** A cell longer than the limit: not damage, so the message says how to raise it. */
export class CellTooLong extends XmlError {}

/** What the reader noticed that the person should hear about. */
export interface SheetNotes {
  /** Formula cells with no saved result (read as empty). */
  formulasWithoutResult: number;
  /** The first of them, e.g. `C5`. */
  firstFormulaWithoutResult: string | null;
  /** Rows hidden in Excel that hold a value (read like the others). */
  hiddenRows: number;
  firstHiddenRow: number;
}

export class SheetReader implements XmlHandler {
  readonly notes: SheetNotes = { formulasWithoutResult: 0, firstFormulaWithoutResult: null, hiddenRows: 0, firstHiddenRow: 0 };
  private readonly scanner = new XmlScanner(this, NAMES);
  private ready: RawRow[] = [];
  private readyCells = 0;
  private inSheetData = false;
  private row = 0;
  private cells: RawCell[] | null = null;
  private rowHidden = false;
  // The cell being read.
  private column = -1;
  private type = '';
  private style = 0;
  private formula = false;
  private value: string | null = null;
  private inline: string | null = null;
  private phonetic = 0;
  private collecting: 'v' | 'is' | null = null;

  constructor(private readonly context: SheetContext, private readonly merges: MergeFiller) {}

  /** Feeds decoded XML; throws XmlError for malformed XML. */
  write(text: string): void {
    this.scanner.write(text);
  }

  /** True once </sheetData> is read: the rest of the part holds no cells. */
  get done(): boolean {
    return this.scanner.stopping;
  }

  /** True when rows must be taken before the rest of the input is read (`more()`). */
  get full(): boolean {
    return this.scanner.pausing;
  }

  /** Reads on after `full`. */
  more(): void {
    this.scanner.resume();
  }

  end(): void {
    if (!this.done) this.scanner.end();
  }

  /** The rows completed so far (each row once). */
  take(): RawRow[] {
    const rows = this.ready;
    this.ready = [];
    this.readyCells = 0;
    return rows;
  }

  open(name: string, tag: XmlTag): void {
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        break;
      case 'row': {
        if (!this.inSheetData) return;
        const r = tag.attr('r');
        const number = r === undefined ? this.row + 1 : Number(r);
        if (!Number.isInteger(number) || number < 1 || number > MAX_ROWS) throw new XmlError(`row number "${r}" is outside Excel's grid`);
        this.row = number;
        this.cells = [];
        this.column = -1;
        const hidden = tag.attr('hidden');
        this.rowHidden = hidden === '1' || hidden === 'true';
        break;
      }
      case 'c': {
        if (!this.cells) return;
        const r = tag.attr('r');
        this.column = r === undefined ? this.column + 1 : columnIndex(r);
        if (this.column < 0 || this.column >= MAX_COLUMNS) throw new XmlError(`cell reference "${r}" is outside Excel's grid`);
        this.type = tag.attr('t') ?? 'n';
        const s = tag.attr('s');
        this.style = s === undefined ? 0 : Number(s);
        this.formula = false;
        this.value = null;
        this.inline = null;
        this.phonetic = 0;
        break;
      }
      case 'v':
        if (!this.cells) return;
        this.value = '';
        this.collecting = 'v';
        this.scanner.wantText = true;
        break;
      case 'f':
        this.formula = true;
        break;
      case 'is':
        if (!this.cells) return;
        this.inline = '';
        this.collecting = 'is';
        break;
      case 't':
        // Text runs of an inline string; the ones inside a phonetic guide are not the text.
        if (this.collecting === 'is' && this.phonetic === 0) this.scanner.wantText = true;
        break;
      case 'rPh':
        this.phonetic++;
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.scanner.wantText = false;
        if (name === 'v') this.collecting = null;
        break;
      case 'is':
        this.collecting = null;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'c':
        if (this.cells) this.putCell();
        break;
      case 'row':
        if (!this.cells) return;
        if (this.rowHidden && this.cells.some((cell) => cell !== null) && this.notes.hiddenRows++ === 0) this.notes.firstHiddenRow = this.row;
        if (!this.merges.empty) this.merges.fill(this.row, this.cells);
        this.ready.push({ row: this.row, cells: this.cells });
        this.readyCells += this.cells.length + 1;
        if (this.readyCells > MAX_READY_CELLS) this.scanner.pause();
        this.cells = null;
        break;
      case 'sheetData':
        this.scanner.stop();
        break;
    }
  }

  text(text: string): void {
    if (this.collecting === 'v') this.value += text;
    else if (this.collecting === 'is') this.inline += text;
    const limit = this.context.maxCellChars;
    if ((this.value?.length ?? 0) + (this.inline?.length ?? 0) > limit) {
      throw new CellTooLong(`cell ${this.ref()} holds more than ${limit} characters (Excel allows 32,767)`);
    }
  }

  private ref(): string {
    return `${columnName(this.column)}${this.row}`;
  }

  private putCell(): void {
    const cells = this.cells!;
    const value = this.cellValue();
    // Empty cells (styled, bordered) do not widen the row: a row ends at its last value.
    if (value === null && this.column >= cells.length) return;
    while (cells.length < this.column) cells.push(null);
    cells[this.column] = value;
  }

  private cellValue(): RawCell {
    if (this.inline !== null) return decodeXString(this.inline);
    const v = this.value;
    const type = this.type;
    // A formula whose result was never saved (files written by tools that do not
    // calculate): nothing to read. An empty text result (="") is a result, though.
    if (v === null || (v === '' && type !== 'str' && type !== 'inlineStr')) {
      if (this.formula) {
        if (this.notes.formulasWithoutResult++ === 0) this.notes.firstFormulaWithoutResult = this.ref();
      }
      return null;
    }
    switch (type) {
      case 's': {
        const text = this.context.sharedStrings[Number(v)];
        if (text === undefined) throw new XmlError(`cell ${this.ref()} points to shared string ${v}, which does not exist`);
        return text;
      }
      case 'str':
      case 'inlineStr':
        return decodeXString(v);
      case 'b':
        return v === '1' || v.trim().toLowerCase() === 'true';
      case 'e':
        return { error: v.trim() };
      case 'd':
        return isoDate(v);
      default: {
        const n = Number(v);
        // A number Excel could not have written is kept as text, so typing reports it.
        if (!Number.isFinite(n) || v.trim() === '') return v;
        const kind = this.context.dateStyles[this.style];
        if (kind === 'date' && n >= 0 && n <= MAX_SERIAL) return { day: excelSerialToDayNumber(n, this.context.date1904) };
        // A time or duration cell keeps its number, a fraction of a day: only the field it
        // feeds says whether it is a duration, a number as stored, or (rarely) a date.
        if (kind === 'time' && Math.abs(n) <= MAX_SERIAL) return this.context.date1904 ? { time: n, date1904: true } : { time: n };
        return n;
      }
    }
  }
}

/** `t="d"` cells (strict OOXML and some generators): an ISO 8601 date, read as written;
 *  a zone suffix is ignored, since ledgers hold calendar dates. */
function isoDate(text: string): RawCell {
  const m = ISO_DATE_RE.exec(text.trim());
  if (!m) return text;
  return { day: dayNumberFromYmd(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) };
}
