import { flags, HebrewCalendar } from '@hebcal/core';

/**
 * Gloop's working-days sums, as its documented examples compute them: the days skipped are
 * counted in the first span only (14 working days from 31/08/2021 with a Friday-Saturday weekend
 * is 22/09/2021: 4 holidays and 4 weekend days in 01/09-14/09, though 15-16/09 are Yom Kippur).
 * Israel's holidays come from @hebcal/core: festivals, their eves and the fasts, as Gloop lists them.
 */
const DAY_MS = 86_400_000;
const COUNTED = flags.CHAG | flags.EREV | flags.MAJOR_FAST | flags.MINOR_FAST;
const DAY_NAMES = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

export interface Holiday {
  name: string;
  date: string;
  description: string;
}

export interface Span {
  holidays: Holiday[];
  weekends: { the_dated: string; day_name: string; the_day: string }[];
}

/** Gloop's weekend: day numbers, 1 for Sunday to 7 for Saturday, joined by commas. */
export function weekendDays(text: string): Set<number> | undefined {
  if (!/^[1-7](,[1-7])*$/.test(text)) return undefined;
  return new Set(text.split(',').map(Number));
}

const isoDay = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The weekend days and holidays from the day after `from` to `to`, both UTC midnights; a holiday on a weekend counts as weekend. */
export function skippedIn(from: number, to: number, weekend: Set<number>, withHolidays: boolean): Span {
  const span: Span = { holidays: [], weekends: [] };
  if (to <= from) return span;
  const holidays = new Map<number, Holiday>();
  if (withHolidays) {
    const start = new Date(from + DAY_MS);
    const end = new Date(to);
    const events = HebrewCalendar.calendar({ start: new Date(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()), end: new Date(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate()), il: true });
    for (const event of events) {
      if ((event.getFlags() & COUNTED) === 0) continue;
      const day = event.getDate().greg();
      const time = Date.UTC(day.getFullYear(), day.getMonth(), day.getDate());
      if (!holidays.has(time)) holidays.set(time, { name: event.render('en'), date: isoDay(time), description: event.getDesc() });
    }
  }
  for (let time = from + DAY_MS; time <= to; time += DAY_MS) {
    const weekday = new Date(time).getUTCDay();
    if (weekend.has(weekday + 1)) span.weekends.push({ the_dated: isoDay(time), day_name: DAY_NAMES[weekday], the_day: String(weekday + 1) });
    else if (holidays.has(time)) span.holidays.push(holidays.get(time)!);
  }
  // Newest first, as the vendor lists them.
  span.holidays.reverse();
  return span;
}

const TOKENS = /YYYY|HH12|HH24|YY|MM|DD|MI|SS|D/g;

/** A date in one of Gloop's format strings (YYYY YY MM DD D HH12 HH24 MI SS), as UTC midnight of its day; undefined when it does not fit. */
export function parseDate(text: string, format: string): number | undefined {
  const parts: string[] = [];
  const pattern = format.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(TOKENS, (token) => {
    parts.push(token);
    return token === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})';
  });
  const match = new RegExp(`^${pattern}$`).exec(text);
  if (!match) return undefined;
  const value = (token: string) => {
    const at = parts.indexOf(token);
    return at < 0 ? undefined : Number(match[at + 1]);
  };
  const year = value('YYYY') ?? (value('YY') === undefined ? undefined : 2000 + value('YY')!);
  const month = value('MM');
  const day = value('DD');
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const time = Date.UTC(year, month - 1, day);
  return new Date(time).getUTCDate() === day && new Date(time).getUTCMonth() === month - 1 ? time : undefined;
}

export function formatDate(time: number, format: string): string {
  const date = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  const values: Record<string, string> = {
    YYYY: String(date.getUTCFullYear()),
    YY: two(date.getUTCFullYear() % 100),
    MM: two(date.getUTCMonth() + 1),
    DD: two(date.getUTCDate()),
    D: String(date.getUTCDay() + 1),
    HH12: '12',
    HH24: '00',
    MI: '00',
    SS: '00',
  };
  return format.replace(TOKENS, (token) => values[token]);
}

export const DAY = DAY_MS;
