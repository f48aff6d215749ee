/**
 * Durations (SPEC §4.6): the talk time, wait time and repair time that telephony, ticket
 * and CRM exports carry, in every spelling they use — `0:03:37`, `3分37秒`, `2h 30m`,
 * `PT1H5M`, an xlsx time cell — read as a number in the field's unit (seconds, minutes or
 * hours). Pure functions, no IO; like the other cell parsers, a cell gives its value, null
 * when empty, or an Unreadable saying why.
 */
import { durationText, type DurationUnit } from '../messages/durations.js';
import { normalizeCellText, readNumber, Unreadable, type Read } from './cells.js';

export type { DurationUnit } from '../messages/durations.js';
/** How a two-part `a:b` reads: hours and minutes (as Excel reads a typed `3:37`), or
 *  minutes and seconds (`duration_format: mm:ss`). */
export type DurationFormat = 'h:mm' | 'mm:ss';

const SECONDS_PER: Record<DurationUnit, number> = { seconds: 1, minutes: 60, hours: 3600 };
const NEGATIVE = new Unreadable(durationText.negative());
const BAD_CLOCK = new Unreadable(durationText.badClock());
const NOT_A_DURATION: Record<DurationUnit, Unreadable> = {
  seconds: new Unreadable(durationText.notADuration({ unit: 'seconds' })),
  minutes: new Unreadable(durationText.notADuration({ unit: 'minutes' })),
  hours: new Unreadable(durationText.notADuration({ unit: 'hours' })),
};

/**
 * Seconds in the field's unit. The seconds are first rounded to the microsecond: a time
 * cell holds a fraction of a day, often written with 15 significant digits, and
 * 0.00251157407407407 × 86,400 is 216.99999999999966 in binary arithmetic where the cell
 * says 0:03:37; no export measures finer than a microsecond, and a half second (217.5)
 * stays a half second.
 */
export function secondsInUnit(seconds: number, unit: DurationUnit): number {
  const s = Math.round(seconds * 1e6) / 1e6;
  return unit === 'seconds' ? s : s / SECONDS_PER[unit];
}

/** A time or duration cell's number (a fraction of a day) in the field's unit. */
export function durationFromDays(days: number, unit: DurationUnit): Read<number> {
  if (days < 0) return NEGATIVE;
  return secondsInUnit(days * 86_400, unit);
}

const NUM = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const CLOCK3_RE = new RegExp(String.raw`^(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$`);
const CLOCK2_RE = new RegExp(String.raw`^(\d+):(\d{1,2})(\.\d+)?$`);
const ISO_RE = new RegExp(String.raw`^P(?:${NUM}W)?(?:${NUM}D)?(?:T(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?$`, 'i');
// One `number unit` part of `2天3小时`, `1小时5分`, `2h 30m`, `45min`, `1.5 hours`.
// Longer spellings come first in each alternation, so `min` is not read as `m` + `in`.
const PART_RE = new RegExp(String.raw`[\s,，、]*${NUM}\s*(天|日|个?小时|个?钟头|时|分钟|分|秒钟|秒|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])`, 'iy');
const UNIT_SECONDS: Record<string, number> = {
  天: 86_400, 日: 86_400, 小时: 3600, 个小时: 3600, 钟头: 3600, 个钟头: 3600, 时: 3600, 分钟: 60, 分: 60, 秒钟: 1, 秒: 1,
  day: 86_400, days: 86_400, d: 86_400, hour: 3600, hours: 3600, hr: 3600, hrs: 3600, h: 3600,
  minute: 60, minutes: 60, min: 60, mins: 60, m: 60, second: 1, seconds: 1, sec: 1, secs: 1, s: 1,
};

const TRAILING_RE = /^\s*(\d+)$/;

/** Seconds written as `number unit` parts (each unit once), or undefined. A bare number
 *  after hours is minutes, after minutes seconds, as people write `3分37` and `1h30`. */
function unitParts(s: string): number | undefined {
  PART_RE.lastIndex = 0;
  let total = 0;
  let last = 0;
  const seen = new Set<number>();
  while (PART_RE.lastIndex < s.length) {
    const at = PART_RE.lastIndex;
    const m = PART_RE.exec(s);
    if (!m) {
      const rest = TRAILING_RE.exec(s.slice(at));
      const next = last / 60;
      if (!rest || (last !== 3600 && last !== 60) || seen.has(next)) return undefined;
      return total + Number(rest[1]) * next;
    }
    const per = UNIT_SECONDS[m[2].toLowerCase()];
    last = per;
    if (seen.has(per)) return undefined; // `3分5分` is a typo, not 8 minutes
    seen.add(per);
    total += Number(m[1]) * per;
  }
  return seen.size > 0 ? total : undefined;
}

/** Seconds of an ISO 8601 duration (`PT1H5M`, `P1DT2H`, `PT30.5S`), or undefined. */
function isoDuration(s: string): number | undefined {
  const m = ISO_RE.exec(s);
  if (!m || /^P(T)?$/i.test(s) || /T$/i.test(s)) return undefined;
  const [w, d, h, mi, sec] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  return (((w * 7 + d) * 24 + h) * 60 + mi) * 60 + sec;
}

/** Seconds of a clock form `h:mm:ss(.f)` or `a:b`, undefined when it is none, or BAD_CLOCK. */
function clock(s: string, format: DurationFormat): number | Unreadable | undefined {
  let m = CLOCK3_RE.exec(s);
  if (m) {
    const [h, mi, sec] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mi < 60 && sec < 60 ? h * 3600 + mi * 60 + sec : BAD_CLOCK;
  }
  m = CLOCK2_RE.exec(s);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2] + (m[3] ?? ''))];
  if (b >= 60) return BAD_CLOCK;
  // A fraction (`3:37.5`) can only be seconds: Excel reads it as m:ss.0 too.
  return format === 'mm:ss' || m[3] !== undefined ? a * 60 + b : a * 3600 + b * 60;
}

/**
 * A duration cell's text in the field's unit. A plain number is already in the unit; every
 * other form is read as seconds first. Negative values and anything else are refused.
 */
export function readDuration(text: string, unit: DurationUnit, format: DurationFormat = 'h:mm'): Read<number> {
  const number = readNumber(text);
  if (typeof number === 'number') {
    if (number < 0) return NEGATIVE;
    return /%\s*$/.test(text) ? NOT_A_DURATION[unit] : number;
  }
  if (number === null) return null;
  let s = normalizeCellText(text);
  let negative = false;
  if (s[0] === '-' || s[0] === '\u2212') {
    negative = true;
    s = s.slice(1).trim();
  }
  const seconds = clock(s, format) ?? isoDuration(s) ?? unitParts(s);
  if (seconds === undefined) return NOT_A_DURATION[unit];
  if (seconds instanceof Unreadable) return seconds;
  if (negative && seconds > 0) return NEGATIVE;
  return secondsInUnit(seconds, unit);
}
