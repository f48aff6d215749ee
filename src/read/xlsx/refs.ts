/**
 * A1-style cell references: column letters to indexes and back, and the size of Excel's
 * grid, which bounds every reference a sheet may make.
 */

/** Excel's grid: 16,384 columns (A–XFD) by 1,048,576 rows. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

/** 0-based index of the column letters at the start of `ref` (`C5` → 2, `c5` too); -1 when there are none. */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32; // lower-case letters are rare but not wrong
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n - 1;
}

/** Column letters of a 0-based index (2 → `C`). */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
