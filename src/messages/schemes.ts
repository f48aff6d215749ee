/**
 * The messages of schemes over time (SPEC §12): effective ranges, overlapping and missing
 * versions, the published scheme and its diff — in English and Chinese.
 */
import { defineMessages } from './text.js';

const EXAMPLE: Record<string, string> = { quarter: '2026-Q3', half: '2026-H2', year: '2026' };

export const schemeText = defineMessages('schemes', {
  notAPeriod: {
    en: (p: { key: string; value: string }) => `effective.${p.key}: "${p.value}" is not a period`,
    zh: (p) => `effective.${p.key}："${p.value}" 不是考核期间`,
  },
  periodHint: {
    en: (p: { unit: string }) => `write a month such as 2026-07${p.unit === 'month' ? '' : `, or a ${p.unit} such as ${EXAMPLE[p.unit]}`}`,
    zh: (p) => `写月份，如 2026-07${p.unit === 'month' ? '' : `，或考核周期的期间，如 ${EXAMPLE[p.unit]}`}`,
  },
  wrongUnit: {
    en: (p: { key: string; value: string; unit: string }) => `effective.${p.key}: ${p.value} is neither a month nor a ${p.unit} (the scheme's period)`,
    zh: (p) => `effective.${p.key}：${p.value} 既不是月份，也不是方案考核周期（${p.unit}）的期间`,
  },
  toBeforeFrom: {
    en: (p: { from: string; to: string }) => `effective: to ${p.to} is before from ${p.from}`,
    zh: (p) => `effective：to ${p.to} 早于 from ${p.from}`,
  },
  always: { en: (_: void) => 'always', zh: () => '长期有效' },
  fromOn: { en: (p: { from: string }) => `from ${p.from}`, zh: (p) => `${p.from} 起` },
  upTo: { en: (p: { to: string }) => `up to ${p.to}`, zh: (p) => `至 ${p.to}` },
  range: { en: (p: { from: string; to: string }) => `${p.from} to ${p.to}`, zh: (p) => `${p.from} 至 ${p.to}` },
  overlap: {
    en: (p: { a: string; ra: string; b: string; rb: string }) => `${p.a} (${p.ra}) and ${p.b} (${p.rb}) are both in force for the same periods`,
    zh: (p) => `${p.a}（${p.ra}）与 ${p.b}（${p.rb}）的适用期间重叠`,
  },
  overlapHint: {
    en: (p: { a: string }) => `close the older one: set effective.to in ${p.a} to the month before the newer one starts`,
    zh: (p) => `在 ${p.a} 中设置 effective.to，截止到新版本开始前一个月`,
  },
  twoInForce: {
    en: (p: { period: string; a: string; b: string }) => `${p.period}: two schemes are in force, ${p.a} and ${p.b}`,
    zh: (p) => `${p.period}：有两个方案同时适用，${p.a} 与 ${p.b}`,
  },
  twoInForceHint: {
    en: (_: void) => 'give each version its own effective range (they must not overlap), or score periods that fall under one version',
    zh: () => '给每个版本设置互不重叠的 effective 期间，或按只属于一个版本的期间考核',
  },
  noneInForce: {
    en: (p: { period: string; ranges: string }) => `${p.period}: no scheme is in force (the schemes cover ${p.ranges})`,
    zh: (p) => `${p.period}：没有适用的方案（现有方案适用于 ${p.ranges}）`,
  },
  noneInForceHint: {
    en: (_: void) => 'choose a period the schemes cover with -p, or add a version whose effective range includes it',
    zh: () => '用 -p 选择方案覆盖的期间，或新增一个适用于该期间的版本',
  },
  gap: {
    en: (p: { a: string; b: string; gap: string }) => `no scheme is in force for ${p.gap}, between ${p.a} and ${p.b}`,
    zh: (p) => `${p.a} 与 ${p.b} 之间的 ${p.gap} 没有适用的方案`,
  },
  noConfigMatch: {
    en: (p: { arg: string }) => `-c ${p.arg}: no scheme file matches`,
    zh: (p) => `-c ${p.arg}：没有匹配的方案文件`,
  },
  noConfigMatchHint: {
    en: (_: void) => 'give a .yaml file, a folder of .yaml/.yml files, or a pattern such as schemes/*.yaml',
    zh: () => '请给出 .yaml 文件、含 .yaml/.yml 文件的文件夹，或 schemes/*.yaml 这样的模式',
  },
  closePrevious: {
    en: (p: { file: string; to: string }) => `kpi: to put this version in force, close the one before it: set "effective: { …, to: ${p.to} }" in ${p.file}`,
    zh: (p) => `kpi：新版本生效前，请关闭上一版本：在 ${p.file} 中设置 "effective: { …, to: ${p.to} }"`,
  },
  calibrateFromBadPeriod: {
    en: (p: { value: string }) => `--from ${p.value} is not a period`,
    zh: (p) => `--from ${p.value} 不是考核期间`,
  },
  calibrateFromNeedsYaml: {
    en: (_: void) => '--from writes the next version of the scheme: it goes with --format yaml',
    zh: () => '--from 用于生成下一版方案，须与 --format yaml 一起使用',
  },
  comparedUnder: {
    en: (p: { period: string; file: string; current: string }) => `kpi: note: ${p.period} was scored under ${p.file}, not ${p.current}: the schemes differ, so the changes are not like for like`,
    zh: (p) => `kpi：注意：${p.period} 按 ${p.file} 考核，而非 ${p.current}；两期方案不同，变化不完全可比`,
  },
  diffNeedsTwo: {
    en: (_: void) => 'kpi scheme --diff needs two scheme files (OLD NEW), or -c with two or more versions',
    zh: () => 'kpi scheme --diff 需要两个方案文件（旧 新），或用 -c 给出两个以上的版本',
  },
  diffHint: {
    en: (_: void) => 'e.g. kpi scheme --diff schemes/2026-H1.yaml schemes/2026-H2.yaml, or kpi scheme --diff -c schemes/',
    zh: () => '例如 kpi scheme --diff schemes/2026-H1.yaml schemes/2026-H2.yaml，或 kpi scheme --diff -c schemes/',
  },
  unknownRole: {
    en: (p: { role: string; roles: string }) => `--role ${p.role}: the scheme has no such role (roles: ${p.roles})`,
    zh: (p) => `--role ${p.role}：方案中没有这个岗位（现有：${p.roles}）`,
  },
  schemeFormat: {
    en: (p: { format: string }) => `--format ${p.format} is not a format of kpi scheme`,
    zh: (p) => `--format ${p.format} 不是 kpi scheme 支持的格式`,
  },
  schemeFormatHint: {
    en: (_: void) => 'use --format text, markdown or json; write a document with -o scheme.md or -o scheme.xlsx',
    zh: () => '请用 --format text、markdown 或 json；用 -o scheme.md 或 -o scheme.xlsx 写成文件',
  },
  schemeOut: {
    en: (p: { file: string }) => `-o ${p.file}: kpi scheme writes .md, .xlsx or .json`,
    zh: (p) => `-o ${p.file}：kpi scheme 可写 .md、.xlsx 或 .json 文件`,
  },
  wrote: { en: (p: { file: string }) => `kpi: wrote ${p.file}`, zh: (p) => `kpi：已写入 ${p.file}` },
});
