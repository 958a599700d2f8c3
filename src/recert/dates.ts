// Calendar dates as 'YYYY-MM-DD' strings. Arithmetic goes through Date.UTC only, so no
// local time zone can shift a day; "today" comes from an explicit IANA time zone.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export interface YMD {
  year: number;
  month: number; // 1-12
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseIso(value: string): YMD {
  if (!isIsoDate(value)) throw new RangeError(`not a calendar date: ${value}`);
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

export function toIso({ year, month, day }: YMD): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Same day and month `years` later; a day the target month lacks (29 February) becomes its last day. */
export function addYears(value: string, years: number): string {
  const { year, month, day } = parseIso(value);
  const target = year + years;
  return toIso({ year: target, month, day: Math.min(day, daysInMonth(target, month)) });
}

export function addDays(value: string, days: number): string {
  const { year, month, day } = parseIso(value);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return toIso({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIso(from);
  const b = parseIso(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** "June 3, 2027": the month's name, so no reader mixes up day and month. */
export function formatLongDate(value: string): string {
  const { year, month, day } = parseIso(value);
  return `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
}

export function formatMonth(year: number, month: number): string {
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

// Building an Intl.DateTimeFormat is costly and every turn needs "today": one formatter per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat | null>();
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      formatter = null;
    }
    if (formatters.size < 1000) formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string | undefined): timeZone is string {
  return Boolean(timeZone) && formatterFor(timeZone as string) !== null;
}

// Zone offsets are whole seconds, so a local date can only change on a whole UTC second: the last answer per zone
// is kept with its second (formatToParts costs more than the rest of a small-talk turn's date work).
const lastToday = new Map<string, { second: number; today: string }>();

/** The calendar date in `timeZone` at the instant `now`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const second = Math.floor(now.getTime() / 1000);
  const last = lastToday.get(timeZone);
  if (last && last.second === second) return last.today;
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new RangeError(`Invalid time zone: ${timeZone}`);
  const parts = formatter.formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const today = toIso({ year: get('year'), month: get('month'), day: get('day') });
  if (lastToday.size < 1000 || lastToday.has(timeZone)) lastToday.set(timeZone, { second, today });
  return today;
}
