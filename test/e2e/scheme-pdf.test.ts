/**
 * The published scheme printed (SPEC §12): `kpi scheme -o scheme.xlsx` converted to PDF by
 * LibreOffice, as a department would print it — A4 portrait, each role's sheet on one page
 * (the article's scheme has two roles, so two pages), the footer naming the scheme.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentPath, hasComponent } from '../components.js';
import { runKpi } from './run-cli.js';

describe.skipIf(!hasComponent('libreoffice'))('kpi scheme -o scheme.xlsx, printed with LibreOffice', () => {
  it('prints one A4 portrait page per role', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-scheme-pdf-'));
    expect(runKpi(['init'], { cwd: dir }).status).toBe(0);
    expect(runKpi(['scheme', '-o', 'scheme.xlsx'], { cwd: dir }).status).toBe(0);
    const convert = spawnSync(componentPath('libreoffice')!, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'scheme.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(convert.status, convert.stderr).toBe(0);
    const pdf = readFileSync(join(dir, 'scheme.pdf')).toString('latin1');
    const pages = [...pdf.matchAll(/\/Type\s*\/Page(?![s\w])/g)];
    expect(pages).toHaveLength(2);
    // A4 portrait: 595 × 842 points.
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([595, 842]);
  }, 180_000);
});
