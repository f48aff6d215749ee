/**
 * What the commands say about their own arguments and runs: wrong formats and periods,
 * missing files, --strict, the notes on stderr (which period was scored, what was
 * written), batch progress and summary, init's report, and the output files.
 */
import { defineMessages } from './text.js';

export const commandText = defineMessages('commands', {
  // kpi score
  scoreFormat: { en: (p: { format: string }) => `--format ${p.format} is not a format kpi score prints`, zh: (p) => `--format ${p.format} 不是 kpi score 能打印的格式` },
  scoreFormatHint: {
    en: () => 'use --format table or --format json; write CSV or Excel with -o file.csv / -o file.xlsx',
    zh: () => '请用 --format table 或 --format json；要写 CSV 或 Excel，请用 -o file.csv / -o file.xlsx',
  },
  explainJson: { en: () => '--explain prints text for people to read; it cannot be combined with --format json', zh: () => '--explain 打印的是给人看的文字，不能与 --format json 同时使用' },
  explainJsonHint: { en: () => 'the JSON already holds every indicator of every person', zh: () => 'JSON 中已经包含每个人的每项考核指标' },
  splitNeedsOutDir: { en: () => '--split needs --out-dir: the folder for the workbooks', zh: () => '--split 需要 --out-dir：存放工作簿的文件夹' },
  splitExample: { en: (p: { by: string }) => `e.g. --split ${p.by} --out-dir scorecards/`, zh: (p) => `例如 --split ${p.by} --out-dir scorecards/` },
  notAPeriod: { en: (p: { period: string }) => `--period ${p.period} is not a period`, zh: (p) => `--period ${p.period} 不是有效的考核期` },
  flagNotAPeriod: { en: (p: { flag: string; period: string }) => `${p.flag} ${p.period} is not a period`, zh: (p) => `${p.flag} ${p.period} 不是有效的考核期` },
  periodForms: { en: () => 'use 2026-11, 2026-Q4, 2026-H2 or 2026', zh: () => '请写成 2026-11、2026-Q4、2026-H2 或 2026' },
  noLedgers: { en: () => 'no ledger files given', zh: () => '没有给出台账文件' },
  noLedgersHint: { en: () => 'kpi score ledger.xlsx (or *.csv)', zh: () => '例如 kpi score ledger.xlsx（或 *.csv）' },
  scoringLatest: {
    en: (p: { period: string; unit: string; date: string }) => `kpi: scoring ${p.period}, the ${p.unit} of the latest row date (${p.date}); choose another with -p`,
    zh: (p) => `kpi：为 ${p.period} 评分，即台账中最新日期（${p.date}）所在的${p.unit}；可用 -p 另选`,
  },
  nothingToScore: {
    en: (p: { inPeriod: string }) => `nothing to score: no one is in the roster or has rows${p.inPeriod}`,
    zh: (p) => `没有可评分的人员：花名册中没有人${p.inPeriod}，台账中也没有人有数据`,
  },
  inPeriod: { en: (p: { period: string }) => ` in ${p.period}`, zh: (p) => `（${p.period}）` },
  checkPeriod: { en: () => 'check --period, or the employee column', zh: () => '请检查 --period，或工号列' },
  checkDataRows: { en: () => 'check that the ledgers have data rows', zh: () => '请检查台账中是否有数据行' },
  rejectedRows: { en: (p: { count: number }) => `${p.count} rejected row(s)`, zh: (p) => `${p.count} 行被拒收` },
  notInRoster: { en: (p: { count: number }) => `${p.count} people not in the roster`, zh: (p) => `${p.count} 人不在花名册中` },
  strictFailed: { en: (p: { parts: string }) => `--strict: ${p.parts}; nothing was written`, zh: (p) => `--strict：${p.parts}；未写出任何文件` },
  strictHint: { en: () => 'fix the rows listed above, or run without --strict to score anyway', zh: () => '请改正上面列出的行，或去掉 --strict 照常评分' },
  and: { en: () => ' and ', zh: () => '，' },
  wroteWorkbooks: { en: (p: { count: number; dir: string }) => `kpi: wrote ${p.count} workbook${p.count > 1 ? 's' : ''} to ${p.dir}`, zh: (p) => `kpi：已向 ${p.dir} 写出 ${p.count} 个工作簿` },
  explainUnknown: { en: (p: { id: string }) => `--explain ${p.id}: no one with that id was scored`, zh: (p) => `--explain ${p.id}：没有这个工号的人参与评分` },
  idsLookLike: { en: (p: { ids: string }) => `ids look like: ${p.ids}`, zh: (p) => `工号形如：${p.ids}` },
  nothingToSplit: { en: () => 'nothing to split: no one was scored', zh: () => '无可拆分：没有人参与评分' },
  // kpi validate
  validateFormat: { en: (p: { format: string }) => `--format ${p.format} is not a format of kpi validate`, zh: (p) => `--format ${p.format} 不是 kpi validate 的输出格式` },
  validateFormatHint: { en: () => 'use --format text or --format json', zh: () => '请用 --format text 或 --format json' },
  cannotReadConfig: { en: (p: { file: string; why: string }) => `cannot read the config ${p.file}: ${p.why}`, zh: (p) => `无法读取考核方案 ${p.file}：${p.why}` },
  cannotReadConfigHint: { en: () => 'pass the config with -c FILE, or run "kpi init" to create kpi.yaml', zh: () => '请用 -c 文件 指定考核方案，或运行 "kpi init" 生成 kpi.yaml' },
  rosterRow: { en: (p: { where: string; row: number; error: string }) => `${p.where} row ${p.row}: ${p.error}`, zh: (p) => `${p.where} 第 ${p.row} 行：${p.error}` },
  // kpi batch
  batchNeedsPeriods: { en: () => 'kpi batch needs --periods', zh: () => 'kpi batch 需要 --periods' },
  batchPeriodsExample: { en: () => 'e.g. --periods 2026-01..2026-11', zh: () => '例如 --periods 2026-01..2026-11' },
  notARange: { en: (p: { range: string }) => `--periods ${p.range} is not a period range`, zh: (p) => `--periods ${p.range} 不是有效的考核期范围` },
  rangeForms: {
    en: () => 'use A..B with periods of one kind, A first: 2026-01..2026-11, 2026-Q1..2026-Q4',
    zh: () => '请写成 A..B，两端是同一类考核期、A 在前：2026-01..2026-11、2026-Q1..2026-Q4',
  },
  batchNeedsOutDir: { en: () => 'kpi batch needs --out-dir: the folder for the reports', zh: () => 'kpi batch 需要 --out-dir：存放报表的文件夹' },
  batchOutDirExample: { en: () => 'e.g. --out-dir reports/', zh: () => '例如 --out-dir reports/' },
  batchScoring: { en: (p: { period: string; i: number; n: number }) => `kpi: scoring ${p.period} (${p.i}/${p.n})`, zh: (p) => `kpi：正在为 ${p.period} 评分（${p.i}/${p.n}）` },
  batchSummary: {
    en: (p: { runs: number; failed: number; dir: string }) => `kpi: ${p.runs} run${p.runs === 1 ? '' : 's'}, ${p.failed} failed; reports in ${p.dir}`,
    zh: (p) => `kpi：共评分 ${p.runs} 次，失败 ${p.failed} 次；报表在 ${p.dir}`,
  },
  batchFailed: { en: (p: { run: string; error: string }) => `kpi: failed: ${p.run}: ${p.error}`, zh: (p) => `kpi：失败：${p.run}：${p.error}` },
  nothingInPeriod: {
    en: () => 'nothing to score: no one is in the roster or has rows in this period',
    zh: () => '没有可评分的人员：花名册中没有人，本考核期的台账中也没有人有数据',
  },
  strictParts: { en: (p: { parts: string }) => `--strict: ${p.parts}`, zh: (p) => `--strict：${p.parts}` },
  // kpi calibrate
  calibrateRangeExample: { en: () => 'e.g. --periods 2026-01..2026-11', zh: () => '例如 --periods 2026-01..2026-11' },
  noDatedRows: { en: () => 'no dated rows in the history: nothing to calibrate from', zh: () => '历史台账中没有带日期的行：无从校准' },
  givePastLedgers: { en: () => 'give the ledgers of past periods', zh: () => '请给出以往考核期的台账' },
  calibrateFormat: { en: (p: { format: string }) => `--format ${p.format} is not a format of kpi calibrate`, zh: (p) => `--format ${p.format} 不是 kpi calibrate 的输出格式` },
  calibrateFormatHint: { en: () => 'use --format table, yaml or json', zh: () => '请用 --format table、yaml 或 json' },
  noHistory: { en: () => 'no history files given', zh: () => '没有给出历史台账文件' },
  noHistoryHint: { en: () => 'kpi calibrate ledgers/2026-*.xlsx', zh: () => '例如 kpi calibrate ledgers/2026-*.xlsx' },
  // --compare
  compareNotAPeriod: { en: (p: { period: string }) => `--compare ${p.period} is not a period`, zh: (p) => `--compare ${p.period} 不是有效的考核期` },
  compareForms: { en: () => 'use 2026-10, 2026-Q3, 2026-H1 or 2025', zh: () => '请写成 2026-10、2026-Q3、2026-H1 或 2025' },
  compareUnit: {
    en: (p: { period: string; unit: string; scored: string }) => `--compare ${p.period} is a ${p.unit}, but the period scored is a ${p.scored}`,
    zh: (p) => `--compare ${p.period} 是${p.unit}，而评分的考核期是${p.scored}`,
  },
  compareUnitHint: {
    en: () => 'compare a month with a month, a quarter with a quarter; set the scored period with -p',
    zh: () => '月只能和月比，季度只能和季度比；评分的考核期可用 -p 指定',
  },
  // kpi init
  initLocale: { en: (p: { locale: string }) => `--locale ${p.locale} is not a language kpi init writes`, zh: (p) => `kpi init 不能写 --locale ${p.locale} 这种语言` },
  initLocaleHint: { en: () => 'use --locale zh-CN or --locale en', zh: () => '请用 --locale zh-CN 或 --locale en' },
  initNotFolder: { en: (p: { dir: string }) => `${p.dir} is a file, not a folder`, zh: (p) => `${p.dir} 是文件，不是文件夹` },
  initNotFolderHint: { en: () => 'give kpi init a folder to write kpi.yaml and ledger.xlsx into', zh: () => '请给 kpi init 一个文件夹，用来写入 kpi.yaml 和 ledger.xlsx' },
  initExists: { en: (p: { file: string }) => `${p.file} already exists; use --force to overwrite it`, zh: (p) => `${p.file} 已存在；如要覆盖请加 --force` },
  initBothExist: { en: (p: { a: string; b: string }) => `${p.a} and ${p.b} already exist; use --force to overwrite them`, zh: (p) => `${p.a} 和 ${p.b} 已存在；如要覆盖请加 --force` },
  initExistsHint: { en: () => 'or run kpi init in another folder: kpi init <dir>', zh: () => '或者在别的文件夹中运行：kpi init <文件夹>' },
  initWroteScheme: { en: (p: { file: string; summary: string }) => `kpi: wrote ${p.file}: the article's scheme (${p.summary})`, zh: (p) => `kpi：已写出 ${p.file}：示例考核方案（${p.summary}）` },
  initOverwroteScheme: { en: (p: { file: string; summary: string }) => `kpi: overwrote ${p.file}: the article's scheme (${p.summary})`, zh: (p) => `kpi：已覆盖 ${p.file}：示例考核方案（${p.summary}）` },
  initSummary: {
    en: () => 'customer service 50 · market research 35 · sales support 15; managers also service management',
    zh: () => '客户服务 50 · 市场调研 35 · 销售支持 15；客服经理另有服务管理',
  },
  initWroteLedger: {
    en: (p: { verb: string; file: string; people: number; ledgers: number; period: string; rows: number; bad: number }) =>
      `kpi: ${p.verb} ${p.file}: ${p.people} people and ${p.ledgers} ledgers for ${p.period} (${p.rows} rows; ${p.bad} are wrong on purpose, to show the Issues report)`,
    zh: (p) => `kpi：已${p.verb}${p.file}：${p.period} 的 ${p.people} 名人员和 ${p.ledgers} 本台账（共 ${p.rows} 行，其中 ${p.bad} 行故意填错，用来演示“问题”报表）`,
  },
  wrote: { en: () => 'wrote', zh: () => '写出 ' },
  overwrote: { en: () => 'overwrote', zh: () => '覆盖 ' },
  initSheets: { en: (p: { sheets: string }) => `  sheets: ${p.sheets}`, zh: (p) => `  工作表：${p.sheets}` },
  initNext: { en: (p: { command: string }) => `next: ${p.command}`, zh: (p) => `下一步：${p.command}` },
  // Output files
  outFormat: { en: (p: { file: string }) => `-o ${p.file}: cannot tell the format from the extension`, zh: (p) => `-o ${p.file}：无法从扩展名判断格式` },
  outFormatHint: { en: () => 'use a file ending in .xlsx, .json, .csv or .html', zh: () => '请用 .xlsx、.json、.csv 或 .html 结尾的文件名' },
  outIsInput: { en: (p: { file: string }) => `-o ${p.file} is one of the input files; refusing to overwrite it`, zh: (p) => `-o ${p.file} 是输入文件之一，不能覆盖` },
  outIsInputHint: { en: () => 'choose another output file name', zh: () => '请换一个输出文件名' },
  cannotCreateFolder: { en: (p: { dir: string; why: string }) => `cannot create the folder ${p.dir}: ${p.why}`, zh: (p) => `无法创建文件夹 ${p.dir}：${p.why}` },
  cannotWrite: { en: (p: { file: string; why: string }) => `cannot write ${p.file}: ${p.why}`, zh: (p) => `无法写入 ${p.file}：${p.why}` },
  cannotWriteHint: {
    en: () => 'check that the folder exists, is writable, and the file is not open in Excel',
    zh: () => '请检查文件夹是否存在、是否可写，以及文件是否正在 Excel 中打开',
  },
  tooManyParts: {
    en: (p: { parts: number }) => `the workbook would hold ${p.parts} parts, more than one file of scorecards can (about 13,000 people)`,
    zh: (p) => `工作簿将包含 ${p.parts} 个部件，超出了一个考核表文件的容量（约 13,000 人）`,
  },
  tooManyPartsHint: {
    en: () => 'write one workbook per team with --split team --out-dir DIR, or the ranking alone with -o report.csv',
    zh: () => '请用 --split team --out-dir 文件夹 按班组各写一个工作簿，或只用 -o report.csv 写出排名',
  },
});
