/**
 * The parts that place charts on a worksheet, beside the parts ExcelJS writes: a drawing
 * (xl/drawings/drawingN.xml, one anchor per chart, and its relationships to the chart
 * parts), the worksheet's relationship to the drawing and its `<drawing r:id>` element,
 * and the `[Content_Types].xml` overrides of the new parts. ExcelJS knows images, not
 * charts, so these are added here (parts.ts calls them); numbering follows the sheets'
 * order, so the same workbook gives the same parts.
 */

/** Where a chart sits: from the top-left corner of one cell to that of another (0-based). */
export interface Anchor {
  from: { col: number; row: number };
  to: { col: number; row: number };
}

/** A chart to place on a sheet: its anchor and its part's XML (chart-xml.ts). */
export interface PlacedChart {
  anchor: Anchor;
  xml: string;
  /** The shape's name in the drawing (shown by Excel's selection pane). */
  name: string;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

function escape(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

function marker(tag: 'from' | 'to', at: { col: number; row: number }): string {
  return `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** The drawing part of a sheet: one anchored graphic frame per chart, `rId1`… in order. */
export function drawingXml(charts: readonly PlacedChart[], firstShapeId: number): string {
  const anchors = charts.map((chart, i) =>
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', chart.anchor.from)}${marker('to', chart.anchor.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${firstShapeId + i}" name="${escape(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>').join('');
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${anchors}</xdr:wsDr>`;
}

export function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** The drawing's relationships: `rIdK` → the K-th chart's part. */
export function drawingRelsXml(chartNumbers: readonly number[]): string {
  return relationshipsXml(chartNumbers.map((n, i) => ({ id: `rId${i + 1}`, type: 'chart', target: `../charts/chart${n}.xml` })));
}

/** The relationship id kpi gives a worksheet's drawing (ExcelJS's own ids are rId1…). */
export const DRAWING_REL_ID = 'rIdKpiDrawing1';

/**
 * A worksheet part with its `<drawing>` element, where CT_Worksheet wants it: after the page
 * setup, header/footer and breaks, before a background picture, table parts and `<extLst>`.
 */
export function withDrawing(sheetXml: string): string {
  const element = `<drawing r:id="${DRAWING_REL_ID}"/>`;
  const end = sheetXml.lastIndexOf('</worksheet>');
  if (end < 0 || sheetXml.includes('<drawing ')) throw new Error('worksheet part: not one kpi can add a drawing to');
  let at = end;
  for (const next of ['<legacyDrawing', '<legacyDrawingHF', '<picture', '<oleObjects', '<tableParts', '<extLst>']) {
    // A worksheet's own <extLst> is its last element; the one in a data bar's rule is not.
    const found = next === '<extLst>' ? lastTopExtLst(sheetXml, end) : sheetXml.indexOf(next);
    if (found >= 0 && found < at) at = found;
  }
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

function lastTopExtLst(xml: string, end: number): number {
  if (!xml.slice(0, end).endsWith('</extLst>')) return -1;
  // The worksheet's extLst is the one whose closing tag ends right before </worksheet>:
  // its opening tag is the last <extLst> not inside a <conditionalFormatting>.
  const closeCf = xml.lastIndexOf('</conditionalFormatting>');
  const at = xml.indexOf('<extLst>', Math.max(0, closeCf));
  return at >= 0 && at < end ? at : -1;
}

/** A worksheet's relationships with the drawing's added (or made, when it had none). */
export function withDrawingRel(rels: string | undefined, drawingNumber: number): string {
  const rel = `<Relationship Id="${DRAWING_REL_ID}" Type="${REL}/drawing" Target="../drawings/drawing${drawingNumber}.xml"/>`;
  if (!rels) return relationshipsXml([]).replace('</Relationships>', `${rel}</Relationships>`);
  return rels.replace('</Relationships>', `${rel}</Relationships>`);
}

/** `[Content_Types].xml` with an override for each drawing and chart part. */
export function withContentTypes(types: string, drawings: readonly number[], charts: readonly number[]): string {
  const overrides = [
    ...drawings.map((n) => `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="${DRAWING_TYPE}"/>`),
    ...charts.map((n) => `<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CHART_TYPE}"/>`),
  ].join('');
  if (!types.includes('</Types>')) throw new Error('[Content_Types].xml: no </Types>');
  return types.replace('</Types>', `${overrides}</Types>`);
}
