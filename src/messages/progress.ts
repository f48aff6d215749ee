/**
 * The words of the period in progress (SPEC §11, `kpi score --as-of`): its errors, the note
 * about a period that has not ended, the console title and the behind-pace list, in
 * English and Chinese. The terminal's language picks one.
 */
import { defineMessages } from './text.js';

export const progressText = defineMessages('progress', {
  asOfNotADate: {
    en: (p: { value: string }) => `--as-of ${p.value} is not a date`,
    zh: (p) => `--as-of ${p.value} 不是日期`,
  },
  asOfNotADateHint: {
    en: (_: void) => 'use YYYY-MM-DD (e.g. 2026-12-09) or today',
    zh: () => '请写成 YYYY-MM-DD（如 2026-12-09），或 today',
  },
  todayNotADate: {
    en: (p: { value: string }) => `KPI_TODAY=${p.value} is not a date`,
    zh: (p) => `KPI_TODAY=${p.value} 不是日期`,
  },
  todayNotADateHint: {
    en: (_: void) => "KPI_TODAY (for tests) takes YYYY-MM-DD; unset it to use the computer's date",
    zh: () => 'KPI_TODAY（供测试用）请写成 YYYY-MM-DD；删除它即按电脑日期',
  },
  asOfOutsidePeriod: {
    en: (p: { asOf: string; period: string }) => `--as-of ${p.asOf} is not in --period ${p.period}`,
    zh: (p) => `--as-of ${p.asOf} 不在 --period ${p.period} 之内`,
  },
  asOfOutsidePeriodHint: {
    en: (p: { period: string }) => `choose a date in ${p.period}, or leave out -p to score the period that contains the date`,
    zh: (p) => `请选 ${p.period} 之内的日期，或去掉 -p，按该日期所在的考核期间计分`,
  },
  noWorkdayElapsed: {
    en: (p: { asOf: string; period: string }) => `no working day of ${p.period} has passed by ${p.asOf}: there is nothing to project from`,
    zh: (p) => `截至 ${p.asOf}，${p.period} 还没有一个工作日过去，无从推算`,
  },
  noWorkdayElapsedHint: {
    en: (_: void) => 'choose --as-of on or after the first working day of the period (weekends and calendar.holidays do not count)',
    zh: () => '请把 --as-of 设在本期第一个工作日当天或之后（周末和 calendar.holidays 不算工作日）',
  },
  batchAsOf: {
    en: (_: void) => 'kpi batch takes no --as-of: it scores closed periods',
    zh: () => 'kpi batch 不接受 --as-of：它只给已结束的考核期间计分',
  },
  batchAsOfHint: {
    en: (_: void) => 'score the period in progress with kpi score <ledgers> --as-of DATE',
    zh: () => '进行中的期间请用 kpi score <台账> --as-of 日期',
  },
  notEnded: {
    en: (p: { period: string; today: string }) => `${p.period} has not ended (today is ${p.today}): these scores are to date; --as-of today projects them to the period's end`,
    zh: (p) => `${p.period} 尚未结束（今天是 ${p.today}）：这些分数只统计到目前；加 --as-of today 可按进度推算到期末`,
  },
  title: {
    en: (p: { period: string; asOf: string; elapsed: number; total: number }) => `${p.period} in progress — as of ${p.asOf}, ${p.elapsed} of ${p.total} working days`,
    zh: (p) => `${p.period} 进行中 — 截至 ${p.asOf}，已过 ${p.elapsed} / ${p.total} 个工作日`,
  },
  behindHead: {
    en: (p: { n: number }) => `Behind pace (${p.n}):`,
    zh: (p) => `进度落后（${p.n} 项）：`,
  },
  behindNone: {
    en: (_: void) => 'Behind pace: none',
    zh: () => '进度落后：无',
  },
  behindLine: {
    en: (p: { who: string; indicator: string; toDate: string; expected: string; target: string }) =>
      `${p.who} · ${p.indicator}: ${p.toDate} to date, ${p.expected} expected by now, period target ${p.target}`,
    zh: (p) => `${p.who} · ${p.indicator}：截至目前 ${p.toDate}，按进度应达 ${p.expected}，本期目标 ${p.target}`,
  },
  toDate: { en: (_: void) => 'To date', zh: () => '截至目前' },
  projected: { en: (_: void) => 'Projected', zh: () => '期末推算' },
  expected: { en: (_: void) => 'Expected by now', zh: () => '按进度应达' },
  behindLegend: {
    en: (_: void) => '! behind pace: the value so far is on the wrong side of what is expected by now',
    zh: () => '! 进度落后：截至目前的值落后于按进度应达的值',
  },
});
