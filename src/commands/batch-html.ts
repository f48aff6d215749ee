/**
 * What `kpi batch --html` adds (SPEC §13): each run's report.html beside its workbook, and
 * index.html beside index.json with the trend over the periods. ECharts is loaded once for
 * all the pages of a batch.
 */
import { join } from 'node:path';
import type { Scheme } from '../core/types.js';
import { checkNotAnInput, writeFileAtomic } from '../output.js';
import type { ChartRenderer } from '../render/html/charts.js';
import type { TrendPoint, TrendRun } from '../render/html/trend.js';
import type { ScoredRun } from '../scoring.js';

export class BatchPages {
  private charts?: ChartRenderer;
  private readonly finals = new Map<string, TrendPoint[]>();

  constructor(private readonly outDir: string, private readonly inputs: string[]) {}

  private async renderer(): Promise<ChartRenderer> {
    if (!this.charts) this.charts = await (await import('../render/html/charts.js')).loadCharts();
    return this.charts;
  }

  /** Writes `<name>.html` for a run and keeps its finals for the trend; returns the file name. */
  async writeRun(run: ScoredRun, scheme: Scheme, period: string, name: string): Promise<string> {
    const points = this.finals.get(period) ?? [];
    for (const e of run.report.employees) if (e.error === null && e.final !== null) points.push({ id: e.id, name: e.name, team: e.team, final: e.final });
    this.finals.set(period, points);
    const { renderHtmlReport } = await import('../render/html/report.js');
    const html = await renderHtmlReport({ report: run.report, scheme, locale: scheme.locale }, await this.renderer());
    const file = `${name}.html`;
    checkNotAnInput([join(this.outDir, file)], this.inputs);
    writeFileAtomic(join(this.outDir, file), html);
    return file;
  }

  async writeIndex(scheme: Scheme, periods: string[], runs: TrendRun[]): Promise<void> {
    const { renderTrendPage } = await import('../render/html/trend.js');
    const html = await renderTrendPage({ title: scheme.title, locale: scheme.locale, periods, runs, finals: this.finals }, await this.renderer());
    checkNotAnInput([join(this.outDir, 'index.html')], this.inputs);
    writeFileAtomic(join(this.outDir, 'index.html'), html);
  }
}
