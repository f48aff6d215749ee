/**
 * The one door to the charting library (Apache ECharts, rendered on the server to SVG), so
 * it can be swapped: an option in, an SVG string out, ready to inline in a page that needs
 * no script to show it. ECharts is loaded only here, when an HTML report is written, so
 * `kpi score` without one never loads it. Its SVG names classes and clip paths after a
 * counter that runs across the whole process (`zr3-cls-12`); they are renamed in order of
 * appearance under a prefix the page gives each chart, so the same input gives the same
 * bytes however many charts the process drew before. The namespace attributes are dropped:
 * inline SVG in HTML needs none, and the page then holds no URL at all.
 */

/** A chart option of ECharts (its typings are not worth loading for the few we build). */
export type ChartOption = Record<string, unknown>;

export interface ChartRenderer {
  svg(option: ChartOption, size: { width: number; height: number }, prefix: string): string;
}

/** The fonts of every page and chart: CJK first where a system has them. Single quotes:
 *  ECharts writes the stack into a double-quoted style attribute without escaping it. */
export const FONT_STACK = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'WenQuanYi Zen Hei', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif";

export async function loadCharts(): Promise<ChartRenderer> {
  const echarts = await import('echarts');
  return {
    svg(option, { width, height }, prefix) {
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
      try {
        chart.setOption({ animation: false, textStyle: { fontFamily: FONT_STACK }, ...option });
        return stableSvg(chart.renderToSVGString(), prefix);
      } finally {
        chart.dispose();
      }
    },
  };
}

/** ECharts' process-wide ids renamed `<prefix>-<n>` in order of appearance; no namespaces. */
export function stableSvg(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  return svg
    .replace(/\bzr\d+-[A-Za-z]*-?\d+\b/g, (id) => {
      let name = names.get(id);
      if (!name) names.set(id, (name = `${prefix}-${names.size}`));
      return name;
    })
    .replace(/ xmlns(:xlink)?="[^"]*"/g, '')
    .replace(/ baseProfile="full"/, '');
}
