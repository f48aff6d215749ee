/**
 * What the terminal reports say around the data: the rejected-rows summary after the
 * ranking, the row count that reconciles every row, and `kpi validate`'s text output.
 */
import { defineMessages } from './text.js';

export const renderText = defineMessages('render', {
  place: {
    en: (p: { file: string; sheet: string; row: number; column: string }) => `${p.file}${p.sheet ? ` [${p.sheet}]` : ''} row ${p.row}${p.column ? `, column ${p.column}` : ''}`,
    zh: (p) => `${p.file}${p.sheet ? ` [${p.sheet}]` : ''} 第 ${p.row} 行${p.column ? `，列「${p.column}」` : ''}`,
  },
  placeCounted: {
    en: (p: { file: string; column: string; rows: number }) => `${p.file}${p.column ? `, column ${p.column}` : ''}: ${p.rows} row${p.rows > 1 ? 's' : ''}`,
    zh: (p) => `${p.file}${p.column ? `，列「${p.column}」` : ''}：${p.rows} 行`,
  },
  rowsRejected: {
    en: (p: { label: string; count: number }) => `kpi: ${p.label}: ${p.count} row${p.count > 1 ? 's' : ''} rejected (they count in no metric):`,
    zh: (p) => `kpi：${p.label}：拒收 ${p.count} 行（不计入任何指标）：`,
  },
  andMore: {
    en: (p: { count: number }) => `… and ${p.count} more (all of them are in --format json and the workbook's Issues sheet)`,
    zh: (p) => `……另有 ${p.count} 行（全部列在 --format json 的输出和工作簿的“问题”表中）`,
  },
  warningLine: { en: (p: { label: string; message: string }) => `kpi: ${p.label}: ${p.message}`, zh: (p) => `kpi：${p.label}：${p.message}` },
  rowsRead: {
    en: (p: { rows: number; outside: number; rejected: number }) => `kpi: ${p.rows} rows read, ${p.outside} outside the period, ${p.rejected} rejected`,
    zh: (p) => `kpi：读取 ${p.rows} 行，考核期外 ${p.outside} 行，拒收 ${p.rejected} 行`,
  },
  rowsAccounted: {
    en: (p: { read: number; used: number; rejected: number; outside: number; blank: number }) => `kpi: ${p.read} rows read: ${p.used} used, ${p.rejected} rejected, ${p.outside} outside the period, ${p.blank} blank`,
    zh: (p) => `kpi：读取 ${p.read} 行：采用 ${p.used} 行，拒收 ${p.rejected} 行，考核期外 ${p.outside} 行，空行 ${p.blank} 行`,
  },
  // kpi validate
  ok: { en: () => 'OK', zh: () => '通过' },
  versionInvalid: { en: () => 'invalid', zh: () => '有误' },
  versionRange: {
    en: (p: { from: string; to: string }) => (p.from && p.to ? `${p.from} to ${p.to}` : p.from ? `from ${p.from}` : p.to ? `up to ${p.to}` : 'always'),
    zh: (p) => (p.from && p.to ? `${p.from} 至 ${p.to}` : p.from ? `自 ${p.from} 起` : p.to ? `至 ${p.to} 止` : '长期有效'),
  },
  versionsOk: { en: (p: { count: number }) => `${p.count} versions: `, zh: (p) => `${p.count} 个版本：` },
  schemeCounts: {
    en: (p: { sources: number; metrics: number; dimensions: number; roles: number }) =>
      `${p.sources} source${p.sources === 1 ? '' : 's'}, ${p.metrics} metric${p.metrics === 1 ? '' : 's'}, ${p.dimensions} dimension${p.dimensions === 1 ? '' : 's'}, ${p.roles} role${p.roles === 1 ? '' : 's'}`,
    zh: (p) => `${p.sources} 个数据源，${p.metrics} 个指标，${p.dimensions} 个考核维度，${p.roles} 个岗位`,
  },
  problems: { en: (p: { count: number }) => `${p.count} problem${p.count === 1 ? '' : 's'}`, zh: (p) => `${p.count} 处问题` },
  ledgers: { en: () => 'ledgers:', zh: () => '台账：' },
  sourceRows: { en: (p: { rows: string }) => `${p.rows} rows`, zh: (p) => `${p.rows} 行` },
  people: { en: (p: { count: number; outside: string }) => `people: ${p.count}${p.outside}`, zh: (p) => `人员：${p.count}${p.outside}` },
  notInRoster: { en: (p: { count: number; names: string }) => ` (${p.count} not in the roster: ${p.names})`, zh: (p) => `（${p.count} 人不在花名册中：${p.names}）` },
  rejectedRows: { en: () => 'rejected rows', zh: () => '拒收行' },
  wouldCountInNoMetric: { en: (p: { count: number }) => `${p.count} (they would count in no metric)`, zh: (p) => `${p.count}（这些行不会计入任何指标）` },
  noRejectedRows: { en: () => 'rejected rows: 0', zh: () => '拒收行：0' },
  andMoreJson: { en: (p: { count: number }) => `… and ${p.count} more (--format json lists them all)`, zh: (p) => `……另有 ${p.count} 行（--format json 会全部列出）` },
  wouldScore: {
    en: (p: { period: string; unit: string }) => `kpi score would score ${p.period} (the ${p.unit} of the latest row date) unless -p says otherwise`,
    zh: (p) => `kpi score 将为 ${p.period} 评分（台账中最新日期所在的${p.unit}），可用 -p 另行指定`,
  },
  notValid: { en: () => 'not valid', zh: () => '未通过' },
  // The period units as said in a sentence: "the month of the latest row date".
  month: { en: () => 'month', zh: () => '月' },
  quarter: { en: () => 'quarter', zh: () => '季度' },
  half: { en: () => 'half', zh: () => '半年' },
  year: { en: () => 'year', zh: () => '年' },
});
