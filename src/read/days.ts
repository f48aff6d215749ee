/**
 * Calendar arithmetic for DayNumbers (days since 1970-01-01, fraction = time of day):
 * pure integer arithmetic, so the process time zone never shifts a date (DOMAIN §4.4 —
 * the SheetJS/Asia-Shanghai off-by-one-day bug is what this avoids). Excel serials, both
 * date systems, and the text form every output uses.
 */
import type { DayNumber } from '../core/types.js';

const MS_PER_DAY = 86_400_000;
/** Excel serial (1900 system) of 1970-01-01. */
const SERIAL_1970 = 25_569;
/** 1904-system serials are this many days behind 1900-system ones. */
const DAYS_1904 = 1_462;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil):
 *  pure integer arithmetic, unlike Date.UTC which maps years 0–99 to 1900–1999. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of daysFromCivil. */
function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719_468;
  const era = Math.floor(zz / 146_097);
  const doe = zz - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Whole day + time of day, with the time rounded to the millisecond. Every path
 *  (text, serial) builds DayNumbers this same way, so `2026-11-05 14:30` typed as text
 *  and the same moment read from an xlsx serial compare equal. */
function withTime(day: number, ms: number): DayNumber {
  const t = Math.round(ms);
  const carry = Math.floor(t / MS_PER_DAY); // a time that rounds to 24:00 is the next day
  const rest = t - carry * MS_PER_DAY;
  return rest === 0 ? day + carry : day + carry + rest / MS_PER_DAY;
}

/** DayNumber of a calendar date and time. Does not validate: day 31 of February or
 *  month 13 roll over arithmetically; parseDateCell validates before calling this. */
export function dayNumberFromYmd(y: number, m: number, d: number, hh = 0, mi = 0, ss = 0): DayNumber {
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return withTime(daysFromCivil(yy, mm, 1) + d - 1, ((hh * 60 + mi) * 60 + ss) * 1000);
}

export const daysInMonth = (y: number, m: number): number =>
  daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);

/**
 * Excel serial → DayNumber. 1900 system: serial 25569 = 1970-01-01, 46331 = 2026-11-05.
 * Excel pretends 1900 was a leap year (serial 60 = 1900-02-29, which never existed), so
 * serials below 61 are shifted one day to give real dates (1 = 1900-01-01, 59 = 1900-02-28)
 * and the fictitious serial 60 is read as 1900-03-01, the same day as 61. The 1904
 * system (old Mac workbooks) has no such bug: serial 0 = 1904-01-01.
 */
export function excelSerialToDayNumber(serial: number, date1904 = false): DayNumber {
  const s = date1904 ? serial + DAYS_1904 : serial;
  const shifted = !date1904 && s < 61 ? s + 1 : s;
  const whole = Math.floor(shifted);
  return withTime(whole - SERIAL_1970, (shifted - whole) * MS_PER_DAY);
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-11-05`, plus ` 14:30` or ` 14:30:15` when there is a time of day (to the second). */
export function formatDayNumber(day: DayNumber): string {
  let whole = Math.floor(day);
  let secs = Math.round((day - whole) * 86_400);
  if (secs >= 86_400) { whole += 1; secs = 0; }
  const [y, m, d] = civilFromDays(whole);
  const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (secs === 0) return date;
  const hm = `${date} ${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}`;
  return secs % 60 === 0 ? hm : `${hm}:${pad(secs % 60)}`;
}
