/**
 * The Summary's charts (SPEC §13), to the right of the ranking: the distribution of final
 * scores — people per score band, one stacked colour per grade, with bands cut at every
 * grade minimum so that the colours change where the grades do — and the average of each
 * dimension per team. Each chart plots a small table written below the charts, whose
 * cells are live formulas over the ranking (COUNTIFS, AVERAGEIFS) with the engine's
 * numbers as cached values: edit a score and table and chart follow. The criteria refer
 * to cells holding the grade or team name, so no ledger text is ever part of a formula.
 * The Summary prints the ranking only (its print area); the charts are for the screen.
 */
import type { ScoreReport } from '../../../core/report.js';
import type { Scheme } from '../../../core/types.js';
import { pictureText } from '../../../messages/pictures.js';
import { say } from '../../../messages/text.js';
import { word, type Locale } from '../../labels.js';
import { usedDimensions } from '../../ranking-table.js';
import { write, writeFormula, type CellStyle } from '../sheet-kit.js';
import { NOT_AVAILABLE, columnLetter, type Sheet } from '../sheet.js';
import { BOX, FILL, FORMAT, baseFont } from '../style.js';
import type { SummaryLayout } from '../summary.js';
import { barChartXml, type BarSeries } from './chart-xml.js';
import { teamRows } from '../../averages.js';
import { gradeChartColor, seriesColor, sheetRef } from '../../palette.js';
import { scoreBands, type Band } from '../../bands.js';

const BLOCK_WIDTH = 9;
const FIRST_WIDTH = 16;
const OTHER_WIDTH = 9;

export function addSummaryCharts(sheet: Sheet, layout: SummaryLayout, report: ScoreReport, scheme: Scheme, locale: Locale): void {
  const scored = report.employees.filter((e) => e.error === null && e.final !== null);
  const final = layout.letters.get('final');
  const grade = layout.letters.get('grade');
  const team = layout.letters.get('team');
  if (scored.length === 0 || !final || !grade || !team || scheme.grades.length === 0) return;
  const t = (text: { en: string; zh: string }) => say(text, locale);
  const font = baseFont(locale);
  const styles = {
    title: { font: { ...font, bold: true } } satisfies CellStyle,
    head: { font: { ...font, bold: true }, fill: FILL.head, border: BOX, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } satisfies CellStyle,
    text: { font, border: BOX } satisfies CellStyle,
    number: (numFmt: string): CellStyle => ({ font, border: BOX, numFmt }),
  };
  const c0 = layout.width + 2;
  const col = (i: number) => columnLetter(c0 + i);
  sheet.setWidth(c0, FIRST_WIDTH);
  for (let i = 1; i < BLOCK_WIDTH + Math.max(0, scheme.grades.length - 4); i++) sheet.setWidth(c0 + i, OTHER_WIDTH);
  const range = (letter: string) => `$${letter}$${layout.first}:$${letter}$${layout.last}`;
  const chartCommon = { font: String(font.name), lang: locale };

  // 1. People per score band and grade.
  const bands = scoreBands(scored.map((e) => e.final!), scheme.grades);
  const teams = teamRows(report, locale);
  const dimensions = usedDimensions(scheme);
  const distHeight = 18;
  const teamHeight = Math.max(16, Math.ceil((teams.length * (dimensions.length * 14 + 18) + 130) / 24));
  let row = layout.first + distHeight + teamHeight + 2;

  write(sheet, `${col(0)}${row}`, t(pictureText.distributionTable()), styles.title);
  const head = row + 1;
  const minimum = row + 2;
  [t(pictureText.band()), t(pictureText.bandFrom()), t(pictureText.bandTo())].forEach((label, i) => write(sheet, `${col(i)}${head}`, label, styles.head));
  write(sheet, `${col(0)}${minimum}`, t(pictureText.gradeMinimum()), styles.text);
  write(sheet, `${col(1)}${minimum}:${col(2)}${minimum}`, null, styles.text);
  scheme.grades.forEach((g, i) => {
    write(sheet, `${col(3 + i)}${head}`, g.grade, styles.head);
    write(sheet, `${col(3 + i)}${minimum}`, g.min ?? null, styles.number(FORMAT.general));
  });
  const totalCol = col(3 + scheme.grades.length);
  write(sheet, `${totalCol}${head}`, t(pictureText.total()), styles.head);
  write(sheet, `${totalCol}${minimum}`, null, styles.text);
  const firstBand = minimum + 1;
  const counts = scheme.grades.map(() => [] as number[]);
  bands.forEach((band, b) => {
    const r = firstBand + b;
    write(sheet, `${col(0)}${r}`, band.label, styles.text);
    write(sheet, `${col(1)}${r}`, band.from, styles.number(FORMAT.general));
    write(sheet, `${col(2)}${r}`, band.to, styles.number(FORMAT.general));
    const upper = band.last ? '"<="' : '"<"';
    scheme.grades.forEach((g, i) => {
      const n = scored.filter((e) => e.grade === g.grade && inBand(e.final!, band)).length;
      counts[i].push(n);
      const formula = `COUNTIFS(${range(final)},">="&$${col(1)}${r},${range(final)},${upper}&$${col(2)}${r},${range(grade)},"="&${col(3 + i)}$${head})`;
      writeFormula(sheet, `${col(3 + i)}${r}`, formula, n, styles.number(FORMAT.integer));
    });
    writeFormula(sheet, `${totalCol}${r}`, `SUM(${col(3)}${r}:${col(2 + scheme.grades.length)}${r})`, counts.reduce((s, c) => s + c[b], 0), styles.number(FORMAT.integer));
  });
  const lastBand = firstBand + bands.length - 1;
  const name = sheet.ws.name;
  const distribution = barChartXml({
    ...chartCommon,
    title: t(pictureText.distributionTitle()), direction: 'col', grouping: 'stacked',
    categories: { f: sheetRef(name, col(0), firstBand, lastBand), values: bands.map((b) => b.label) },
    series: scheme.grades.map((g, i): BarSeries => ({
      name: { f: sheetRef(name, col(3 + i), head, head), values: [g.grade] },
      values: { f: sheetRef(name, col(3 + i), firstBand, lastBand), values: counts[i] },
      color: gradeChartColor(i, scheme.grades.length),
    })),
    axis: { title: t(pictureText.people()), format: '0', min: 0 },
    categoryTitle: t(pictureText.band()),
    labels: '0;-0;;',
  });

  // 2. The average of each dimension per team (and of everyone).
  row = lastBand + 3;
  write(sheet, `${col(0)}${row}`, t(pictureText.teamTable()), styles.title);
  const teamHead = row + 1;
  write(sheet, `${col(0)}${teamHead}`, word('team', locale), styles.head);
  dimensions.forEach((d, i) => write(sheet, `${col(1 + i)}${teamHead}`, d.label, styles.head));
  const averages = dimensions.map(() => [] as (number | null)[]);
  teams.forEach((entry, k) => {
    const r = teamHead + 1 + k;
    write(sheet, `${col(0)}${r}`, entry.label, styles.text);
    dimensions.forEach((d, i) => {
      const letter = layout.letters.get(`dimension:${d.id}`)!;
      const values = scored.filter((e) => entry.matches(e.team)).map((e) => e.dimensions.find((x) => x.id === d.id)?.score ?? null).filter((v): v is number => v !== null);
      const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
      averages[i].push(mean);
      const over = entry.kind === 'all' ? `AVERAGE(${range(letter)})` : `AVERAGEIFS(${range(letter)},${range(team)},${entry.kind === 'none' ? '""' : `"="&$${col(0)}${r}`})`;
      writeFormula(sheet, `${col(1 + i)}${r}`, `IFERROR(${over},NA())`, mean ?? NOT_AVAILABLE, styles.number(FORMAT.score));
    });
  });
  const lastTeam = teamHead + teams.length;
  const all = averages.flat().filter((v): v is number => v !== null);
  const byTeam = barChartXml({
    ...chartCommon,
    title: t(pictureText.teamTitle()), direction: 'bar', grouping: 'clustered',
    categories: { f: sheetRef(name, col(0), teamHead + 1, lastTeam), values: teams.map((x) => x.label) },
    series: dimensions.map((d, i): BarSeries => ({
      name: { f: sheetRef(name, col(1 + i), teamHead, teamHead), values: [d.label] },
      values: { f: sheetRef(name, col(1 + i), teamHead + 1, lastTeam), values: averages[i] },
      color: seriesColor(i),
    })),
    axis: { title: t(pictureText.score()), format: '0', min: 0, ...(all.every((v) => v <= 100) ? { max: 100 } : {}) },
  });

  const from = layout.first - 1;
  sheet.charts.push(
    { name: 'Score distribution', xml: distribution, anchor: { from: { col: c0 - 1, row: from }, to: { col: c0 - 1 + BLOCK_WIDTH, row: from + distHeight } } },
    { name: 'Dimension averages by team', xml: byTeam, anchor: { from: { col: c0 - 1, row: from + distHeight + 1 }, to: { col: c0 - 1 + BLOCK_WIDTH, row: from + distHeight + 1 + teamHeight } } },
  );
  // Printed, the Summary is the ranking: the charts beside it would shrink it to fit the page.
  sheet.ws.pageSetup.printArea = `A1:${columnLetter(layout.width)}${Math.max(layout.last, layout.first)}`;
}

function inBand(final: number, band: Band): boolean {
  return final >= band.from && (band.last ? final <= band.to : final < band.to);
}
