/**
 * Chart colours shared by the workbook's charts and the HTML report: a colour per grade
 * (green for the top grade, red for the last, as the grade fills of the sheets) and a
 * palette for series; and the sheet-qualified reference a workbook chart series needs.
 */

const GRADE_TOP = '70AD47';
const GRADE_LAST = 'E15759';
const GRADE_MIDDLE = ['5B9BD5', 'FFC000', 'ED7D31'];

/** The chart colour of the grade at `index` among `count` grades. */
export function gradeChartColor(index: number, count: number): string {
  if (index === 0) return GRADE_TOP;
  if (index === count - 1 && count > 1) return GRADE_LAST;
  return GRADE_MIDDLE[(index - 1) % GRADE_MIDDLE.length];
}

const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E'];

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** `'Sheet name'!$B$3:$B$9` (a single cell when the rows are equal). */
export function sheetRef(sheet: string, column: string, first: number, last: number): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return first === last ? `${quoted}!$${column}$${first}` : `${quoted}!$${column}$${first}:$${column}$${last}`;
}
