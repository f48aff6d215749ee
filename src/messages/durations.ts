/**
 * What kpi says about durations and time cells (SPEC §4.6): why a cell cannot be a duration,
 * why a time cell cannot be a date. Rejection reasons: the JSON keeps the English text.
 */
import { defineMessages } from './text.js';

export type DurationUnit = 'seconds' | 'minutes' | 'hours';

const UNIT_ZH: Record<DurationUnit, string> = { seconds: '秒', minutes: '分钟', hours: '小时' };

export const durationText = defineMessages('durations', {
  notADuration: {
    en: (p: { unit: DurationUnit }) => `not a duration (use 0:03:37, 3分37秒, 90s, PT1H5M or a number of ${p.unit})`,
    zh: (p: { unit: DurationUnit }) => `无法识别的时长（可写 0:03:37、3分37秒、90s、PT1H5M，或以${UNIT_ZH[p.unit]}为单位的数字）`,
  },
  negative: {
    en: (_: void) => 'a negative duration',
    zh: (_: void) => '时长为负数',
  },
  badClock: {
    en: (_: void) => 'not a duration: minutes and seconds must be below 60',
    zh: (_: void) => '时长有误：分、秒须小于 60',
  },
  dateNotDuration: {
    en: (_: void) => 'a date, not a duration',
    zh: (_: void) => '这是日期，不是时长',
  },
  yesNoNotDuration: {
    en: (_: void) => 'a yes/no value, not a duration',
    zh: (_: void) => '这是是/否值，不是时长',
  },
  timeOfDay: {
    en: (_: void) => 'a time of day, not a date',
    zh: (_: void) => '这是一天中的时刻，不是日期',
  },
  timeNotYesNo: {
    en: (_: void) => 'a time, not a yes/no value',
    zh: (_: void) => '这是时间，不是是/否值',
  },
});
