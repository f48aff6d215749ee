/**
 * The HTML pages in a real browser (SPEC §13): Debian's headless Chromium, driven by
 * playwright-core, with the network off and every request that is not the page's own file
 * refused. report.html (with --compare) and batch's index.html must load with no console
 * error and no failed request, show every chart at a non-zero size, fit an A4 page's
 * width when printed, and print to an A4 PDF. Screenshots and PDFs are kept in
 * test-artifacts/html/ (gitignored) to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentPath, hasComponent } from '../components.js';
import { ROOT, runKpi } from './run-cli.js';

const SAMPLE = 'fixtures/sample';
const ARTIFACTS = join(ROOT, 'test-artifacts', 'html');
/** A4 (210 mm) less the page's 12 mm margins, in CSS pixels. */
const A4_CONTENT_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

describe.skipIf(!hasComponent('chromium'))('the HTML pages in headless Chromium, offline', () => {
  let dir: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-html-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const score = runKpi(['score', `${SAMPLE}/*.csv`, '-c', `${SAMPLE}/kpi.yaml`, '-p', '2026-11', '--compare', '2026-10', '-q', '-o', join(dir, 'report.html')]);
    expect(score.status, score.stderr).toBe(0);
    const batch = runKpi(['batch', `${SAMPLE}/*.csv`, '-c', `${SAMPLE}/kpi.yaml`, '--periods', '2026-09..2026-11', '--by', 'team', '--out-dir', join(dir, 'batch'), '--html', '-q']);
    expect(batch.status, batch.stderr).toBe(0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: componentPath('chromium'),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string, shot: string) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.setOffline(true);
    const problems: string[] = [];
    await context.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => {
      const url = route.request().url();
      if (url === pathToFileURL(file).href) return route.continue();
      problems.push(`request: ${url}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (m: { type(): string; text(): string }) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e: Error) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r: { url(): string }) => problems.push(`failed: ${r.url()}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const charts: { width: number; height: number }[] = await page.evaluate(() =>
      [...document.querySelectorAll('figure svg')].map((svg) => ({ width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height })));
    await page.screenshot({ path: join(ARTIFACTS, `${shot}.png`), fullPage: true });
    // Printed: the content must fit the width of an A4 page inside its margins.
    await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const printWidth: number = await page.evaluate(() => document.documentElement.scrollWidth);
    const pdf: Buffer = await page.pdf({ format: 'A4', path: join(ARTIFACTS, `${shot}.pdf`) });
    await context.close();
    return { problems, charts, printWidth, pdf };
  }

  it('report.html: no console error, no request, every chart drawn, fits and prints on A4', async () => {
    const { problems, charts, printWidth, pdf } = await open(join(dir, 'report.html'), 'report');
    expect(problems).toEqual([]);
    expect(charts).toHaveLength(2);
    for (const c of charts) expect(c.width * c.height).toBeGreaterThan(100 * 100);
    expect(printWidth).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The PDF's pages are A4 (595 × 842 points).
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.\d+ 842\.\d+\]/);
  }, 60_000);

  it('index.html: the trend chart drawn, every link to a report that exists, prints on A4', async () => {
    const index = join(dir, 'batch', 'index.html');
    const { problems, charts, printWidth, pdf } = await open(index, 'index');
    expect(problems).toEqual([]);
    expect(charts).toHaveLength(1);
    expect(charts[0].width * charts[0].height).toBeGreaterThan(100 * 100);
    expect(printWidth).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const links = [...readFileSync(index, 'utf8').matchAll(/href="([^"#]+)"/g)].map((m) => decodeURIComponent(m[1]));
    expect(links.length).toBeGreaterThanOrEqual(6);
    for (const link of links) expect(existsSync(join(dir, 'batch', link)), link).toBe(true);
  }, 60_000);

  it("a run's report.html from batch opens as cleanly", async () => {
    const { problems, charts } = await open(join(dir, 'batch', '2026-11-一组.html'), 'batch-run');
    expect(problems).toEqual([]);
    expect(charts).toHaveLength(2);
  }, 60_000);
});
