/**
 * What the command line itself says: `--help` (command, argument and option descriptions,
 * the exit codes), commander's own words and errors, and the line of an internal error.
 * src/cli.ts builds its program from these, in the terminal's language.
 */
import { defineMessages } from './text.js';

const m = <T extends string>(en: T, zh: string) => ({ en: () => en, zh: () => zh });

export const cliText = defineMessages('cli', {
  programDescription: m('Quantified performance scores from monthly work ledgers (工作台账) and a YAML scheme.', '由每月工作台账和 YAML 考核方案算出量化绩效得分。'),
  exitCodes: m(
    `
Exit codes:
  0  success (warnings allowed)
  1  bad arguments or invalid config
  2  ledger data problems under --strict, unreadable or unsupported input, or nothing to score
  3  internal error (a bug in kpi: please report it)`,
    `
退出码：
  0  成功（可以有警告）
  1  参数有误或考核方案（配置）无效
  2  --strict 下台账数据有问题、台账无法读取或格式不支持，或没有可评分的人员
  3  内部错误（kpi 的缺陷，请反馈给我们）`,
  ),
  version: m('output the version number', '显示版本号'),
  help: m('display help for command', '显示命令帮助'),
  helpCommand: m('display help for command', '显示命令帮助'),
  lang: m('language of messages and help: en or zh-CN (default: KPI_LANG, else LANG)', '提示信息和帮助的语言：en 或 zh-CN（默认看 KPI_LANG，其次 LANG）'),
  encoding: m('text encoding of CSV ledgers (default: detected)', 'CSV 台账的文本编码（默认自动识别）'),
  delimiter: m('CSV delimiter (default: detected among , ; tab |)', 'CSV 分隔符（默认在 , ; 制表符 | 中自动识别）'),
  source: m('say which source a file feeds; repeatable', '指明某个文件属于哪个数据源；可重复'),
  limit: m('raise a safety limit, e.g. --limit rows=100000000 (see docs/errors.md); repeatable', '放宽一项安全上限，如 --limit rows=100000000（见 docs/errors.md）；可重复'),
  noColor: m('no colours (also NO_COLOR)', '不用彩色输出（也可设 NO_COLOR）'),
  config: m('the scheme (default kpi.yaml); versions: repeat -c, or give a,b, a folder or a glob', '考核方案文件（默认 kpi.yaml）；多个版本：重复 -c，或写 a,b、一个文件夹或通配符'),
  scoreDescription: m('score one period: print the ranking, write reports', '为一个考核期评分：打印排名，写出报表'),
  scoreLedgers: m('ledger files (.xlsx, .csv, .tsv, .txt); globs allowed; none when every source is a database (sql:)', '台账文件（.xlsx、.csv、.tsv、.txt）；可用通配符；数据源全部是数据库（sql:）时不用给'),
  period: m('period to score: 2026-11, 2026-Q4, 2026-H2, 2026 (default: that of the latest row date)', '要评分的考核期：2026-11、2026-Q4、2026-H2、2026（默认取台账中最新日期所在的考核期）'),
  scoreFormat: m('what to print on stdout', '标准输出打印的格式'),
  out: m('write a report; the extension picks the format (.xlsx, .json, .csv, .html); repeatable', '写出报表，按扩展名决定格式（.xlsx、.json、.csv、.html）；可重复'),
  asOf: m('the period in progress: score it from the rows up to DATE (YYYY-MM-DD or today), projected to its end', '进行中的考核期：只取截至 DATE（YYYY-MM-DD 或 today）的记录评分，并推算到期末'),
  split: m('one workbook per employee or team (with --out-dir)', '按员工或班组各写一个工作簿（需配合 --out-dir）'),
  outDir: m('folder for --split workbooks', '--split 工作簿的输出文件夹'),
  compare: m('score an earlier period too and show each change (same kind of period)', '同时为更早的一个考核期评分，并列出每项变化（须为同类考核期）'),
  explain: m("take one person's score apart (or 'all'); repeatable", '拆解某个人的得分（或 all 表示所有人）；可重复'),
  strict: m('exit 2 if any row is rejected or anyone is missing from the roster', '有任何被拒收的行或花名册中缺人时，以退出码 2 结束'),
  quiet: m('print only the data', '只打印数据'),
  validateDescription: m('check the config (and, if given, the ledgers) without scoring', '检查考核方案（如给出台账，也一并检查台账），不评分'),
  validateLedgers: m('ledger files to check as well; globs allowed', '要一并检查的台账文件；可用通配符'),
  output: m('output', '输出格式'),
  batchDescription: m('score many periods (and teams) in one run, for CI and cron', '一次运行为多个考核期（及班组）评分，适合 CI 和定时任务'),
  batchLedgers: m('ledger files; each is read once for all periods; none when every source is a database (sql:)', '台账文件；每个文件只读一次，供所有考核期使用；数据源全部是数据库（sql:）时不用给'),
  showSql: m('print the query each database source (sql:) would run', '打印每个数据库数据源（sql:）将要执行的查询'),
  batchPeriods: m('periods to score: 2026-01..2026-11, 2026-Q1..2026-Q4, or one period', '要评分的考核期：2026-01..2026-11、2026-Q1..2026-Q4，或单个考核期'),
  batchBy: m('one run per team as well', '另按班组各评一次'),
  batchOutDir: m('folder for <period>[-<team>].xlsx and index.json', '<考核期>[-<班组>].xlsx 和 index.json 的输出文件夹'),
  batchJson: m('also write <period>[-<team>].json (the document of kpi score --format json)', '另写出 <考核期>[-<班组>].json（即 kpi score --format json 的内容）'),
  batchHtml: m('also write <period>[-<team>].html and index.html: the trend over the periods', '另写出 <考核期>[-<班组>].html 和 index.html：各考核期的趋势'),
  batchStrict: m('a run with rejected rows or people missing from the roster fails', '有被拒收的行或花名册中缺人的那次评分算作失败'),
  batchQuiet: m('no summary on stderr', '不在标准错误输出打印汇总'),
  calibrateDescription: m('suggest standards from historical results (experience values)', '根据历史结果建议考核标准（经验值）'),
  calibrateHistory: m('ledger files of past periods; globs allowed', '以往考核期的台账文件；可用通配符'),
  calibratePeriods: m('periods to learn from, e.g. 2026-01..2026-10 (default: every period in the files)', '参考的考核期，如 2026-01..2026-10（默认取文件中的全部考核期）'),
  calibrateFrom: m('with --format yaml: the new version is in force from this period (effective: { from })', '配合 --format yaml：新版本自该考核期起生效（effective: { from }）'),
  schemeDescription: m('print the scheme in force as the document HR publishes; --diff: what changed between versions', '打印现行考核方案（即人力资源部发布的考核指标体系与考核标准）；--diff：列出两个版本之间的变化'),
  schemeFiles: m('with --diff: OLD NEW scheme files; otherwise the scheme (like -c)', '配合 --diff：旧、新两个方案文件；否则为考核方案（同 -c）'),
  schemePeriod: m('the version in force for this period (default: the latest version)', '取该考核期适用的版本（默认取最新版本）'),
  schemeRole: m('only this role (id or label)', '只列该岗位（代码或名称）'),
  schemeOut: m('write the document: .md, .xlsx (one A4 sheet per role to sign) or .json; repeatable', '写出文档：.md、.xlsx（每个岗位一张 A4 表，供签字确认）或 .json；可重复'),
  schemeDiff: m('list what changed between two versions (OLD NEW, or every consecutive pair of -c)', '列出两个版本之间的变化（旧 新，或 -c 中每两个相邻版本）'),
  schemeQuiet: m('say nothing about files written', '不提示已写出的文件'),
  initDescription: m('write an example kpi.yaml and a sample ledger.xlsx that score at once', '写出示例 kpi.yaml 和示例台账 ledger.xlsx，可直接评分'),
  initDir: m('folder to write them into', '写入的文件夹'),
  initLocale: m('language of the scheme and ledger', '考核方案和台账的语言'),
  initForce: m('overwrite kpi.yaml and ledger.xlsx if they exist', '若 kpi.yaml 和 ledger.xlsx 已存在则覆盖'),
  internalError: {
    en: (p: { version: string; node: string }) => `kpi: internal error (kpi ${p.version}, node ${p.node}). This is a bug; please report it with the lines below.`,
    zh: (p) => `kpi：内部错误（kpi ${p.version}，node ${p.node}）。这是 kpi 的缺陷，请连同下面几行一起反馈给我们。`,
  },
});
