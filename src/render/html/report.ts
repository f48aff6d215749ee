/**
 * `-o report.html` (SPEC §13): one period's results as a page for people — the distribution
 * of final scores by band and grade and each team's dimension averages (ECharts, rendered
 * to inline SVG), the changes since the compared period (`--compare`), the ranking, and
 * every person's dimension profile beside the average of their role. A department of
 * thousands stays readable: the profiles are one compact table per team with small bars,
 * not a chart per person. Same input → same bytes: no clock, no random ids.
 */
import type { ScoreReport } from '../../core/report.js';
import type { Scheme } from '../../core/types.js';
import { pictureText } from '../../messages/pictures.js';
import { say, type Text } from '../../messages/text.js';
import { roleAverages, teamRows } from '../averages.js';
import { scoreBands } from '../bands.js';
import { word, wordWith, type Locale } from '../labels.js';
import { gradeChartColor, seriesColor } from '../palette.js';
import { usedDimensions } from '../ranking-table.js';
import { loadCharts, type ChartRenderer } from './charts.js';
import { esc, figure, htmlPage } from './page.js';
import { behindPaceSection, changesSection, profilesSection, rankingSection, type BehindPace } from './sections.js';

export interface HtmlReportInput {
  report: ScoreReport;
  scheme: Scheme;
  locale: Locale;
  /** The period `--compare` scored, when it did. */
  compared?: string;
  /** People behind pace in a period in progress (SPEC §11), when the report has them. */
  behind?: BehindPace[];
}

export async function renderHtmlReport(input: HtmlReportInput, charts?: ChartRenderer): Promise<string> {
  const { report, scheme, locale } = input;
  const t = (text: Text) => say(text, locale);
  const renderer = charts ?? (await loadCharts());
  const scored = report.employees.filter((e) => e.error === null && e.final !== null);
  const period = report.period ?? word('allPeriods', locale);
  // A period in progress (SPEC §11) says so, as of when, in place of the plain period.
  const progress = report.progress ?? null;
  const periodLine = progress
    ? wordWith('progressLine', locale, { period, asOf: progress.asOf, elapsed: progress.elapsedWorkdays, total: progress.totalWorkdays })
    : `${word('period', locale)}: ${period}`;
  const body: string[] = [
    `<header><h1>${esc(report.title)}</h1><p class="meta">${esc(periodLine)} · ${esc(t(pictureText.scoredOf({ n: scored.length })))}</p></header>`,
    '<nav>' + [['overview', t(pictureText.overview())], ...(input.compared ? [['changes', t(pictureText.changes({ period: input.compared }))]] : []),
      ['ranking', t(pictureText.ranking())], ['profiles', t(pictureText.profiles())]].map(([id, label]) => `<a href="#${id}">${esc(label)}</a>`).join('') + '</nav>',
  ];
  if (scored.length > 0) {
    body.push(`<section id="overview"><h2>${esc(t(pictureText.overview()))}</h2><div class="charts">`,
      figure(distributionSvg(input, renderer), t(pictureText.distributionTitle())),
      figure(teamSvg(input, renderer), t(pictureText.teamTitle())), '</div></section>');
  }
  if (input.compared) body.push(changesSection(report, locale, input.compared));
  if (input.behind) body.push(behindPaceSection(input.behind, locale));
  body.push(rankingSection(report, scheme, locale));
  body.push(profilesSection(report, scheme, locale, roleAverages(report.employees.map((e) => ({ error: e.error, roleLabel: e.role, dimensions: e.dimensions })))));
  return htmlPage({ locale, title: `${report.title} · ${period}`, body: body.join('\n') });
}

const WIDTH = 500;

function title(text: string) {
  return { text, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold' } };
}

/** People per score band, stacked by grade; bands are cut at the grade minimums. */
function distributionSvg({ report, scheme, locale }: HtmlReportInput, charts: ChartRenderer): string {
  const t = (text: Text) => say(text, locale);
  const scored = report.employees.filter((e) => e.error === null && e.final !== null);
  const bands = scoreBands(scored.map((e) => e.final!), scheme.grades);
  const inBand = (f: number, b: (typeof bands)[number]) => f >= b.from && (b.last ? f <= b.to : f < b.to);
  const series = scheme.grades.map((g, i) => ({
    name: g.min === undefined ? g.grade : `${g.grade} ${t(pictureText.atLeast({ n: String(g.min) }))}`,
    type: 'bar', stack: 'people', barCategoryGap: '25%',
    itemStyle: { color: `#${gradeChartColor(i, scheme.grades.length)}` },
    label: { show: true, fontSize: 10, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
    data: bands.map((b) => scored.filter((e) => e.grade === g.grade && inBand(e.final!, b)).length),
  }));
  return charts.svg({
    title: title(t(pictureText.distributionTitle())),
    legend: { bottom: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 44, right: 14, top: 44, bottom: 64 },
    xAxis: { type: 'category', data: bands.map((b) => b.label), name: t(pictureText.band()), nameLocation: 'middle', nameGap: 26, axisLabel: { fontSize: 10, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, name: t(pictureText.people()) },
    series,
  }, { width: WIDTH, height: 320 }, 'dist');
}

/** Each dimension's average per team (and of everyone), as clustered horizontal bars. */
function teamSvg({ report, scheme, locale }: HtmlReportInput, charts: ChartRenderer): string {
  const scored = report.employees.filter((e) => e.error === null && e.final !== null);
  const rows = teamRows(report, locale);
  const dimensions = usedDimensions(scheme);
  const series = dimensions.map((d, i) => ({
    name: d.label, type: 'bar', itemStyle: { color: `#${seriesColor(i)}` },
    data: rows.map((row) => {
      const values = scored.filter((e) => row.matches(e.team)).map((e) => e.dimensions.find((x) => x.id === d.id)?.score ?? null).filter((v): v is number => v !== null);
      return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null;
    }),
  }));
  const all = series.flatMap((s) => s.data).filter((v): v is number => v !== null);
  const height = Math.max(300, 110 + rows.length * (dimensions.length * 11 + 14));
  return charts.svg({
    title: title(say(pictureText.teamTitle(), locale)),
    legend: { bottom: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 24, top: 40, bottom: 44, containLabel: true },
    xAxis: { type: 'value', min: 0, ...(all.every((v) => v <= 100) ? { max: 100 } : {}) },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { fontSize: 11 } },
    series,
  }, { width: WIDTH, height }, 'team');
}
