/**
 * What the ledger readers say when a file cannot be read: missing or empty files, wrong
 * types, encodings, CSV structure, headers, which source a file feeds, and the safety
 * limits. Places are named as a person looks for them: `file line 12` / `第 12 行`.
 */
import { defineMessages } from './text.js';

type F = { file: string };

export const readText = defineMessages('read', {
  cannotRead: { en: (p: { file: string; why: string }) => `cannot read the ledger ${p.file}: ${p.why}`, zh: (p) => `无法读取台账 ${p.file}：${p.why}` },
  permissionDenied: { en: () => 'permission denied', zh: () => '没有读取权限' },
  checkPath: { en: () => 'check the path and the current folder', zh: () => '请检查路径和当前所在的文件夹' },
  isFolder: { en: (p: F) => `${p.file} is a folder, not a ledger file`, zh: (p) => `${p.file} 是文件夹，不是台账文件` },
  passFilesInside: { en: (p: F) => `pass the files inside it, e.g. ${p.file}/*.csv`, zh: (p) => `请给出其中的文件，如 ${p.file}/*.csv` },
  empty: { en: (p: { where: string }) => `${p.where}: the file is empty`, zh: (p) => `${p.where}：文件是空的` },
  exportAgain: { en: () => 'export the ledger again, with its header row', zh: () => '请重新导出台账（带表头行）' },
  tooBig: { en: (p: { file: string; size: string; limit: string }) => `${p.file}: the file is ${p.size}, over the ${p.limit} kpi reads from one ledger`, zh: (p) => `${p.file}：文件大小为 ${p.size}，超过了 kpi 单个台账的读取上限 ${p.limit}` },
  notSupported: { en: (p: { file: string; ext: string }) => `${p.file}: ${p.ext} files are not supported`, zh: (p) => `${p.file}：不支持 ${p.ext} 文件` },
  saveAs: { en: () => 'save it as .xlsx or CSV (UTF-8) and run again', zh: () => '请另存为 .xlsx 或 CSV（UTF-8）后再运行' },
  unsupportedType: { en: (p: { file: string; ext: string }) => `${p.file}: unsupported file type "${p.ext}"`, zh: (p) => `${p.file}：不支持的文件类型「${p.ext}」` },
  ledgerTypes: { en: () => 'ledgers are .xlsx, .xlsm, .csv, .tsv or .txt; save it as .xlsx or CSV (UTF-8) and run again', zh: () => '台账须为 .xlsx、.xlsm、.csv、.tsv 或 .txt 文件；请另存为 .xlsx 或 CSV（UTF-8）后再运行' },
  noMatch: { en: (p: { pattern: string }) => `no ledger file matches ${p.pattern}`, zh: (p) => `没有与 ${p.pattern} 匹配的台账文件` },
  checkPattern: { en: () => 'check the folder and the pattern', zh: () => '请检查文件夹和通配符' },
  sourceFlag: { en: (p: { value: string }) => `--source ${p.value}: expected id=path, e.g. --source services=nov.csv`, zh: (p) => `--source ${p.value}：格式应为 数据源=路径，如 --source services=nov.csv` },
  sourceUnknown: { en: (p: { value: string; id: string }) => `--source ${p.value}: "${p.id}" is not a source in the config`, zh: (p) => `--source ${p.value}：考核方案中没有数据源「${p.id}」` },
  sourcesAre: { en: (p: { ids: string }) => `sources: ${p.ids}`, zh: (p) => `已有的数据源：${p.ids}` },
  whichSource: { en: (p: { file: string; candidates: string }) => `${p.file}: cannot tell which source this file feeds; its name matches none of ${p.candidates}`, zh: (p) => `${p.file}：无法判断该文件属于哪个数据源，文件名与 ${p.candidates} 都对不上` },
  whichSourceHint: {
    en: (p: { id: string; file: string }) => `rename it after a source (e.g. ${p.id}.csv), set file: "<pattern>" on the source, or pass --source ${p.id}=${p.file}`,
    zh: (p) => `请按数据源给文件改名（如 ${p.id}.csv），或在数据源上设置 file: "<通配符>"，或加参数 --source ${p.id}=${p.file}`,
  },
  noSheet: {
    en: (p: { file: string; sheets: string; expected: string }) => `${p.file}: no sheet is named after a source; the workbook's sheets: ${p.sheets}; the config expects ${p.expected}`,
    zh: (p) => `${p.file}：没有以数据源命名的工作表；工作簿中的工作表：${p.sheets}；考核方案要的是 ${p.expected}`,
  },
  noSheetHint: {
    en: (p: { id: string; file: string }) => `rename the sheet, set sheet: "<name>" on the source in kpi.yaml, or pass --source ${p.id}=${p.file}`,
    zh: (p) => `请给工作表改名，或在 kpi.yaml 的数据源上设置 sheet: "<工作表名>"，或加参数 --source ${p.id}=${p.file}`,
  },
  none: { en: () => 'none', zh: () => '无' },
  or: { en: () => ' or ', zh: () => ' 或 ' },
  and: { en: () => ' and ', zh: () => ' 和 ' },
  noHeader: {
    en: (p: { where: string; source: string; rows: number; missing: string }) => `${p.where}: no header row with every column of source "${p.source}" in the first ${p.rows} rows; missing ${p.missing}`,
    zh: (p) => `${p.where}：前 ${p.rows} 行中找不到包含数据源「${p.source}」所有列的表头行；缺少 ${p.missing}`,
  },
  missingField: { en: (p: { names: string; field: string }) => `${p.names} (field ${p.field})`, zh: (p) => `${p.names}（字段 ${p.field}）` },
  closest: { en: (p: { near: string }) => `, closest: "${p.near}"`, zh: (p) => `，最接近的是「${p.near}」` },
  noHeaderHint: {
    en: (p: { inRow: string; seen: string; field: string }) => `headers seen${p.inRow}: ${p.seen}. Rename the column in the file, or add the header as an alias in kpi.yaml (columns: { ${p.field}: [..., "header"] })`,
    zh: (p) => `看到的表头${p.inRow}：${p.seen}。请在文件中改列名，或在 kpi.yaml 中把该表头加为别名（columns: { ${p.field}: [..., "表头"] }）`,
  },
  inRow: { en: (p: { row: number }) => ` in row ${p.row}`, zh: (p) => `（第 ${p.row} 行）` },
  duplicateColumn: {
    en: (p: { where: string; row: number; field: string; columns: string }) => `${p.where} row ${p.row}: the column of field ${p.field} appears twice: ${p.columns}`,
    zh: (p) => `${p.where} 第 ${p.row} 行：字段 ${p.field} 的列出现了两次：${p.columns}`,
  },
  duplicateColumnHint: { en: () => 'delete or rename one of them, so kpi knows which to read', zh: () => '请删除或改名其中一列，kpi 才知道该读哪一列' },
  tooManyRows: { en: (p: { where: string; max: string }) => `${p.where}: more than ${p.max} rows, the most kpi reads from one ledger`, zh: (p) => `${p.where}：超过 ${p.max} 行，这是 kpi 单个台账读取的上限` },
  splitByPeriod: { en: (p: { raise: string }) => `split the ledger by period; ${p.raise}`, zh: (p) => `请按考核期拆分台账；${p.raise}` },
  raiseLimit: { en: (p: { flag: string }) => `if the file is genuine, raise the limit with --limit ${p.flag}`, zh: (p) => `如果文件确实无误，可用 --limit ${p.flag} 放宽上限` },
  errorCells: {
    en: (p: { count: number; first: string }) => `${p.count} error cell${p.count > 1 ? 's' : ''} (#DIV/0!, #N/A …) read as empty; the first at ${p.first}`,
    zh: (p) => `${p.count} 个错误值单元格（#DIV/0!、#N/A …）按空值读取；第一个在 ${p.first}`,
  },
  cellPlace: { en: (p: { where: string; row: number; column: string }) => `${p.where} row ${p.row}, column ${p.column}`, zh: (p) => `${p.where} 第 ${p.row} 行，列「${p.column}」` },
  noLedgerFor: {
    en: (p: { id: string; sheet: string }) => `no ledger was given for source "${p.id}"${p.sheet ? ` (${p.sheet})` : ''}: its counts are 0 and its other metrics missing`,
    zh: (p) => `没有给出数据源「${p.id}」${p.sheet ? `（${p.sheet}）` : ''}的台账：其计数按 0 计，其他指标缺失`,
  },
  notScored: { en: (p: { id: string; error: string }) => `${p.id}: not scored: ${p.error}`, zh: (p) => `${p.id}：未评分：${p.error}` },
  // CSV and text files.
  notText: { en: (p: { file: string; what: string }) => `${p.file} is not a text file but ${p.what}`, zh: (p) => `${p.file} 不是文本文件，而是${p.what}` },
  zipFile: { en: () => 'a zip file (an Excel workbook renamed .csv?)', zh: () => '一个 zip 压缩文件（是不是把 Excel 工作簿改名成了 .csv？）' },
  zipFileHint: { en: () => 'rename it to .xlsx, or export the ledger again as CSV (UTF-8)', zh: () => '请改名为 .xlsx，或重新导出为 CSV（UTF-8）' },
  xlsFile: { en: () => 'an old .xls workbook or a password-protected one', zh: () => '一个旧版 .xls 工作簿或加了密码的工作簿' },
  xlsFileHint: { en: () => 'open it in Excel or WPS and save it as .xlsx or CSV (UTF-8)', zh: () => '请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV（UTF-8）' },
  pdfFile: { en: () => 'a PDF document', zh: () => '一个 PDF 文档' },
  pdfFileHint: { en: () => 'export the ledger as CSV (UTF-8) or .xlsx', zh: () => '请把台账导出为 CSV（UTF-8）或 .xlsx' },
  binaryData: { en: () => 'binary data (an image, archive or program?)', zh: () => '二进制数据（图片、压缩包还是程序？）' },
  binaryDataHint: { en: () => 'check the file name; export the ledger as CSV (UTF-8) or .xlsx', zh: () => '请检查文件名；把台账导出为 CSV（UTF-8）或 .xlsx' },
  mixedEncodings: {
    en: (p: { file: string; line: number }) => `${p.file} line ${p.line}: this line is not UTF-8, but the lines above it are: the file mixes two encodings (rows pasted in from a GBK or ANSI export?)`,
    zh: (p) => `${p.file} 第 ${p.line} 行：这一行不是 UTF-8，而上面的行都是：文件混用了两种编码（是不是从 GBK 或 ANSI 导出的文件里粘贴了几行？）`,
  },
  mixedEncodingsHint: {
    en: () => 'open it in a text editor, fix the garbled lines and save it as UTF-8; or export the ledger again as one CSV',
    zh: () => '请用文本编辑器打开，改正乱码的行后另存为 UTF-8；或把台账重新导出为一个 CSV 文件',
  },
  delimiter: { en: (p: { value: string }) => `--delimiter must be one character or "tab", not "${p.value}"`, zh: (p) => `--delimiter 须为单个字符或 "tab"，不能是「${p.value}」` },
  undecodable: {
    en: (p: { file: string; line: number; encoding: string; detected: string }) => `${p.file} line ${p.line}: bytes that are not valid ${p.encoding}${p.detected}; read anyway, names and values would be garbled`,
    zh: (p) => `${p.file} 第 ${p.line} 行：有不符合 ${p.encoding} 编码的字节${p.detected}；硬读的话姓名和数值都会是乱码`,
  },
  notUtf8NorGbk: { en: () => ' (the file is not UTF-8, and not GBK/GB18030 either)', zh: () => '（文件既不是 UTF-8，也不是 GBK/GB18030）' },
  passEncoding: {
    en: () => "pass the file's encoding, e.g. --encoding big5 or --encoding windows-1252, or save it again as CSV UTF-8",
    zh: () => '请指明文件编码，如 --encoding big5 或 --encoding windows-1252，或重新另存为 CSV UTF-8',
  },
  tryEncoding: {
    en: () => 'is the file in another encoding? try --encoding gbk, utf-8 or utf-16le, or save it again as CSV UTF-8',
    zh: () => '文件是不是别的编码？试试 --encoding gbk、utf-8 或 utf-16le，或重新另存为 CSV UTF-8',
  },
  unclosedQuote: {
    en: (p: { file: string; line: number }) => `${p.file} line ${p.line}: a quote (") opened here is never closed, so the rest of the file cannot be read`,
    zh: (p) => `${p.file} 第 ${p.line} 行：这里开始的引号（"）一直没有闭合，文件余下的部分无法读取`,
  },
  unclosedQuoteHint: { en: () => 'close the quote, or remove the stray " from the cell', zh: () => '请补上闭合的引号，或删掉单元格里多余的 "' },
  csvLine: { en: (p: { file: string; line: number; message: string }) => `${p.file} line ${p.line}: ${p.message}`, zh: (p) => `${p.file} 第 ${p.line} 行：${p.message}` },
  openingQuote: {
    en: (p: { file: string; line: number; message: string }) => `${p.file} line ${p.line}: ${p.message}`,
    zh: (p) => `${p.file} 第 ${p.line} 行：单元格中间出现了引号（"）；含引号的值须整个用引号括起来，里面的引号写成 ""（${p.message}）`,
  },
  closingQuote: {
    en: (p: { file: string; line: number; message: string }) => `${p.file} line ${p.line}: ${p.message}`,
    zh: (p) => `${p.file} 第 ${p.line} 行：右引号后面紧跟着别的字符，而不是分隔符或换行（${p.message}）`,
  },
  recordTooLong: { en: (p: { raise: string }) => `a quote left open gathers the lines after it into one record: close it; ${p.raise}`, zh: (p) => `没有闭合的引号会把后面的行都并进同一条记录：请补上引号；${p.raise}` },
  unknownEncoding: { en: (p: { encoding: string }) => `unknown encoding "${p.encoding}"`, zh: (p) => `未知的编码「${p.encoding}」` },
  encodingsAre: { en: () => 'use utf-8, gbk, gb18030, utf-16le or utf-16be', zh: () => '可用 utf-8、gbk、gb18030、utf-16le 或 utf-16be' },
});

export const limitText = defineMessages('limits', {
  unknownLimit: { en: (p: { name: string; near: string }) => `--limit: unknown limit "${p.name}"${p.near}`, zh: (p) => `--limit：没有名为「${p.name}」的上限${p.near}` },
  didYouMean: { en: (p: { near: string }) => ` (did you mean "${p.near}"?)`, zh: (p) => `（是不是「${p.near}」？）` },
  limitsAre: { en: (p: { names: string }) => `limits are ${p.names}`, zh: (p) => `可用的上限有 ${p.names}` },
  expectedSize: { en: (p: { flag: string; name: string }) => `--limit ${p.flag}: expected ${p.name}=<a positive size, e.g. 512MB or 8GB>`, zh: (p) => `--limit ${p.flag}：格式应为 ${p.name}=<正的大小，如 512MB 或 8GB>` },
  expectedNumber: { en: (p: { flag: string; name: string }) => `--limit ${p.flag}: expected ${p.name}=<a positive number>`, zh: (p) => `--limit ${p.flag}：格式应为 ${p.name}=<正数>` },
  example: { en: (p: { example: string }) => `e.g. --limit ${p.example}`, zh: (p) => `例如 --limit ${p.example}` },
});

export const xlsxText = defineMessages('xlsx', {
  damaged: { en: (p: { where: string; why: string }) => `${p.where}: the workbook is damaged (${p.why})`, zh: (p) => `${p.where}：工作簿已损坏（${p.why}）` },
  saveAgain: { en: () => 'open it in Excel or WPS and save it again as .xlsx', zh: () => '请用 Excel 或 WPS 打开，重新另存为 .xlsx' },
  saveAsXlsx: { en: () => 'open it in Excel or WPS and save it as .xlsx or CSV (UTF-8), then run again', zh: () => '请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV（UTF-8）后再运行' },
  notAZip: { en: (p: { why: string }) => `not a readable zip: ${p.why}`, zh: (p) => `不是可读的 zip 文件：${p.why}` },
  largerThanHeader: { en: (p: { part: string }) => `${p.part} is larger than its zip header says`, zh: (p) => `${p.part} 比 zip 头中记录的大` },
  shorterThanHeader: { en: (p: { part: string }) => `${p.part} is shorter than its zip header says`, zh: (p) => `${p.part} 比 zip 头中记录的小` },
  checksum: { en: (p: { part: string }) => `${p.part} fails its checksum (CRC-32): the file was changed or cut short in transit`, zh: (p) => `${p.part} 校验和（CRC-32）不符：文件在传输中被改动或截断了` },
  sheetWithoutPart: { en: (p: { sheet: string; part: string }) => `sheet "${p.sheet}" has no part ${p.part}`, zh: (p) => `工作表「${p.sheet}」缺少部件 ${p.part}` },
  passwordOrXls: {
    en: (p: { file: string }) => `${p.file}: this is a password-protected workbook or an old .xls file saved with the .xlsx name, which kpi cannot read`,
    zh: (p) => `${p.file}：这是加了密码的工作簿，或改成 .xlsx 扩展名的旧版 .xls 文件，kpi 无法读取`,
  },
  removePasswordOr: { en: (p: { then: string }) => `remove the password (File › Info › Protect Workbook) or ${p.then}`, zh: (p) => `请取消密码（文件 › 信息 › 保护工作簿），或${p.then}` },
  removePassword: { en: (p: { then: string }) => `remove the password or ${p.then}`, zh: (p) => `请取消密码，或${p.then}` },
  isPdf: { en: (p: { file: string }) => `${p.file}: the file is a PDF document, not an Excel workbook`, zh: (p) => `${p.file}：这是 PDF 文档，不是 Excel 工作簿` },
  isWebPage: {
    en: (p: { file: string }) => `${p.file}: the file is a web page or XML file (some systems export those with an Excel name), not an Excel workbook`,
    zh: (p) => `${p.file}：这是网页或 XML 文件（有些系统导出时会起成 Excel 文件名），不是 Excel 工作簿`,
  },
  notWorkbook: { en: (p: { file: string }) => `${p.file}: the file is not an Excel workbook`, zh: (p) => `${p.file}：这不是 Excel 工作簿` },
  tooManyEntries: {
    en: (p: { file: string; count: number; limit: number }) => `${p.file}: the zip holds ${p.count} entries; a workbook has at most a few hundred (limit ${p.limit}), so it is refused`,
    zh: (p) => `${p.file}：压缩包里有 ${p.count} 个条目，而工作簿最多几百个（上限 ${p.limit}），因此拒绝读取`,
  },
  passwordProtected: { en: (p: { file: string }) => `${p.file}: the workbook is password-protected, which kpi cannot read`, zh: (p) => `${p.file}：工作簿加了密码，kpi 无法读取` },
  inflatesTo: {
    en: (p: { where: string; size: string; limit: string }) => `${p.where} inflates to ${p.size}, over the ${p.limit} kpi reads, so the workbook is refused`,
    zh: (p) => `${p.where} 解压后有 ${p.size}，超过了 kpi 的读取上限 ${p.limit}，因此拒绝读取该工作簿`,
  },
  splitWorkbook: { en: (p: { raise: string }) => `split the ledger into several workbooks or CSV files; ${p.raise}`, zh: (p) => `请把台账拆成几个工作簿或 CSV 文件；${p.raise}` },
  zipBomb: {
    en: (p: { where: string; ratio: number; limit: number }) => `${p.where} claims a compression ratio of ${p.ratio}:1 (real sheets stay under 20:1; limit ${p.limit}:1): this looks like a zip bomb, so the workbook is refused`,
    zh: (p) => `${p.where} 声称压缩比为 ${p.ratio}:1（真实的工作表都在 20:1 以下；上限 ${p.limit}:1）：这像是“压缩炸弹”，因此拒绝读取该工作簿`,
  },
  compressionMethod: { en: (p: { where: string; method: number }) => `${p.where} uses zip compression method ${p.method}, which Excel never writes`, zh: (p) => `${p.where} 使用了 zip 压缩方式 ${p.method}，Excel 从不使用这种方式` },
  xlsb: { en: (p: { file: string }) => `${p.file}: this is a binary workbook (.xlsb) saved with the .xlsx name, which kpi cannot read`, zh: (p) => `${p.file}：这是改成 .xlsx 扩展名的二进制工作簿（.xlsb），kpi 无法读取` },
  zipNotWorkbook: {
    en: (p: { file: string }) => `${p.file}: the file is a zip but not an Excel workbook (no workbook inside: an .ods, .numbers or other archive saved with the .xlsx name?)`,
    zh: (p) => `${p.file}：这是 zip 压缩包，但不是 Excel 工作簿（里面没有工作簿：是不是改成 .xlsx 扩展名的 .ods、.numbers 或其他压缩包？）`,
  },
  cellTooLong: { en: (p: { where: string; message: string }) => `${p.where}: ${p.message}`, zh: (p) => `${p.where}：${p.message}` },
  cellTooLongDetail: { en: (p: { cell: string; limit: number }) => `cell ${p.cell} holds more than ${p.limit} characters (Excel allows 32,767)`, zh: (p) => `单元格 ${p.cell} 超过 ${p.limit} 个字符（Excel 最多允许 32,767 个）` },
  cellTooLongHint: { en: (p: { raise: string }) => `a cell that long is not a ledger value: check the file; ${p.raise}`, zh: (p) => `这么长的单元格不会是台账数据：请检查文件；${p.raise}` },
  tookTooLong: { en: (p: { file: string; seconds: number }) => `${p.file}: reading the workbook took longer than ${p.seconds} s, so it was stopped`, zh: (p) => `${p.file}：读取工作簿超过了 ${p.seconds} 秒，已停止` },
  tookTooLongHint: { en: (p: { raise: string }) => `a ledger reads in seconds; is this the right file? ${p.raise}`, zh: (p) => `台账通常几秒就能读完，是不是选错了文件？${p.raise}` },
  outOfMemory: { en: (p: { file: string; mb: number }) => `${p.file}: reading the workbook needed more than ${p.mb} MiB of memory, so it was stopped`, zh: (p) => `${p.file}：读取工作簿需要超过 ${p.mb} MiB 内存，已停止` },
  outOfMemoryHint: { en: (p: { raise: string }) => `split the workbook, or save it as CSV (read in constant memory); ${p.raise}`, zh: (p) => `请拆分工作簿，或另存为 CSV（读取 CSV 占用的内存是固定的）；${p.raise}` },
  hiddenSheet: {
    en: (p: { where: string }) => `${p.where}: the sheet is hidden in Excel; its rows were read like any other's (delete or rename it if it should not count)`,
    zh: (p) => `${p.where}：该工作表在 Excel 中是隐藏的，其中的行照常读取（如果不该计入，请删除或改名）`,
  },
  hiddenRows: {
    en: (p: { where: string; count: number; first: number }) => `${p.where}: ${p.count} hidden row${p.count > 1 ? 's were' : ' was'} read like the others, the first at row ${p.first} (delete rows that should not count)`,
    zh: (p) => `${p.where}：${p.count} 个隐藏行照常读取，第一个在第 ${p.first} 行（不该计入的行请删除）`,
  },
  formulasWithoutResult: {
    en: (p: { where: string; count: number; first: string }) => `${p.where}: ${p.count} formula cell${p.count > 1 ? 's have' : ' has'} no saved result and ${p.count > 1 ? 'were' : 'was'} read as empty, the first at ${p.first} (open and save the workbook in Excel)`,
    zh: (p) => `${p.where}：${p.count} 个公式单元格没有保存计算结果，按空值读取，第一个在 ${p.first}（请用 Excel 打开工作簿并保存一次）`,
  },
});
