/**
 * Duration cells (SPEC §4.6), one spelling at a time: the seconds each means (hand-checked),
 * in each unit; refusals with their reasons; and a time cell's fraction of a day taken
 * exactly (0.00251157407407407 days is 217 s, not 216.99999999999997).
 */
import { describe, expect, it } from 'vitest';
import { Unreadable } from '../../src/read/cells.js';
import { durationFromDays, readDuration } from '../../src/read/durations.js';

const reason = (read: unknown) => (read instanceof Unreadable ? read.reason : read);

describe('readDuration', () => {
  it.each([
    ['0:03:37', 217], ['1:02:03', 3723], ['01:02:03.5', 3723.5], ['26:30:00', 95_400], ['3:37', 13_020], ['3:37.5', 217.5],
    ['1小时5分', 3900], ['1小时5分钟30秒', 3930], ['3分37秒', 217], ['3分37', 217], ['37秒', 37], ['2天3小时', 183_600], ['90分钟', 5400],
    ['1个小时', 3600], ['3 分 37 秒', 217], ['３分３７秒', 217], ['0：03：37', 217],
    ['2h 30m', 9000], ['2h30m', 9000], ['45min', 2700], ['90s', 90], ['1.5h', 5400], ['1h30', 5400], ['2 hours 30 minutes', 9000], ['1 day 2 hrs', 93_600], ['10 sec', 10],
    ['PT1H5M', 3900], ['PT30.5S', 30.5], ['P1DT2H', 93_600], ['pt5m', 300],
    ['217', 217], [' 217 ', 217], ['0', 0], ['1,200', 1200], ['-0', 0],
  ])('%s → %s s', (text, seconds) => {
    expect(readDuration(text, 'seconds')).toBe(seconds);
    expect(readDuration(text, 'minutes')).toBe(/^\D*[\d,.]+\s*$/.test(text) ? seconds : seconds / 60);
  });

  it('a plain number is already in the unit; every other form is converted', () => {
    expect(readDuration('1.5', 'hours')).toBe(1.5);
    expect(readDuration('1.5h', 'hours')).toBe(1.5);
    expect(readDuration('90分钟', 'hours')).toBe(1.5);
    expect(readDuration('PT1H5M', 'hours')).toBe(3900 / 3600);
  });

  it('two parts are mm:ss when the source says so', () => {
    expect(readDuration('3:37', 'seconds', 'mm:ss')).toBe(217);
    expect(readDuration('75:30', 'seconds', 'mm:ss')).toBe(4530);
    expect(readDuration('1:02:03', 'seconds', 'mm:ss')).toBe(3723);
  });

  it.each([
    ['-0:01:00', 'a negative duration'],
    ['-5', 'a negative duration'],
    ['−3分', 'a negative duration'],
    ['0:75:00', 'not a duration: minutes and seconds must be below 60'],
    ['3:60', 'not a duration: minutes and seconds must be below 60'],
    ['soon', 'not a duration (use 0:03:37, 3分37秒, 90s, PT1H5M or a number of seconds)'],
    ['95%', 'not a duration (use 0:03:37, 3分37秒, 90s, PT1H5M or a number of seconds)'],
    ['3分5分', 'not a duration (use 0:03:37, 3分37秒, 90s, PT1H5M or a number of seconds)'],
    ['5ms', 'not a duration (use 0:03:37, 3分37秒, 90s, PT1H5M or a number of seconds)'],
    ['PT', 'not a duration (use 0:03:37, 3分37秒, 90s, PT1H5M or a number of seconds)'],
    ['P1Y', 'not a duration (use 0:03:37, 3分37秒, 90s, PT1H5M or a number of seconds)'],
  ])('%s is refused: %s', (text, why) => {
    expect(reason(readDuration(text, 'seconds'))).toBe(why);
  });

  it('empty is no value, and the reasons exist in Chinese too', () => {
    expect(readDuration('', 'seconds')).toBeNull();
    expect(readDuration('  ', 'seconds')).toBeNull();
    expect((readDuration('soon', 'minutes') as Unreadable).text?.zh).toBe('无法识别的时长（可写 0:03:37、3分37秒、90s、PT1H5M，或以分钟为单位的数字）');
  });
});

describe('durationFromDays (a time cell)', () => {
  it('takes the fraction of a day to the microsecond, keeping fractions of a second', () => {
    // Excel writes 15 significant digits at times: the product then misses by a hair.
    expect(0.00251157407407407 * 86_400).not.toBe(217);
    expect(durationFromDays(0.00251157407407407, 'seconds')).toBe(217);
    expect(durationFromDays(0.0025115740740740741, 'seconds')).toBe(217);
    expect(durationFromDays(0.0025115740740740741, 'minutes')).toBe(217 / 60);
    expect(durationFromDays(217.5 / 86_400, 'seconds')).toBe(217.5);
    expect(durationFromDays(1.1041666666666667, 'hours')).toBe(26.5);
    expect(durationFromDays(0, 'seconds')).toBe(0);
    expect(reason(durationFromDays(-0.01, 'seconds'))).toBe('a negative duration');
  });
});
