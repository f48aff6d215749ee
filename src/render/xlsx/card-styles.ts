/**
 * The look of a scorecard (scorecard.ts, scorecard-tail.ts): its cell styles, built once per
 * locale, so that every card's cells share the same style objects — which is what keeps a
 * workbook of thousands of cards quick to write (sheet.ts). Colours and fonts come from
 * style.ts.
 */
import { word, type Locale } from '../labels.js';
import { memo, type CellStyle } from './sheet-kit.js';
import { BOX, FILL, FORMAT, UNDERLINE, baseFont, solid } from './style.js';

/** The styles of the upper half: header block and indicator table. */
export const cardStyles = memo((locale: Locale) => {
  const font = baseFont(locale);
  const bold = { ...font, bold: true };
  const body: CellStyle = { font, border: BOX, alignment: { vertical: 'middle' } };
  const value: CellStyle = { font, border: BOX, alignment: { vertical: 'middle', horizontal: 'left', shrinkToFit: true } };
  const subtotal: CellStyle = { ...body, font: bold, fill: FILL.subtotal };
  const total: CellStyle = { ...body, font: bold, fill: FILL.total };
  return {
    title: { font: { ...font, size: 15, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } } satisfies CellStyle,
    subtitle: { font: { ...font, size: 12 }, alignment: { horizontal: 'center', vertical: 'middle' } } satisfies CellStyle,
    label: { font: bold, fill: FILL.subtotal, border: BOX, alignment: { vertical: 'middle' } } satisfies CellStyle,
    value,
    valueScore: { ...value, font: bold, numFmt: FORMAT.score } satisfies CellStyle,
    notScored: { font: { ...font, bold: true, color: { argb: 'FFC00000' } }, alignment: { wrapText: true, vertical: 'top' } } satisfies CellStyle,
    head: { font: bold, fill: FILL.head, border: BOX, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } satisfies CellStyle,
    text: { ...body, alignment: { vertical: 'middle', wrapText: true } } satisfies CellStyle,
    number: memo((numFmt: string): CellStyle => ({ ...body, numFmt, alignment: { vertical: 'middle', horizontal: 'right' } })),
    missing: { ...body, font: { ...font, color: { argb: 'FF808080' } }, alignment: { vertical: 'middle', horizontal: 'center' } } satisfies CellStyle,
    /** A to-date value behind pace (SPEC §11): bold red. */
    behind: memo((numFmt: string): CellStyle => ({ ...body, numFmt, font: { ...font, bold: true, color: { argb: 'FFC00000' } }, alignment: { vertical: 'middle', horizontal: 'right' } })),
    dimension: { ...body, font: bold, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } } satisfies CellStyle,
    subtotal,
    subtotalWeight: { ...subtotal, numFmt: FORMAT.general, alignment: { horizontal: 'right' } } satisfies CellStyle,
    share: { ...subtotal, numFmt: `"${word('shareOfBase', locale)} "0.0%`, alignment: { horizontal: 'left' } } satisfies CellStyle,
    subtotalScore: memo((scored: boolean): CellStyle => ({ ...subtotal, numFmt: FORMAT.score, alignment: { horizontal: scored ? 'right' : 'center' } })),
    total,
    totalNumber: memo((numFmt: string): CellStyle => ({ ...total, numFmt, alignment: { horizontal: 'right' } })),
    baseNote: { ...total, font: { ...font, color: { argb: 'FF595959' } } } satisfies CellStyle,
  };
});

/** The styles of the lower half, built once per locale so that every card shares them. */
export const tailStyles = memo((locale: Locale) => {
  const font = baseFont(locale);
  const bold = { ...font, bold: true };
  const body: CellStyle = { font, border: BOX, alignment: { vertical: 'middle', wrapText: true } };
  const value: CellStyle = { font: bold, border: BOX, alignment: { vertical: 'middle', horizontal: 'right' } };
  const total: CellStyle = { ...body, font: bold, fill: FILL.subtotal };
  const signature = (horizontal?: 'right'): CellStyle => ({ font, alignment: { vertical: 'bottom', ...(horizontal ? { horizontal } : {}) } });
  return {
    head: { font: bold, fill: FILL.head, border: BOX, alignment: { horizontal: 'center', vertical: 'middle' } } satisfies CellStyle,
    body,
    number: memo((numFmt: string): CellStyle => ({ ...body, numFmt, alignment: { vertical: 'middle', horizontal: 'right' } })),
    muted: { ...body, font: { ...font, color: { argb: 'FF808080' } }, alignment: { vertical: 'middle', horizontal: 'center' } } satisfies CellStyle,
    total,
    totalSigned: { ...total, numFmt: FORMAT.signed, alignment: { horizontal: 'right' } } satisfies CellStyle,
    effect: { ...body, font: { ...font, bold: true, color: { argb: 'FFC00000' } } } satisfies CellStyle,
    label: { font: bold, fill: FILL.subtotal, border: BOX, alignment: { vertical: 'middle' } } satisfies CellStyle,
    note: { font: { ...font, color: { argb: 'FF595959' } }, border: BOX, alignment: { vertical: 'middle', wrapText: true } } satisfies CellStyle,
    value,
    final: { ...value, font: { ...font, bold: true, size: 14 }, numFmt: FORMAT.score } satisfies CellStyle,
    grade: memo((argb: string | undefined): CellStyle => ({ ...value, alignment: { vertical: 'middle', horizontal: 'center' }, fill: argb === undefined ? undefined : solid(argb) })),
    rank: { ...value, numFmt: FORMAT.integer } satisfies CellStyle,
    signature: signature(),
    date: signature('right'),
    line: { border: UNDERLINE } satisfies CellStyle,
  };
});
