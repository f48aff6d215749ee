/**
 * The scorecard workbook of SPEC §6.4, as bytes: Summary (the ranking), one printable
 * scorecard per person, Details (person × indicator, for pivots) and Issues (rejected rows
 * and warnings). Nothing is written to disk here — src/output.ts writes atomically — and
 * ExcelJS is loaded only when a workbook is rendered. The sheets' cells are kept and written
 * by kpi (sheet.ts), everything else by ExcelJS (parts.ts); the same input and `created`
 * time give the same bytes (zip.ts stamps every entry with that time). Charts (charts/,
 * SPEC §13) are native DrawingML parts whose series refer to the sheets' cells.
 */
import type { ScoreReport } from '../../core/report.js';
import type { EmployeeResult } from '../../core/result.js';
import type { Scheme } from '../../core/types.js';
import { word, wordWith, type Locale } from '../labels.js';
import { provenanceLine } from '../provenance.js';
import { addDetails } from './details.js';
import { addIssues } from './issues.js';
import { SheetNames } from './safe.js';
import { addScorecard, type ScorecardContext } from './scorecard.js';
import { Sheet } from './sheet.js';
import { addSummary } from './summary.js';
import { baseFont } from './style.js';
import { workbookBytes } from './parts.js';
import { roleAverages } from './charts/profile-chart.js';
import { addSummaryCharts } from './charts/summary-charts.js';

export interface WorkbookInput {
  report: ScoreReport;
  results: EmployeeResult[];
  scheme: Scheme;
  locale: Locale;
  /** Fixed creation/modified time, for deterministic bytes. */
  created: Date;
  /** Charts on the Summary and the scorecards (default: yes; the benchmark measures both). */
  charts?: boolean;
}

export async function renderWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const { report, results, scheme, locale } = input;
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kpi';
  workbook.lastModifiedBy = 'kpi';
  workbook.created = input.created;
  workbook.modified = input.created;
  workbook.title = report.title;

  const fixed = [word('summarySheet', locale), word('detailsSheet', locale), word('issuesSheet', locale)];
  const names = new SheetNames(fixed);
  const font = baseFont(locale);
  const sheets: Sheet[] = [];
  const addSheet = (name: string): Sheet => {
    const sheet = new Sheet(workbook.addWorksheet(name, { properties: { defaultRowHeight: 18 } }));
    sheets.push(sheet);
    return sheet;
  };
  const summary = addSheet(fixed[0]);
  const layout = addSummary(summary, report, scheme, locale);
  const charts = input.charts !== false;
  if (charts) addSummaryCharts(summary, layout, report, scheme, locale);

  const byId = new Map(results.map((r) => [r.id, r]));
  const teamSizes = new Map<string, number>();
  for (const e of report.employees) if (e.error === null && e.team !== null) teamSizes.set(e.team, (teamSizes.get(e.team) ?? 0) + 1);
  const period = report.period ?? word('allPeriods', locale);
  const progress = report.progress ?? null;
  const context: ScorecardContext = {
    scheme, locale, title: report.title,
    period: progress ? wordWith('periodInProgress', locale, { period, asOf: progress.asOf }) : period,
    scored: report.employees.filter((e) => e.error === null).length, teamSizes, progress,
    provenance: provenanceLine(report.scheme, locale),
    profile: charts && layout.letters.has('role') ? { summary: fixed[0], layout, averages: roleAverages(results) } : undefined,
  };
  for (const employee of report.employees) {
    const name = names.claim(employee.name ? `${employee.id} ${employee.name}` : employee.id);
    addScorecard(addSheet(name), employee, byId.get(employee.id), context);
  }

  addDetails(addSheet(fixed[1]), report, results, scheme, locale);
  addIssues(addSheet(fixed[2]), report, locale);

  // Cells without a font of their own (gaps, lines to sign on) use the workbook font too.
  for (const sheet of sheets) sheet.fillFont(font);
  return workbookBytes(workbook, sheets, input.created);
}
