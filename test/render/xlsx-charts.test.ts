/**
 * The workbook's charts (SPEC §13), read back as a package: every chart part is declared in
 * [Content_Types].xml and reached through the relationships (sheet → drawing → chart); its
 * elements are in the schema's order (Excel "repairs" a chart otherwise); its type is the
 * one intended; and every series formula names cells that hold exactly the values the
 * chart caches — values that are, in turn, the report's numbers. LibreOffice then opens
 * the workbook, recalculates every formula from scratch and must find the same numbers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderWorkbook, type WorkbookInput } from '../../src/render/xlsx/index.js';
import { componentPath, hasComponent } from '../components.js';
import { Package, all, child, type El } from './ooxml-kit.js';
import { scoreSample } from './sample-run.js';

const CREATED = new Date(Date.UTC(2026, 11, 1));
let input: WorkbookInput;
let bytes: Uint8Array;
let book: Package;

beforeAll(async () => {
  const run = await scoreSample();
  input = { report: run.report, results: run.results, scheme: run.scheme, locale: 'zh-CN', created: CREATED };
  bytes = await renderWorkbook(input);
  book = new Package(bytes);
});

const ORDER: Record<string, string[]> = {
  'c:chartSpace': ['c:date1904', 'c:lang', 'c:roundedCorners', 'c:clrMapOvr', 'c:pivotSource', 'c:protection', 'c:chart', 'c:spPr', 'c:txPr', 'c:externalData', 'c:printSettings', 'c:userShapes'],
  'c:chart': ['c:title', 'c:autoTitleDeleted', 'c:pivotFmts', 'c:view3D', 'c:floor', 'c:sideWall', 'c:backWall', 'c:plotArea', 'c:legend', 'c:plotVisOnly', 'c:dispBlanksAs'],
  'c:plotArea': ['c:layout', 'c:barChart', 'c:catAx', 'c:valAx', 'c:dTable', 'c:spPr'],
  'c:barChart': ['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:gapWidth', 'c:overlap', 'c:serLines', 'c:axId'],
  'c:ser': ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:invertIfNegative', 'c:pictureOptions', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:shape'],
  'c:dLbls': ['c:dLbl', 'c:delete', 'c:numFmt', 'c:spPr', 'c:txPr', 'c:dLblPos', 'c:showLegendKey', 'c:showVal', 'c:showCatName', 'c:showSerName', 'c:showPercent', 'c:showBubbleSize', 'c:separator', 'c:showLeaderLines'],
  'c:catAx': ['c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title', 'c:numFmt', 'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx', 'c:crosses', 'c:crossesAt', 'c:auto', 'c:lblAlgn', 'c:lblOffset', 'c:tickLblSkip', 'c:tickMarkSkip', 'c:noMultiLvlLbl'],
  'c:valAx': ['c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title', 'c:numFmt', 'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx', 'c:crosses', 'c:crossesAt', 'c:crossBetween', 'c:majorUnit', 'c:minorUnit', 'c:dispUnits'],
  'c:scaling': ['c:logBase', 'c:orientation', 'c:max', 'c:min'],
  'c:title': ['c:tx', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr'],
  'c:legend': ['c:legendPos', 'c:legendEntry', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr'],
  'c:strRef': ['c:f', 'c:strCache'],
  'c:numRef': ['c:f', 'c:numCache'],
  'c:numCache': ['c:formatCode', 'c:ptCount', 'c:pt'],
  'xdr:twoCellAnchor': ['xdr:from', 'xdr:to', 'xdr:graphicFrame', 'xdr:clientData'],
  'xdr:graphicFrame': ['xdr:nvGraphicFramePr', 'xdr:xfrm', 'a:graphic'],
  worksheet: ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'],
};

/** Problems with the order of the children of `el` and of every element below it. */
function orderProblems(el: El, where: string): string[] {
  const problems: string[] = [];
  const order = ORDER[el.name];
  if (order) {
    let at = 0;
    for (const c of el.children) {
      const i = order.indexOf(c.name);
      if (i < 0) problems.push(`${where}: <${c.name}> is not allowed in <${el.name}>`);
      else if (i < at) problems.push(`${where}: <${c.name}> comes after <${order[at]}> in <${el.name}>`);
      else at = i;
    }
  }
  for (const c of el.children) problems.push(...orderProblems(c, where));
  return problems;
}

/** Every chart, as the sheets reach it: sheet name → its charts' parts, in anchor order. */
function chartsBySheet(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [name, part] of book.sheets()) {
    const drawing = child(book.xml(part), 'drawing');
    if (!drawing) continue;
    const rel = book.rels(part).get(drawing.attrs['r:id'])!;
    expect(rel.type).toBe('drawing');
    const drawingRels = book.rels(rel.target);
    found.set(name, all(book.xml(rel.target), 'c:chart').map((c) => {
      const chartRel = drawingRels.get(c.attrs['r:id'])!;
      expect(chartRel.type).toBe('chart');
      return chartRel.target;
    }));
  }
  return found;
}

interface Series { name: string; categories: string[]; values: (number | null)[] }

/** A chart's series, each checked against the cells its formulas name. */
function seriesOf(part: string): { type: El; series: Series[] } {
  const chart = book.xml(part);
  const type = all(chart, 'c:barChart')[0];
  const series = all(type, 'c:ser').map((ser) => {
    const refs = (tag: string, ref: string) => {
      const r = all(child(ser, tag)!, ref)[0];
      const points = new Map(all(r, 'c:pt').map((p) => [Number(p.attrs.idx), child(p, 'c:v')!.text]));
      const count = Number(all(r, 'c:ptCount')[0].attrs.val);
      const cached = Array.from({ length: count }, (_, i) => points.get(i) ?? null);
      return { f: child(r, 'c:f')!.text, cached, cells: book.range(child(r, 'c:f')!.text) };
    };
    const name = refs('c:tx', 'c:strRef');
    const cat = refs('c:cat', 'c:strRef');
    const val = refs('c:val', 'c:numRef');
    expect(name.cells, `${part} ${name.f}`).toEqual(name.cached);
    expect(cat.cells, `${part} ${cat.f}`).toEqual(cat.cached);
    const values = val.cached.map((v) => (v === null ? null : Number(v)));
    expect(val.cells.length, `${part} ${val.f}`).toBe(values.length);
    val.cells.forEach((cell, i) => {
      if (values[i] === null) expect(cell, `${part} ${val.f} #${i}`).toBeNull();
      else expect(cell as number, `${part} ${val.f} #${i}`).toBeCloseTo(values[i]!, 9);
    });
    return { name: name.cached[0]!, categories: cat.cached as string[], values };
  });
  return { type, series };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the charts of the workbook', () => {
  it('declares every drawing and chart part and reaches each through consistent relationships', () => {
    const types = book.xml('[Content_Types].xml');
    const overrides = new Map(all(types, 'Override').map((o) => [o.attrs.PartName.slice(1), o.attrs.ContentType]));
    for (const name of book.parts.keys()) {
      if (/^xl\/charts\/chart\d+\.xml$/.test(name)) expect(overrides.get(name), name).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      if (/^xl\/drawings\/drawing\d+\.xml$/.test(name)) expect(overrides.get(name), name).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    }
    for (const part of overrides.keys()) expect(book.parts.has(part), `override of a missing part ${part}`).toBe(true);
    for (const name of book.parts.keys()) {
      if (!name.endsWith('.rels')) continue;
      const owner = name.replace(/_rels\/(.*)\.rels$/, '$1');
      for (const [id, rel] of book.rels(owner)) if (!rel.external) expect(book.parts.has(rel.target), `${name} ${id} → ${rel.target}`).toBe(true);
    }
    const bySheet = chartsBySheet();
    const charts = [...bySheet.values()].flat();
    expect(new Set(charts).size).toBe(charts.length);
    expect(charts.sort()).toEqual([...book.parts.keys()].filter((n) => n.startsWith('xl/charts/')).sort());
    const scored = input.report.employees.filter((e) => e.error === null).length;
    expect(charts.length).toBe(2 + scored);
  });

  it('writes every chart, drawing and sheet in the order of the OOXML schema', () => {
    const parts = [...book.parts.keys()].filter((n) => /^xl\/(charts|drawings|worksheets)\/[^/]+\.xml$/.test(n));
    const problems = parts.flatMap((name) => orderProblems(book.xml(name), name));
    expect(problems).toEqual([]);
  });

  it('Summary: finals per score band stacked by grade, counts that add up to the people scored', () => {
    const [distribution] = chartsBySheet().get('汇总')!;
    const { type, series } = seriesOf(distribution);
    expect(child(type, 'c:barDir')!.attrs.val).toBe('col');
    expect(child(type, 'c:grouping')!.attrs.val).toBe('stacked');
    expect(series.map((s) => s.name)).toEqual(input.scheme.grades.map((g) => g.grade));
    const scored = input.report.employees.filter((e) => e.error === null);
    for (const [i, s] of series.entries()) {
      const grade = input.scheme.grades[i].grade;
      expect(s.values.reduce((a, b) => a! + b!, 0), grade).toBe(scored.filter((e) => e.grade === grade).length);
    }
    // Bands are cut at every grade minimum: 80–90 exists where 良好 starts at 80.
    const labels = series[0].categories;
    for (const g of input.scheme.grades) if (g.min !== undefined) expect(labels.some((l) => l.startsWith(`${g.min}–`)), `${g.min}`).toBe(true);
    const band = labels.indexOf('70–80');
    expect(series.reduce((n, s) => n + s.values[band]!, 0)).toBe(scored.filter((e) => e.final! >= 70 && e.final! < 80).length);
  });

  it('Summary: the average of each dimension per team, and of everyone, in clustered bars', () => {
    const [, byTeam] = chartsBySheet().get('汇总')!;
    const { type, series } = seriesOf(byTeam);
    expect(child(type, 'c:barDir')!.attrs.val).toBe('bar');
    expect(child(type, 'c:grouping')!.attrs.val).toBe('clustered');
    const teams = [...new Set(input.report.employees.map((e) => e.team!))].sort();
    expect(series[0].categories).toEqual([...teams, '全部']);
    const scored = input.report.employees.filter((e) => e.error === null);
    for (const s of series) {
      const dimension = input.scheme.dimensions.find((d) => d.label === s.name)!;
      const scoreOf = (e: (typeof scored)[number]) => e.dimensions.find((d) => d.id === dimension.id)?.score ?? null;
      [...teams, null].forEach((team, i) => {
        const values = scored.filter((e) => team === null || e.team === team).map(scoreOf).filter((v): v is number => v !== null);
        if (values.length === 0) expect(s.values[i], `${s.name} ${team}`).toBeNull();
        else expect(s.values[i]!, `${s.name} ${team}`).toBeCloseTo(mean(values), 9);
      });
    }
  });

  it("each scorecard: the person's dimension scores beside the average of the same role", () => {
    const bySheet = chartsBySheet();
    for (const e of input.results.filter((r) => r.error === null)) {
      const [part] = bySheet.get(`${e.id} ${e.name}`)!;
      const { type, series } = seriesOf(part);
      expect(child(type, 'c:grouping')!.attrs.val).toBe('clustered');
      expect(series.map((s) => s.name)).toEqual(['本人', '同岗位平均']);
      expect(series[0].categories).toEqual(e.dimensions.map((d) => d.label));
      expect(series[0].values).toEqual(e.dimensions.map((d) => d.score));
      const peers = input.results.filter((r) => r.error === null && r.role === e.role);
      e.dimensions.forEach((d, i) => {
        const values = peers.map((p) => p.dimensions.find((x) => x.id === d.id)?.score ?? null).filter((v): v is number => v !== null);
        expect(series[1].values[i]!, `${e.id} ${d.id}`).toBeCloseTo(mean(values), 9);
      });
    }
  });

  it('places each scorecard chart inside the printed area of the card (columns A–G)', () => {
    const workbook = book.xml('xl/workbook.xml');
    const areas = new Map(all(workbook, 'definedName').filter((d) => d.attrs.name === '_xlnm.Print_Area').map((d) => [Number(d.attrs.localSheetId), d.text]));
    const names = [...book.sheets().keys()];
    for (const [name, part] of book.sheets()) {
      const drawing = child(book.xml(part), 'drawing');
      if (!drawing || name === '汇总') continue;
      const anchor = all(book.xml(book.rels(part).get(drawing.attrs['r:id'])!.target), 'xdr:twoCellAnchor')[0];
      const to = child(anchor, 'xdr:to')!;
      const lastRow = Number(/\$?(\d+)$/.exec(areas.get(names.indexOf(name))!)![1]);
      expect(Number(child(to, 'xdr:col')!.text), name).toBeLessThanOrEqual(7);
      expect(Number(child(to, 'xdr:row')!.text), name).toBeLessThanOrEqual(lastRow);
    }
  });

  it('gives the same bytes for the same input', async () => {
    expect(Buffer.from(await renderWorkbook(input)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe.skipIf(!hasComponent('libreoffice'))('the charts in LibreOffice', () => {
  const soffice = componentPath('libreoffice')!;
  /** A LibreOffice profile of its own that recalculates every formula of an .xlsx on load. */
  function profile(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-lo-'));
    const user = join(dir, 'user');
    spawnSync('mkdir', ['-p', user]);
    writeFileSync(join(user, 'registrymodifications.xcu'), '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n');
    return dir;
  }
  const convert = (file: string, to: string, out: string, home: string) =>
    spawnSync(soffice, [`-env:UserInstallation=file://${home}`, '--headless', '--convert-to', to, file, '--outdir', out], { encoding: 'utf8', timeout: 180_000 });

  it('converts the workbook to PDF without errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-charts-'));
    writeFileSync(join(dir, 'book.xlsx'), bytes);
    const run = convert(join(dir, 'book.xlsx'), 'pdf', dir, profile());
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/error/i);
    const pdf = readFileSync(join(dir, 'book.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)!.length).toBeGreaterThan(input.report.employees.length);
  }, 200_000);

  it('recalculates the chart tables from the formulas alone to the same numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-charts-'));
    // Every cached result replaced by 7: what LibreOffice shows is then its own calculation.
    const stale = new Package(bytes);
    const files: Record<string, Uint8Array> = {};
    for (const [name, text] of stale.parts) files[name] = strToU8(name.startsWith('xl/worksheets/sheet') ? text.replace(/(<\/f>)<v>[^<]*<\/v>/g, '$1<v>7</v>').replace(/ t="e">/g, '>') : text);
    writeFileSync(join(dir, 'stale.xlsx'), zipSync(files));
    const run = convert(join(dir, 'stale.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', dir, profile());
    expect(run.status, run.stderr).toBe(0);
    const csv = (sheet: string) => readFileSync(join(dir, `stale-${sheet}.csv`), 'utf8').split('\n').map(csvLine);
    const cellsOf = (sheet: string) => new Map(csv(sheet).flatMap((row, r) => row.map((v, c): [string, string] => [`${c},${r}`, v])));
    const check = (sheet: string, part: string) => {
      const expected = book.cells(part);
      const got = cellsOf(sheet);
      let compared = 0;
      for (const [address, value] of expected) {
        if (typeof value !== 'number') continue;
        const m = /^([A-Z]+)(\d+)$/.exec(address)!;
        const c = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const shown = got.get(`${c},${Number(m[2]) - 1}`);
        // LibreOffice writes a percentage as it shows it (100.0%).
        const number = shown?.endsWith('%') ? Number(shown.slice(0, -1)) / 100 : Number(shown);
        expect(number, `${sheet}!${address}`).toBeCloseTo(value, shown?.endsWith('%') ? 3 : 6);
        compared++;
      }
      return compared;
    };
    const sheets = book.sheets();
    expect(check('汇总', sheets.get('汇总')!)).toBeGreaterThan(100);
    const first = input.results[0];
    expect(check(`${first.id} ${first.name}`, sheets.get(`${first.id} ${first.name}`)!)).toBeGreaterThan(20);
    expect(readdirSync(dir).some((f) => f.endsWith('.csv'))).toBe(true);
  }, 200_000);
});

/** One line of LibreOffice's CSV: fields split at commas outside double quotes. */
function csvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') (field += '"'), i++;
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) fields.push(field), (field = '');
    else field += ch;
  }
  fields.push(field);
  return fields;
}
