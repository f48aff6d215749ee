/**
 * The HTML report and the batch trend page (SPEC §13) as strings: self-contained (no URL,
 * no script, no stylesheet or image to fetch), the same bytes for the same input however
 * many charts the process drew before, words in the config's locale, and a department of
 * 2,000 people still one page with two charts and a table per team.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportEmployee, ScoreReport } from '../../src/core/report.js';
import type { Scheme } from '../../src/core/types.js';
import { loadCharts } from '../../src/render/html/charts.js';
import { renderHtmlReport } from '../../src/render/html/report.js';
import { renderTrendPage } from '../../src/render/html/trend.js';
import { scoreSample } from './sample-run.js';

let report: ScoreReport;
let scheme: Scheme;

beforeAll(async () => {
  const run = await scoreSample();
  report = run.report;
  scheme = run.scheme;
});

/** What a self-contained page must not hold: anything a browser would fetch or run. */
function outsideReferences(html: string): string[] {
  return [/https?:/i, /<script/i, /<link/i, /<img/i, /<iframe/i, /@import/i, /url\((?!#)/i, / src=/i].filter((re) => re.test(html)).map(String);
}

describe('the HTML report', () => {
  it('is one self-contained page: two inline SVG charts, the ranking and the profiles, no URL', async () => {
    const html = await renderHtmlReport({ report, scheme, locale: 'zh-CN' });
    expect(outsideReferences(html)).toEqual([]);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('<html lang="zh-CN">');
    for (const word of ['总分分布', '各班组维度平均分', '排名', '个人维度得分']) expect(html).toContain(word);
    // Every person is in the ranking and in a profile table.
    for (const e of report.employees) expect(html.split(`>${e.id}<`).length - 1, e.id).toBeGreaterThanOrEqual(2);
  });

  it('writes well-formed SVG: every attribute quoted once (ECharts does not escape a font stack)', async () => {
    const html = await renderHtmlReport({ report, scheme, locale: 'zh-CN' });
    expect(html).not.toMatch(/style="[^"]*:"/);
    expect(html).toContain("font-family:'Noto Sans CJK SC'");
  });

  it('gives the same bytes for the same input, whatever was drawn before in the process', async () => {
    const first = await renderHtmlReport({ report, scheme, locale: 'zh-CN' });
    const charts = await loadCharts();
    for (let i = 0; i < 3; i++) charts.svg({ xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [{ type: 'bar', data: [i] }] }, { width: 100, height: 100 }, 'x');
    expect(await renderHtmlReport({ report, scheme, locale: 'zh-CN' })).toBe(first);
  });

  it('speaks the locale: English words for locale en', async () => {
    const html = await renderHtmlReport({ report, scheme: { ...scheme, locale: 'en' }, locale: 'en' });
    expect(html).toContain('<html lang="en">');
    for (const word of ['Ranking', 'Dimension profile of each person', 'Average score of each dimension, by team']) expect(html).toContain(word);
  });

  it('shows the changes with --compare: the largest rises and falls', async () => {
    const compared: ScoreReport = { ...report, employees: report.employees.map((e, i) => ({ ...e, previous: e.final === null ? null : i === 0 ? null : { final: e.final - (i % 2 ? 5 : -5), rank: e.rank! } })) };
    const html = await renderHtmlReport({ report: compared, scheme, locale: 'zh-CN', compared: '2026-10' });
    expect(html).toContain('与 2026-10 相比的变化');
    expect(html).toContain('进步最大');
    expect(html).toContain('退步最大');
    expect(html).toContain('本期新增 1 人');
  });

  it('keeps 2,000 people one page: two charts, one profile table per team', async () => {
    const many: ReportEmployee[] = [];
    for (let k = 0; k < 170; k++) {
      for (const e of report.employees) many.push({ ...e, id: `${e.id}-${k}`, team: `T${String(k % 40).padStart(2, '0')}` });
    }
    const html = await renderHtmlReport({ report: { ...report, employees: many }, scheme, locale: 'zh-CN' });
    expect(many.length).toBeGreaterThanOrEqual(2000);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html.match(/<h3>T\d\d<\/h3>/g)).toHaveLength(40);
    expect(html.length).toBeLessThan(6_000_000);
  });
});

describe('the batch trend page', () => {
  it('draws the department and each team per period, and a row of bars per person', async () => {
    const point = (id: string, team: string, final: number) => ({ id, name: id, team, final });
    const html = await renderTrendPage({
      title: 'T', locale: 'zh-CN', periods: ['2026-09', '2026-10', '2026-11'],
      runs: [{ period: '2026-09', team: null, status: 'ok', error: null, people: 2, files: ['2026-09.xlsx', '2026-09.html'] },
        { period: '2026-10', team: null, status: 'failed', error: 'nothing to score', people: 0, files: [] },
        { period: '2026-11', team: null, status: 'ok', error: null, people: 2, files: ['2026-11.xlsx'] }],
      finals: new Map([['2026-09', [point('A', '一组', 80), point('B', '二组', 60)]], ['2026-11', [point('A', '一组', 90), point('B', '二组', 70)]]]),
    });
    expect(outsideReferences(html)).toEqual([]);
    expect(html.match(/<svg/g)).toHaveLength(1);
    for (const name of ['全部门', '一组', '二组']) expect(html).toContain(name);
    expect(html).toContain('<a href="2026-09.html">2026-09.html</a>');
    expect(html).toContain('失败: nothing to score');
    // A's bars: two periods scored, the middle one empty.
    const a = html.slice(html.indexOf('<td>A</td>'));
    expect(a.slice(0, a.indexOf('</tr>')).match(/<i /g)).toHaveLength(3);
    expect(a.slice(0, a.indexOf('</tr>'))).toContain('class="none"');
  });
});
