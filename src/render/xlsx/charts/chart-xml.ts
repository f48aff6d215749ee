/**
 * A bar chart as the XML of a DrawingML chart part (xl/charts/chartN.xml): data → markup.
 * Every series refers to cells of the workbook (`c:strRef`/`c:numRef` with a `c:f` formula)
 * and carries their values as its cache, so the chart shows at once, follows the cells when
 * they are recalculated, and renders in the reader's fonts. Elements are written in the
 * order of the OOXML schema (CT_ChartSpace, CT_BarChart, CT_BarSer, CT_CatAx, CT_ValAx):
 * Excel asks to "repair" a chart whose elements are out of order.
 */
import { xmlEncode } from '../sheet-xml.js';

/** A range of cells and the values they hold (their cached values). */
export interface Ref<T> {
  /** A formula such as `'汇总'!$P$6:$P$15`. */
  f: string;
  values: readonly T[];
}

export interface BarSeries {
  name: Ref<string>;
  values: Ref<number | null>;
  /** RGB hex, e.g. `5B9BD5`. */
  color: string;
}

export interface BarChart {
  title: string;
  /** `col`: vertical columns; `bar`: horizontal bars, the first category at the top. */
  direction: 'col' | 'bar';
  grouping: 'clustered' | 'stacked';
  categories: Ref<string>;
  series: BarSeries[];
  /** The value axis: its title, number format and fixed bounds (absent: automatic). */
  axis: { title?: string; format: string; min?: number; max?: number; majorUnit?: number };
  /** The category axis title. */
  categoryTitle?: string;
  /** Data labels' number format (none: no labels). */
  labels?: string;
  /** The font of every text in the chart (the workbook's). */
  font: string;
  lang: string;
}

const NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CAT_AXIS = 111;
const VAL_AXIS = 222;

/** A number as a chart cache writes it: shortest round-trip form. */
function num(value: number): string {
  return String(value);
}

function strRef(ref: Ref<string>): string {
  const points = ref.values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEncode(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${xmlEncode(ref.f)}</c:f><c:strCache><c:ptCount val="${ref.values.length}"/>${points}</c:strCache></c:strRef>`;
}

/** Cells without a number (#N/A, blank) are points left out of the cache: a gap. */
function numRef(ref: Ref<number | null>, format: string): string {
  const points = ref.values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`)).join('');
  return `<c:numRef><c:f>${xmlEncode(ref.f)}</c:f><c:numCache><c:formatCode>${xmlEncode(format)}</c:formatCode><c:ptCount val="${ref.values.length}"/>${points}</c:numCache></c:numRef>`;
}

function fill(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

/** Rich text (a title) in the chart's font. */
function rich(text: string, chart: BarChart, size: number, bold: boolean): string {
  const run = `<a:rPr lang="${chart.lang}" sz="${size}" b="${bold ? 1 : 0}">${fonts(chart.font)}</a:rPr>`;
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">${fonts(chart.font)}</a:defRPr></a:pPr><a:r>${run}<a:t>${xmlEncode(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function fonts(face: string): string {
  const typeface = xmlEncode(face);
  return `<a:latin typeface="${typeface}"/><a:ea typeface="${typeface}"/><a:cs typeface="${typeface}"/>`;
}

function title(text: string, chart: BarChart, size: number): string {
  return `<c:title>${rich(text, chart, size, true)}<c:overlay val="0"/></c:title>`;
}

const GRID = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';
const AXIS_LINE = '<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="A6A6A6"/></a:solidFill></a:ln></c:spPr>';

export function barChartXml(chart: BarChart): string {
  const horizontal = chart.direction === 'bar';
  const stacked = chart.grouping === 'stacked';
  const series = chart.series.map((s, i) =>
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(s.name)}</c:tx>` +
    `<c:spPr>${fill(s.color)}</c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat>${strRef(chart.categories)}</c:cat><c:val>${numRef(s.values, chart.axis.format)}</c:val></c:ser>`).join('');
  // Stacked bars take no label position outside the bar (Excel repairs such a chart).
  const labels = chart.labels === undefined ? '' :
    `<c:dLbls><c:numFmt formatCode="${xmlEncode(chart.labels)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800">${fonts(chart.font)}</a:defRPr></a:pPr><a:endParaRPr lang="${chart.lang}"/></a:p></c:txPr>` +
    `${stacked ? '<c:dLblPos val="ctr"/>' : '<c:dLblPos val="outEnd"/>'}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
  const barChart = `<c:barChart><c:barDir val="${chart.direction}"/><c:grouping val="${chart.grouping}"/><c:varyColors val="0"/>${series}${labels}` +
    `<c:gapWidth val="${stacked ? 40 : 80}"/>${stacked ? '<c:overlap val="100"/>' : '<c:overlap val="-10"/>'}<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>`;

  // Horizontal bars list the first category at the top (reversed axis), with the value axis
  // kept at the bottom (it then crosses at the last category).
  const catAx = `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>${chart.categoryTitle ? title(chart.categoryTitle, chart, 900) : ''}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_LINE}` +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const { axis } = chart;
  const bounds = `${axis.max !== undefined ? `<c:max val="${axis.max}"/>` : ''}${axis.min !== undefined ? `<c:min val="${axis.min}"/>` : ''}`;
  const valAx = `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/>${GRID}${axis.title ? title(axis.title, chart, 900) : ''}` +
    `<c:numFmt formatCode="${xmlEncode(axis.format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_LINE}` +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>` +
    `${axis.majorUnit !== undefined ? `<c:majorUnit val="${axis.majorUnit}"/>` : ''}</c:valAx>`;

  const legend = `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>`;
  const text = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900">${fonts(chart.font)}</a:defRPr></a:pPr><a:endParaRPr lang="${chart.lang}"/></a:p></c:txPr>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace ${NS}><c:date1904 val="0"/><c:lang val="${chart.lang}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, chart, 1200)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${barChart}${catAx}${valAx}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>${text}</c:chartSpace>`;
}
