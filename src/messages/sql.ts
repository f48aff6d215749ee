/**
 * The texts of database sources (SPEC §14): the config's rules about `sql:`, connecting,
 * the query, and the rows a database rejects, counted per reason.
 */
import { defineMessages } from './text.js';

export const sqlText = defineMessages('sql', {
  passwordInConfig: {
    en: (p: { source: string }) => `source "${p.source}": the database URL holds a password, which kpi.yaml must not`,
    zh: (p) => `数据源 "${p.source}"：数据库地址里写了密码，kpi.yaml 中不能出现密码`,
  },
  passwordHint: {
    en: (_: void) => 'write url: env:KPI_DB_URL and set that environment variable, or keep the password in ~/.pgpass (PGPASSFILE)',
    zh: () => '改写为 url: env:KPI_DB_URL 并设置该环境变量，或把密码放在 ~/.pgpass（PGPASSFILE）中',
  },
  badUrl: {
    en: (p: { source: string }) => `source "${p.source}": the url must be env:NAME, postgres://…, duckdb: or duckdb:path.db`,
    zh: (p) => `数据源 "${p.source}"：url 须为 env:变量名、postgres://…、duckdb: 或 duckdb:文件.db`,
  },
  tableOrQuery: {
    en: (p: { source: string }) => `source "${p.source}": sql needs either table or query (one of them)`,
    zh: (p) => `数据源 "${p.source}"：sql 需要 table 或 query 二者之一`,
  },
  notForSql: {
    en: (p: { source: string; key: string }) => `source "${p.source}": ${p.key} applies to ledger files, not to a database source`,
    zh: (p) => `数据源 "${p.source}"：${p.key} 只用于台账文件，数据库数据源不用`,
  },
  rosterFromFile: {
    en: (_: void) => 'the roster is read from a file (a worksheet or CSV), not from a database',
    zh: () => '人员名单须从文件（工作表或 CSV）读取，不能来自数据库',
  },
  notCompilable: {
    en: (p: { source: string; why: string }) => `source "${p.source}" is a database source, and this cannot be computed in the database: ${p.why}`,
    zh: (p) => `数据源 "${p.source}" 来自数据库，此处无法在数据库中计算：${p.why}`,
  },
  envMissing: {
    en: (p: { source: string; name: string }) => `source "${p.source}": the environment variable ${p.name} (its database URL) is not set`,
    zh: (p) => `数据源 "${p.source}"：未设置环境变量 ${p.name}（数据库地址）`,
  },
  envHint: {
    en: (p: { name: string }) => `e.g. export ${p.name}=postgres://kpi_reader@db.example.com/tickets`,
    zh: (p) => `例如 export ${p.name}=postgres://kpi_reader@db.example.com/tickets`,
  },
  connectFailed: {
    en: (p: { source: string; host: string; reason: string }) => `source "${p.source}": cannot connect to the database at ${p.host}: ${p.reason}`,
    zh: (p) => `数据源 "${p.source}"：无法连接 ${p.host} 上的数据库：${p.reason}`,
  },
  connectHint: {
    en: (_: void) => 'check the host, the port, the user and that the server is running; the password comes from the URL in the environment or ~/.pgpass',
    zh: () => '请检查主机、端口、用户名以及服务器是否在运行；密码来自环境变量中的地址或 ~/.pgpass',
  },
  queryFailed: {
    en: (p: { source: string; reason: string }) => `source "${p.source}": the database refused the query: ${p.reason}`,
    zh: (p) => `数据源 "${p.source}"：数据库拒绝执行查询：${p.reason}`,
  },
  queryHint: {
    en: (_: void) => 'kpi validate --show-sql prints the SQL kpi sends',
    zh: () => '用 kpi validate --show-sql 可查看 kpi 发送的 SQL',
  },
  timeout: {
    en: (p: { source: string; seconds: number }) => `source "${p.source}": the query ran longer than ${p.seconds} s and was stopped`,
    zh: (p) => `数据源 "${p.source}"：查询超过 ${p.seconds} 秒，已中止`,
  },
  timeoutHint: {
    en: (p: { seconds: number }) => `if the database is just slow, raise the limit with --limit query-seconds=${p.seconds * 4}`,
    zh: (p) => `如果只是数据库较慢，可用 --limit query-seconds=${p.seconds * 4} 放宽限制`,
  },
  missingColumn: {
    en: (p: { source: string; field: string; wanted: string; seen: string }) => `source "${p.source}": the database has no column ${p.wanted} for the field "${p.field}" (columns: ${p.seen})`,
    zh: (p) => `数据源 "${p.source}"：数据库中没有字段 "${p.field}" 对应的列 ${p.wanted}（现有列：${p.seen}）`,
  },
  missingColumnHint: {
    en: (_: void) => 'correct columns: in kpi.yaml, or select the column in the query',
    zh: () => '请修改 kpi.yaml 中的 columns，或在 query 中选出该列',
  },
  noDuckdb: {
    en: (p: { source: string }) => `source "${p.source}" uses DuckDB, which is not installed with this kpi`,
    zh: (p) => `数据源 "${p.source}" 使用 DuckDB，但本机的 kpi 未安装 DuckDB`,
  },
  noDuckdbHint: {
    en: (_: void) => 'npm install @duckdb/node-api (it has prebuilt binaries for Linux, macOS and Windows on x64 and arm64)',
    zh: () => '请运行 npm install @duckdb/node-api（提供 x64 与 arm64 的 Linux、macOS、Windows 预编译版本）',
  },
  noLedgersNoSql: {
    en: (_: void) => 'no ledger files given, and no source of the config reads a database',
    zh: () => '没有给出台账文件，配置中也没有从数据库读取的数据源',
  },
  rejectedInDatabase: {
    en: (p: { rows: number; source: string }) => `${p.rows} row${p.rows > 1 ? 's' : ''} of source "${p.source}" rejected in the database (counted per reason: a database has no row numbers)`,
    zh: (p) => `数据源 "${p.source}" 有 ${p.rows} 行在数据库中被拒收（按原因计数：数据库没有行号）`,
  },
  // Reasons of rows a database counted (it has no row numbers to point at, SPEC §14):
  // short, as the JSON `reason` of a counted rejection has always been.
  countedNotADate: { en: () => 'not a date', zh: () => '不是日期' },
  countedNotYesNo: { en: () => 'not a yes/no value', zh: () => '不是“是/否”值' },
  countedNotDuration: { en: () => 'not a duration', zh: () => '不是时长' },
});
