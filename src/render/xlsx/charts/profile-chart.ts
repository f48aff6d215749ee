/**
 * A scorecard's chart (SPEC §13): the person's dimension scores beside the average of
 * everyone with the same role, as horizontal bars, under the signature lines and inside the
 * card's printed A4 page. Its small table (columns A–C) holds live formulas — the person's
 * score from the card's own subtotal rows, the role's average from the Summary's ranking
 * (AVERAGEIFS over the role column, matched against the card's role cell) — with the
 * engine's numbers cached; the chart (columns D–G) plots that table.
 */
import type { EmployeeResult } from '../../../core/result.js';
export { roleAverages } from '../../averages.js';
import { pictureText } from '../../../messages/pictures.js';
import { say } from '../../../messages/text.js';
import { word, type Locale } from '../../labels.js';
import { cardStyles } from '../card-styles.js';
import { write, writeFormula } from '../sheet-kit.js';
import { NOT_AVAILABLE, type Sheet } from '../sheet.js';
import { FORMAT, baseFont } from '../style.js';
import type { SummaryLayout } from '../summary.js';
import { barChartXml } from './chart-xml.js';
import { sheetRef } from '../../palette.js';

/** What every card's chart needs from the Summary: where its ranking is, the role averages. */
export interface ProfileSource {
  summary: string;
  layout: SummaryLayout;
  /** Role label → dimension id → the average score of everyone with that role (null: none). */
  averages: Map<string, Map<string, number | null>>;
}

/** Rows the chart spans: about 9 cm at the cards' 18-point rows. */
const CHART_ROWS = 15;
/** The card's role cell (scorecard.ts writes the role label in B5:D5). */
const ROLE_CELL = '$B$5';

/** Writes the table and places the chart from row `start`; returns the block's last row. */
export function addProfileChart(sheet: Sheet, result: EmployeeResult, subtotalRows: Map<string, number>, source: ProfileSource, locale: Locale, start: number): number {
  const role = result.roleLabel;
  if (role === null || result.dimensions.length === 0) return start - 2;
  const t = (text: { en: string; zh: string }) => say(text, locale);
  const style = cardStyles(locale);
  const { layout } = source;
  const summary = `'${source.summary.replace(/'/g, "''")}'!`;
  const roleRange = `${summary}$${layout.letters.get('role')}$${layout.first}:$${layout.letters.get('role')}$${layout.last}`;

  write(sheet, `A${start}`, word('dimension', locale), style.head);
  write(sheet, `B${start}`, t(pictureText.self()), style.head);
  write(sheet, `C${start}`, t(pictureText.roleAverage()), style.head);
  sheet.setHeight(start, 30);
  const mine: (number | null)[] = [];
  const theirs: (number | null)[] = [];
  result.dimensions.forEach((d, i) => {
    const r = start + 1 + i;
    write(sheet, `A${r}`, d.label, style.text);
    const s = subtotalRows.get(d.id)!;
    writeFormula(sheet, `B${r}`, `IF(ISNUMBER(F${s}),F${s},NA())`, d.score ?? NOT_AVAILABLE, style.number(FORMAT.score));
    const letter = layout.letters.get(`dimension:${d.id}`);
    const average = source.averages.get(role)?.get(d.id) ?? null;
    if (letter) {
      const values = `${summary}$${letter}$${layout.first}:$${letter}$${layout.last}`;
      writeFormula(sheet, `C${r}`, `IFERROR(AVERAGEIFS(${values},${roleRange},"="&${ROLE_CELL}),NA())`, average ?? NOT_AVAILABLE, style.number(FORMAT.score));
    } else {
      writeFormula(sheet, `C${r}`, 'NA()', NOT_AVAILABLE, style.number(FORMAT.score));
    }
    mine.push(d.score);
    theirs.push(letter ? average : null);
  });
  const last = start + result.dimensions.length;
  const name = sheet.ws.name;
  const all = [...mine, ...theirs].filter((v): v is number => v !== null);
  const xml = barChartXml({
    title: t(pictureText.profileTitle()), direction: 'bar', grouping: 'clustered',
    categories: { f: sheetRef(name, 'A', start + 1, last), values: result.dimensions.map((d) => d.label) },
    series: [
      { name: { f: sheetRef(name, 'B', start, start), values: [t(pictureText.self())] }, values: { f: sheetRef(name, 'B', start + 1, last), values: mine }, color: '4472C4' },
      { name: { f: sheetRef(name, 'C', start, start), values: [t(pictureText.roleAverage())] }, values: { f: sheetRef(name, 'C', start + 1, last), values: theirs }, color: 'A5A5A5' },
    ],
    axis: { format: '0', min: 0, ...(all.every((v) => v <= 100) ? { max: 100 } : {}) },
    labels: '0.0',
    font: String(baseFont(locale).name), lang: locale,
  });
  // Anchors count from 0: column D is 3, and the chart ends where column H begins.
  sheet.charts.push({ name: 'Dimension profile', xml, anchor: { from: { col: 3, row: start - 1 }, to: { col: 7, row: start - 1 + CHART_ROWS } } });
  return Math.max(last, start - 1 + CHART_ROWS);
}

