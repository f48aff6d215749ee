/**
 * Builds .xlsx files from hand-written XML parts, for the cases exceljs cannot write:
 * inline rich text, phonetic runs, STORE'd entries, cells without `r`, the 1904 flag,
 * formulas without a cached value, built-in Chinese date formats. Each test shows the
 * exact XML it feeds the reader.
 */
import { writeFileSync } from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface SheetSpec {
  name: string;
  /** Inner XML of <sheetData>. */
  data: string;
  /** XML after </sheetData>, e.g. <mergeCells>. */
  after?: string;
  /** The sheet's `state` in the workbook, e.g. `hidden`. */
  state?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** Inner XML of each <si> of the shared strings. */
  shared?: string[];
  /** numFmtId of each cell style (cellXfs), index = the cell's `s`. */
  styles?: number[];
  /** Custom formats: numFmtId → formatCode. */
  formats?: Record<number, string>;
  date1904?: boolean;
  /** STORE every entry (no compression). */
  store?: boolean;
  /** Extra parts, verbatim. */
  extra?: Record<string, string | Uint8Array>;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function bookParts(spec: BookSpec): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  };
  const rels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`, `<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  const sheets = spec.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets}</sheets></workbook>`;
  spec.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`;
  });
  const shared = spec.shared ?? [];
  parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${shared.length}" uniqueCount="${shared.length}">${shared.map((si) => `<si>${si}</si>`).join('')}</sst>`;
  const formats = Object.entries(spec.formats ?? {}).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('');
  const xfs = (spec.styles ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
  parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${formats ? `<numFmts>${formats}</numFmts>` : ''}<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs>${xfs}</cellXfs><dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="0.0"/></dxf></dxfs></styleSheet>`;
  return { ...parts, ...spec.extra };
}

/** Writes the parts as a zip; `store` keeps every entry uncompressed. */
export function writeZip(path: string, parts: Record<string, string | Uint8Array>, store = false): string {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(parts)) {
    const bytes = typeof content === 'string' ? strToU8(content) : content;
    files[name] = [bytes, { level: store ? 0 : 6 }];
  }
  writeFileSync(path, zipSync(files));
  return path;
}

export function writeBook(path: string, spec: BookSpec): string {
  return writeZip(path, bookParts(spec), spec.store);
}
