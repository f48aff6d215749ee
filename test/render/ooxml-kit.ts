/**
 * Reads an .xlsx back as a package, independently of kpi's writer: its parts (fflate), XML
 * parsed into small element trees (saxes, a conforming parser), relationships resolved to
 * part names, and the cells of each sheet by name with their cached values — so tests can
 * follow a chart's series formulas to the cells they name.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

export function parseXml(xml: string): El {
  const parser = new SaxesParser();
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('opentag', (tag) => {
    const el: El = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('text', (text) => (stack[stack.length - 1].text += text));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

/** Every element named `name` below `el`, depth first. */
export function all(el: El, name: string): El[] {
  const found: El[] = [];
  const walk = (e: El) => e.children.forEach((c) => (c.name === name && found.push(c), walk(c)));
  walk(el);
  return found;
}

export function child(el: El, name: string): El | undefined {
  return el.children.find((c) => c.name === name);
}

export type CellValue = string | number | null;

export class Package {
  readonly parts: Map<string, string>;

  constructor(bytes: Uint8Array) {
    this.parts = new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  }

  xml(name: string): El {
    const text = this.parts.get(name);
    if (text === undefined) throw new Error(`no part ${name}`);
    return parseXml(text);
  }

  /** The relationships of a part: id → { type (last path segment), target part name }. */
  rels(part: string): Map<string, { type: string; target: string; external: boolean }> {
    const dir = part.slice(0, part.lastIndexOf('/') + 1);
    const relsName = `${dir}_rels/${part.slice(dir.length)}.rels`;
    if (!this.parts.has(relsName)) return new Map();
    return new Map(all(this.xml(relsName), 'Relationship').map((r) => [r.attrs.Id, {
      type: r.attrs.Type.slice(r.attrs.Type.lastIndexOf('/') + 1),
      target: r.attrs.TargetMode === 'External' ? r.attrs.Target : resolvePath(dir, r.attrs.Target),
      external: r.attrs.TargetMode === 'External',
    }]));
  }

  /** Sheet name → worksheet part name. */
  sheets(): Map<string, string> {
    const rels = this.rels('xl/workbook.xml');
    return new Map(all(this.xml('xl/workbook.xml'), 'sheet').map((s) => [s.attrs.name, rels.get(s.attrs['r:id'])!.target]));
  }

  private strings?: string[];
  private cellCache = new Map<string, Map<string, CellValue>>();

  /** The cells of a sheet part: address → cached value (errors such as #N/A are null). */
  cells(sheetPart: string): Map<string, CellValue> {
    let cells = this.cellCache.get(sheetPart);
    if (cells) return cells;
    this.strings ??= all(this.xml('xl/sharedStrings.xml'), 'si').map((si) => all(si, 't').map((t) => t.text).join(''));
    cells = new Map();
    for (const c of all(this.xml(sheetPart), 'c')) {
      const v = child(c, 'v')?.text;
      const t = c.attrs.t;
      cells.set(c.attrs.r, v === undefined || t === 'e' ? null : t === 's' ? this.strings[Number(v)] : t === 'str' ? v : Number(v));
    }
    this.cellCache.set(sheetPart, cells);
    return cells;
  }

  /** The values of a formula such as `'汇总'!$P$6:$P$15` (one column or one row). */
  range(formula: string): CellValue[] {
    const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(formula);
    if (!m) throw new Error(`not a sheet range: ${formula}`);
    const part = this.sheets().get(m[1].replace(/''/g, "'"));
    if (!part) throw new Error(`no sheet ${m[1]}`);
    const cells = this.cells(part);
    const [c1, r1, c2, r2] = [col(m[2]), Number(m[3]), col(m[4] ?? m[2]), Number(m[5] ?? m[3])];
    const values: CellValue[] = [];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) values.push(cells.get(`${letters(c)}${r}`) ?? null);
    return values;
  }
}

function resolvePath(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${dir}${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) if (p === '..') out.pop(); else if (p !== '.') out.push(p);
  return out.join('/');
}

function col(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function letters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
