/**
 * `kpi batch --html`: index.html beside index.json (SPEC §13) — the trend that shows whether
 * the standards are doing their job. The department's and each team's average final per
 * period as one line chart (ECharts, inline SVG); each person's final over the periods as a
 * row of small bars in one table (thousands of people stay one light page, not thousands
 * of charts); and every run with links to its reports, which sit beside index.html.
 */
import { pictureText } from '../../messages/pictures.js';
import { say, type Text } from '../../messages/text.js';
import { word, type Locale } from '../labels.js';
import { seriesColor } from '../palette.js';
import { loadCharts, type ChartRenderer } from './charts.js';
import { esc, figure, htmlPage, table } from './page.js';

/** One person's result in one run, as the trend needs it. */
export interface TrendPoint {
  id: string;
  name: string | null;
  team: string | null;
  final: number;
}

export interface TrendRun {
  period: string;
  team: string | null;
  status: 'ok' | 'failed';
  error: string | null;
  people: number;
  files: string[];
}

export interface TrendInput {
  title: string;
  locale: Locale;
  /** The periods of the batch, oldest first. */
  periods: string[];
  runs: TrendRun[];
  /** Period → the finals of everyone scored in it (over all of its runs). */
  finals: Map<string, TrendPoint[]>;
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function renderTrendPage(input: TrendInput, charts?: ChartRenderer): Promise<string> {
  const { locale, periods } = input;
  const t = (text: Text) => say(text, locale);
  const renderer = charts ?? (await loadCharts());
  const all = periods.map((p) => input.finals.get(p) ?? []);
  const teams = [...new Set(all.flat().map((x) => x.team).filter((x): x is string => x !== null && x !== ''))].sort(byText);
  const failed = input.runs.filter((r) => r.status === 'failed').length;
  const body = [
    `<header><h1>${esc(input.title)}</h1><p class="meta">${esc(t(pictureText.trendTitle()))}: ${esc(periods[0])} – ${esc(periods[periods.length - 1])} · ${esc(t(pictureText.periodsRun({ n: input.runs.length, failed })))}</p></header>`,
  ];

  const lines = [{ name: t(pictureText.department()), values: all.map((xs) => mean(xs.map((x) => x.final))), width: 3 },
    ...teams.map((team) => ({ name: team, values: all.map((xs) => mean(xs.filter((x) => x.team === team).map((x) => x.final))), width: 1.5 }))];
  const svg = renderer.svg({
    title: { text: t(pictureText.averageFinal()), left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold' } },
    legend: { bottom: 0, type: 'plain', itemWidth: 16, itemHeight: 8 },
    grid: { left: 8, right: 24, top: 44, bottom: 40 + 18 * Math.ceil(lines.length / 6), containLabel: true },
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: { type: 'value', scale: true, name: word('final', locale) },
    series: lines.map((line, i) => ({
      name: line.name, type: 'line', data: line.values, connectNulls: false, symbolSize: 5,
      lineStyle: { width: line.width }, itemStyle: { color: i === 0 ? '#222222' : `#${seriesColor(i - 1)}` },
      label: { show: i === 0 && periods.length <= 12, position: 'top', fontSize: 10 },
    })),
  }, { width: 980, height: 360 + 18 * Math.ceil(lines.length / 6) }, 'trend');
  body.push(`<section id="trend">${figure(svg, t(pictureText.averageFinal()))}</section>`);

  body.push(peopleSection(input, all));
  body.push(runsSection(input));
  return htmlPage({ locale, title: `${input.title} · ${t(pictureText.trendTitle())}`, body: body.join('\n') });
}

function peopleSection(input: TrendInput, all: TrendPoint[][]): string {
  const { locale, periods } = input;
  const t = (text: Text) => say(text, locale);
  const people = new Map<string, { name: string | null; team: string | null; finals: (number | null)[] }>();
  all.forEach((points, p) => {
    for (const x of points) {
      let person = people.get(x.id);
      if (!person) people.set(x.id, (person = { name: x.name, team: x.team, finals: periods.map(() => null) }));
      person.finals[p] = x.final;
      person.name = x.name ?? person.name;
      person.team = x.team ?? person.team;
    }
  });
  const top = Math.max(100, ...all.flat().map((x) => x.final));
  const ids = [...people.keys()].sort((a, b) => byText(people.get(a)!.team ?? '\uffff', people.get(b)!.team ?? '\uffff') || byText(a, b));
  const rows = ids.map((id) => {
    const p = people.get(id)!;
    const scored = p.finals.filter((v): v is number => v !== null);
    const bars = p.finals.map((v, i) => (v === null ? `<i class="none" title="${esc(periods[i])}"></i>` : `<i style="height:${Math.max(1, (Math.max(0, v) / top) * 24).toFixed(1)}px" title="${esc(periods[i])}: ${v.toFixed(2)}"></i>`)).join('');
    const latest = p.finals[p.finals.length - 1];
    return [`<td>${esc(id)}</td>`, `<td>${esc(p.name)}</td>`, `<td>${esc(p.team)}</td>`, `<td><span class="spark">${bars}</span></td>`,
      latest === null ? '<td class="na">—</td>' : `<td class="n">${latest.toFixed(2)}</td>`, `<td class="n">${mean(scored)?.toFixed(2) ?? ''}</td>`];
  });
  const head = [{ label: word('id', locale) }, { label: word('name', locale) }, { label: word('team', locale) }, { label: `${periods[0]} → ${periods[periods.length - 1]}` },
    { label: `${t(pictureText.latest())} (${periods[periods.length - 1]})`, numeric: true }, { label: t(pictureText.average()), numeric: true }];
  return `<section id="people"><h2>${esc(t(pictureText.personTrend()))}</h2><p class="note">${esc(t(pictureText.trendNote()))}</p>${table(head, rows, 'tight')}</section>`;
}

function runsSection(input: TrendInput): string {
  const { locale } = input;
  const t = (text: Text) => say(text, locale);
  const rows = input.runs.map((r) => [`<td>${esc(r.period)}</td>`, `<td>${esc(r.team)}</td>`,
    `<td${r.status === 'failed' ? ' class="warn"' : ''}>${r.status === 'failed' ? `${esc(t(pictureText.failed()))}: ${esc(r.error)}` : esc(t(pictureText.ok()))}</td>`,
    `<td class="n">${r.people}</td>`, `<td>${r.files.map((f) => `<a href="${esc(encodeURIComponent(f))}">${esc(f)}</a>`).join(' ')}</td>`]);
  const head = [{ label: word('period', locale) }, { label: word('team', locale) }, { label: t(pictureText.status()) }, { label: t(pictureText.people()), numeric: true }, { label: word('file', locale) }];
  return `<section id="runs"><h2>${esc(t(pictureText.reports()))}</h2>${table(head, rows)}</section>`;
}
