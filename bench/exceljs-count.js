/**
 * The bench's yardstick for workbooks: a bare pass of exceljs's streaming reader over a
 * file, counting rows and doing nothing else. `node bench/exceljs-count.js FILE`
 */
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore' });
let rows = 0;
for await (const sheet of reader) for await (const _ of sheet) rows++;
console.log(JSON.stringify({ rows }));
