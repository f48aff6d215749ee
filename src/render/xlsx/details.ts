/**
 * The Details sheet (明细, SPEC §6.4): one row per person × indicator — period, id, name,
 * role, team, dimension, indicator, metric, weight, actual, score, excluded, weighted — a
 * flat table for pivot tables. A missing actual and an excluded score or weighted score are
 * left empty (not "N/A"), so Excel offers Sum rather than Count for those columns; the
 * "excluded" column says which rows did not count.
 */
import type { ScoreReport } from '../../core/report.js';
import type { EmployeeResult } from '../../core/result.js';
import type { Scheme } from '../../core/types.js';
import { word, type Locale, type Word } from '../labels.js';
import { memo, printSetup, write, type CellStyle } from './sheet-kit.js';
import { columnLetter, type Sheet } from './sheet.js';
import type { Plain } from './safe.js';
import { BOX, FILL, FORMAT, actualFormat, baseFont, fitColumns, shownText } from './style.js';
import { weightingOf } from './weighting.js';

const HEADERS: Word[] = ['period', 'id', 'name', 'role', 'team', 'dimension', 'indicator', 'metric', 'weight', 'actual', 'score', 'excluded', 'weighted'];

export function addDetails(sheet: Sheet, report: ScoreReport, results: readonly EmployeeResult[], scheme: Scheme, locale: Locale): void {
  const w = (key: Word) => word(key, locale);
  const font = baseFont(locale);
  const head: CellStyle = { font: { ...font, bold: true }, fill: FILL.head, border: BOX, alignment: { horizontal: 'center', vertical: 'middle' } };
  const plain: CellStyle = { font, border: BOX };
  const numbered = memo((numFmt: string): CellStyle => ({ ...plain, numFmt }));
  // In progress (SPEC §11): to date, expected by now and behind pace after the rest.
  const progress = report.progress ?? null;
  const headers: Word[] = progress ? [...HEADERS, 'toDate', 'expectedByNow', 'behindPace'] : HEADERS;
  const letters = headers.map((_, i) => columnLetter(i + 1));
  const letter = (i: number) => letters[i];
  headers.forEach((key, i) => write(sheet, `${letter(i)}1`, w(key), head));
  const texts: string[][] = [headers.map(w)];
  const period = report.period ?? w('allPeriods');
  const byId = new Map(results.map((r) => [r.id, r]));
  let row = 2;
  for (const employee of report.employees) {
    const result = byId.get(employee.id);
    if (!result || employee.error !== null) continue;
    const weighting = weightingOf(result);
    const dimensionLabel = (id: string) => scheme.dimensions.find((d) => d.id === id)?.label ?? id;
    for (const ind of result.indicators) {
      const metric = scheme.metrics.find((m) => m.id === ind.metric);
      const cells: [Plain, string?][] = [
        [period], [employee.id], [employee.name], [result.roleLabel ?? employee.role], [employee.team],
        [dimensionLabel(ind.dimension)], [ind.label], [ind.metric],
        [ind.weight, FORMAT.general],
        [ind.actual, actualFormat(metric, ind.indicator.standard)],
        [ind.score, FORMAT.score],
        [ind.excluded ? w('yes') : w('no')],
        [weighting.contribution(ind), FORMAT.score],
      ];
      if (progress) {
        const pace = ind.pace;
        cells.push([pace?.toDate ?? null, actualFormat(metric, ind.indicator.standard)], [pace?.expectedToDate ?? null, FORMAT.score], [pace?.behind ? w('yes') : w('no')]);
      }
      cells.forEach(([value, numFmt], i) => {
        write(sheet, `${letter(i)}${row}`, value, typeof value === 'number' && numFmt ? numbered(numFmt) : plain);
      });
      texts.push(cells.map(([value, numFmt]) => shownText(value, numFmt ?? FORMAT.general)));
      row++;
    }
  }
  fitColumns(sheet, texts, { min: 6, max: 40 });
  sheet.ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  sheet.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, row - 1), column: headers.length } };
  printSetup(sheet, 'landscape', '1:1');
}
