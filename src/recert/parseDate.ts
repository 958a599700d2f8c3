// The certification-date answer: a certification date or an expiry date, in any common form.
import { addDays, addYears, daysInMonth, isIsoDate, MONTH_NAMES, parseIso, toIso } from './dates';
import { capText, recognizeDates, recognizeNumbers, recognizeOrdinals, type DateEntity } from './recognizers';
import { certifiedOnFor } from './rules';

/** Older than this cannot be a current certification (it runs two years): almost surely a typo. */
export const MAX_YEARS_AGO = 10;

export type DateSource = 'certified' | 'expiry';
export type DateProblem = 'unreadable' | 'future' | 'too-old' | 'expiry-too-far' | 'year-only' | 'vague' | 'no-such-day';

/**
 * A month said without a year ("June", "in November") is `yearless`: a day in it that would still lie ahead is
 * read in the year before, since a certification date is in the past.
 */
export type DateAnswer =
  | { kind: 'date'; certifiedOn: string; from: DateSource; said: string }
  | { kind: 'month'; year: number; month: number; from: DateSource; yearless?: boolean }
  /** said: a future date or month ('YYYY-MM-DD' / 'YYYY-MM') said as the certification date, maybe the expiry. */
  | { kind: 'problem'; problem: DateProblem; said?: string };

const MONTHS = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
const RELATIVE = /\b(ago|last|yesterday|today|tomorrow|next|year|month|week)s?\b/i;
const EXPIRY = /\b(expir\w*|runs? out|ran out|lapse[sd]?|valid (?:until|till|through|to)|good (?:until|till|through)|renew(?:al)? (?:date|by|is|on)|due (?:on|by|in))\b/i;
const PAST_EXPIRY = /\b(expired|ran out|lapsed)\b/i;

const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5 };

const MONTH_NAME = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/;
const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Years the recognizer gets wrong, made explicit from today: "last June" is the most recent June before this
 * month (the recognizer reads last year's June even in November), and "the 3rd of March last year" loses its
 * "last year" (it reads this year's or next year's March 3).
 */
function resolveRelativeYears(text: string, today: string): string {
  const { year, month } = parseIso(today);
  const lastMonth = new RegExp(`\\blast ${MONTH_NAME.source}`, 'g');
  let t = text.replace(lastMonth, (_m, name: string) => {
    const m = MONTH_PREFIXES.indexOf(name.slice(0, 3)) + 1;
    return `${MONTH_NAMES[m - 1].toLowerCase()} ${m < month ? year : year - 1}`;
  });
  if (MONTH_NAME.test(t)) t = t.replace(/\blast year\b/g, String(year - 1)).replace(/\bthis year\b/g, String(year));
  return t;
}

// Month names as trainers mistype them; the recognizer only knows the right spellings.
const MONTH_TYPOS: Array<[RegExp, string]> = [
  [/\b(?:janu?r?ary|januray|janury|jaunary)\b/g, 'january'],
  [/\b(?:febuary|feburary|febrary|februray|febuari)\b/g, 'february'],
  [/\b(?:marhc|mrach)\b/g, 'march'],
  [/\b(?:apirl|aprl|apil)\b/g, 'april'],
  [/\b(?:jully|juli)\b/g, 'july'],
  [/\b(?:augst|agust|augest|aguust|agusut)\b/g, 'august'],
  [/\b(?:septmber|septemeber|setpember|sepember|septembre)\b/g, 'september'],
  [/\b(?:octber|octobor|ocotber|octobre)\b/g, 'october'],
  [/\b(?:novmber|novemeber|novembre|novemebr)\b/g, 'november'],
  [/\b(?:decmber|decemeber|decembre|decemebr)\b/g, 'december'],
];

/** "valid until X" reads as a range ending at X to the recognizer: say what it means. With today, relative years too. */
export function normaliseDateText(text: string, today?: string): string {
  const t = capText(text)
    .toLowerCase()
    // The recognizer reads "a year and a half ago" as "a year ago": say it in months.
    .replace(/\b(a|an|one|two|three|four|five|\d+)(?: years? and a half| and a half years?)\b/g, (_m, n: string) => `${(WORD_NUMBERS[n] ?? Number(n)) * 12 + 6} months`)
    .replace(/\b(\d+)(?: 1\/2|\.5) years?\b/g, (_m, n: string) => `${Number(n) * 12 + 6} months`)
    .replace(/\b(?:valid|good|certified|active)\s+(?:until|till|til|through|thru)\b/g, 'expires on');
  const spelled = MONTH_TYPOS.reduce((acc, [typo, month]) => acc.replace(typo, month), t)
    // "June '24": a two-digit year after a month name (the recognizer reads it as this year's June).
    .replace(new RegExp(`${MONTH_NAME.source}\\s*['’](\\d\\d)\\b`, 'g'), (_m, name: string, yy: string) => `${name} 20${yy}`);
  return today ? resolveAgoFrom(resolveRelativeYears(spelled, today), today) : spelled;
}

const AGO_FROM_DAY = /\b(a|an|one|two|three|four|five|\d+) (year|month|week|day)s? ago,? (yesterday|today|tomorrow)\b/g;

/** "two years ago yesterday": the recognizer reads only "two years ago"; said as the date it means. */
function resolveAgoFrom(text: string, today: string): string {
  return text.replace(AGO_FROM_DAY, (_m, count: string, unit: string, from: string) => {
    const n = WORD_NUMBERS[count] ?? Number(count);
    const base = addDays(today, from === 'yesterday' ? -1 : from === 'tomorrow' ? 1 : 0);
    const date =
      unit === 'year' ? addYears(base, -n) : unit === 'month' ? addMonths(base, -n) : addDays(base, unit === 'week' ? -7 * n : -n);
    const { year, month, day } = parseIso(date);
    return `${MONTH_NAMES[month - 1].toLowerCase()} ${day}, ${year}`;
  });
}

/** Cheap pre-check so turns without anything date-like never reach the recognizer. */
export function mayContainDate(text: string): boolean {
  const t = capText(text);
  return /\d/.test(t) || MONTHS.test(t) || RELATIVE.test(t);
}

/** Date words or a numeric date shape ("3/3/25", "2025"): a bare count ("I have 2 CECs") has none. */
export function mayContainDateWords(text: string): boolean {
  const t = capText(text);
  return MONTHS.test(t) || RELATIVE.test(t) || /\d[/.-]\d|\d{4}/.test(t);
}

export function mentionsExpiry(text: string): boolean {
  return EXPIRY.test(capText(text));
}

interface Candidate {
  date?: string; // YYYY-MM-DD
  month?: { year: number; month: number; yearless: boolean };
  yearOnly?: boolean;
  /** A season or part of a year ("spring 2024", "late 2023"): no month to work from. */
  vague?: boolean;
}

/** Among the readings of a date said without a year, the trainer means the past one (or the next one for an expiry). */
function pick<T>(readings: T[], key: (r: T) => string, today: string, wantFuture: boolean): T | undefined {
  if (readings.length <= 1) return readings[0];
  const sorted = [...readings].sort((a, b) => key(a).localeCompare(key(b)));
  if (wantFuture) return sorted.find((r) => key(r) >= today) ?? sorted[sorted.length - 1];
  return [...sorted].reverse().find((r) => key(r) <= today) ?? sorted[0];
}

function addMonths(value: string, months: number): string {
  const { year, month, day } = parseIso(value);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return toIso({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** "(it expires) in 3 months": the recognizer gives a duration; counted from today, like "18 months ago". */
function dateInDuration(entity: DateEntity, text: string, today: string): string | undefined {
  if (!/\bin (?:about |around |roughly |approximately |just |only )?$/.test(text.slice(Math.max(0, entity.start - 25), entity.start))) return undefined;
  const m = /^P(\d+)([DWMY])$/.exec(entity.values[0]?.timex ?? '');
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'D':
      return addDays(today, n);
    case 'W':
      return addDays(today, 7 * n);
    case 'M':
      return addMonths(today, n);
    default:
      return addYears(today, n);
  }
}

function candidateOf(entity: DateEntity, text: string, today: string, wantFuture: boolean): Candidate | undefined {
  const type = entity.typeName.replace('datetimeV2.', '');
  if (type === 'duration') {
    // Only an expiry lies ahead: "certified in 3 months" is no answer (and "1 CEC in 3 months" no date).
    const date = wantFuture ? dateInDuration(entity, text, today) : undefined;
    return date ? { date } : undefined;
  }
  if (type === 'date' || type === 'datetime') {
    const readings = entity.values.filter((v) => typeof v.value === 'string').map((v) => v.value.slice(0, 10)).filter(isIsoDate);
    const date = pick(readings, (d) => d, today, wantFuture);
    return date ? { date } : undefined;
  }
  if (type === 'daterange') {
    const months = entity.values.filter((v) => /^(\d{4}|XXXX)-\d{2}$/.test(v.timex ?? '') && v.start);
    const chosen = pick(months, (v) => v.start, today, wantFuture);
    if (chosen) {
      const yearless = months.every((v) => (v.timex ?? '').startsWith('XXXX'));
      return { month: { year: Number(chosen.start.slice(0, 4)), month: Number(chosen.start.slice(5, 7)), yearless } };
    }
    if (entity.values.some((v) => /^\d{4}$/.test(v.timex ?? ''))) return { yearOnly: true };
    // Seasons ("2024-SP") and parts of a year ("mid 2024" has no timex): weeks and day ranges stay unread.
    if (entity.values.some((v) => !v.timex || /^(?:\d{4}|XXXX)-(?:SP|SU|FA|WI)$/.test(v.timex))) return { vague: true };
  }
  return undefined;
}

/** Refuses dates that cannot be a current certification, saying why. */
export function checkCertifiedOn(certifiedOn: string, today: string, from: DateSource): DateProblem | undefined {
  if (certifiedOn > today) return from === 'expiry' ? 'expiry-too-far' : 'future';
  if (certifiedOn < addYears(today, -MAX_YEARS_AGO)) return 'too-old';
  return undefined;
}

function checkMonth(year: number, month: number, today: string, from: DateSource): DateProblem | undefined {
  // The whole month must not lie in the future; its last day must not be absurdly old.
  const first = toIso({ year, month, day: 1 });
  const last = toIso({ year, month, day: daysInMonth(year, month) });
  const firstCertified = from === 'expiry' ? certifiedOnFor(first) : first;
  const lastCertified = from === 'expiry' ? certifiedOnFor(last) : last;
  if (firstCertified > today) return from === 'expiry' ? 'expiry-too-far' : 'future';
  if (lastCertified < addYears(today, -MAX_YEARS_AGO)) return 'too-old';
  return undefined;
}

/** The date entity the trainer means: with two dates, the one not introduced as the expiry. */
function chooseEntity(text: string, entities: DateEntity[], source: DateSource): DateEntity | undefined {
  if (entities.length <= 1) return entities[0];
  return entities.find((e) => (dateRole(text, e) === 'expiry') === (source === 'expiry')) ?? entities[0];
}

// Words that make the date in their clause the certification's: "I got certified on March 3 2025".
const CERTIFIED_WORD = /\b(certified|passed|qualified)\b/g;
const EXPIRY_WORD = new RegExp(EXPIRY.source, 'gi');

function lastIndexOf(re: RegExp, s: string): number {
  let at = -1;
  for (const m of s.matchAll(re)) at = m.index ?? at;
  return at;
}

/**
 * Whose date this is, from its own clause only ("when does it expire? I got certified on March 3 2025" is the
 * certification's): the nearest cue before the date wins; without one, the first cue after it ("March 3 2025 is
 * when I got certified").
 */
function dateRole(text: string, e: DateEntity): DateSource | undefined {
  const { start, end } = clauseBounds(text, e);
  const before = text.slice(start, e.start);
  const certifiedAt = lastIndexOf(CERTIFIED_WORD, before);
  const expiryAt = lastIndexOf(EXPIRY_WORD, before);
  if (certifiedAt >= 0 || expiryAt >= 0) return certifiedAt > expiryAt ? 'certified' : 'expiry';
  const after = text.slice(e.end + 1, end);
  const certifiedNext = after.search(new RegExp(CERTIFIED_WORD.source));
  const expiryNext = after.search(EXPIRY);
  if (certifiedNext < 0 && expiryNext < 0) return undefined;
  if (certifiedNext < 0) return 'expiry';
  if (expiryNext < 0) return 'certified';
  return certifiedNext < expiryNext ? 'certified' : 'expiry';
}

// A clause ends at punctuation (not a decimal point) or a joining word: "certified March 2025, and I have 2 CECs now".
const CLAUSE_BREAK = /[,;!?]|\.(?!\d)|\b(?:and|but|so|plus|also|because)\b/g;
// Words that make a date the certification's or the expiry's ("I passed the exam today", "it expires now").
const CERTIFICATION_CUE = /\b(certif\w*|expir\w*|renew\w*|laps\w*|valid|pass(?:ed)?|exam|test\w*|dates?|since|ran out|runs? out|due|good (?:until|till|through))\b/;
// Talk about CECs: counts, classes, "another one".
const CEC_CUE = /\b(cecs?|ceus?|credits?|continuing education|class(?:es)?|courses?|webinars?|workshops?|seminars?|modules?|another one|one more)\b/;
// Earning CECs at a time ("I earned 1 CEC last month", "took a class in June"): the date is the class's.
const CEC_EVENT = /\b(earn(?:ed)?|finish(?:ed)?|took|taken|take|complet(?:ed|e)|did|done|got|gotten|attend(?:ed)?|added)\b/;
// "now", "today", "as of today", "so far", "this year": when the count stands, not a date of the certification.
const PRESENT_REF = /^(?:(?:as of |until |till |up to |right )?(?:now|today|the moment)|currently|so far|to date|at present|this (?:week|month|year))$/;

function clauseBounds(text: string, e: DateEntity): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (at + m[0].length <= e.start) start = at + m[0].length;
    else if (at > e.end && at < end) end = at;
  }
  return { start, end };
}

function clauseOf(text: string, e: DateEntity): string {
  const { start, end } = clauseBounds(text, e);
  return text.slice(start, end);
}

/**
 * The date entities that can be the certification's or the expiry's. In a sentence about the CECs, "now" /
 * "today" / "this year" say when the count stands ("actually I have 2 CECs now") and a date in a clause about
 * earning CECs is the class's ("I earned 1 CEC last month"): neither is a certification date.
 */
export function certificationDates(text: string, entities: DateEntity[]): DateEntity[] {
  const spans = entities.map((e) => [e.start, e.end + 1] as const);
  const outsideDates = spans.reduce((acc, [s, e]) => acc.slice(0, s) + ' '.repeat(e - s) + acc.slice(e), text);
  const talksCecs = CEC_CUE.test(text) || /\d/.test(outsideDates);
  return entities.filter((e) => {
    const clause = clauseOf(text, e);
    if (CERTIFICATION_CUE.test(clause)) return true;
    const present = PRESENT_REF.test(e.text.trim()) || e.values.some((v) => v.timex === 'PRESENT_REF');
    if (present) return !talksCecs;
    return !(CEC_CUE.test(clause) && CEC_EVENT.test(clause));
  });
}

/** "Feb 31 2025": the recognizer's timex names a day the month lacks. */
function impossibleDay(entities: DateEntity[]): { year: number; month: number; day: number } | undefined {
  for (const e of entities) {
    for (const v of e.values) {
      const m = /^(\d{4}|XXXX)-(\d\d)-(\d\d)$/.exec(v.timex ?? '');
      if (!m) continue;
      const month = Number(m[2]);
      const day = Number(m[3]);
      // Without a year, February has a 29th (some year does).
      const year = m[1] === 'XXXX' ? 2024 : Number(m[1]);
      if (month >= 1 && month <= 12 && day > daysInMonth(year, month)) return { year: m[1] === 'XXXX' ? 0 : year, month, day };
    }
  }
  return undefined;
}

/** A day the month lacks, said: 'YYYY-MM-DD' (year 0000 when none was said), for the dialog's explanation. */
export function impossibleDaySaid(d: { year: number; month: number; day: number }): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** "in 2024, around May": a year and a month (or day) said apart, read together. */
function yearAndMonthApart(entities: DateEntity[]): Candidate | undefined {
  if (entities.length !== 2) return undefined;
  const yearOf = (e: DateEntity): string | undefined => e.values.map((v) => v.timex ?? '').find((t) => /^\d{4}$/.test(t));
  const yearEntity = entities.find((e) => yearOf(e) !== undefined);
  const other = entities.find((e) => e !== yearEntity);
  if (!yearEntity || !other || other.values.length === 0) return undefined;
  const timex = /^XXXX-(\d\d)(?:-(\d\d))?$/.exec(other.values[0].timex ?? '');
  if (!timex || other.values.some((v) => v.timex !== other.values[0].timex)) return undefined;
  const year = Number(yearOf(yearEntity));
  const month = Number(timex[1]);
  if (!timex[2]) return { month: { year, month, yearless: false } };
  const date = toIso({ year, month, day: Number(timex[2]) });
  return isIsoDate(date) ? { date } : undefined;
}

export function interpretDates(text: string, allEntities: DateEntity[], today: string): DateAnswer | undefined {
  const entities = certificationDates(text, allEntities);
  const usable = entities.filter((e) => /date|daterange|datetime$/.test(e.typeName));
  if (usable.length === 0) return undefined;
  const impossible = impossibleDay(usable);
  if (impossible && usable.length === 1) return { kind: 'problem', problem: 'no-such-day', said: impossibleDaySaid(impossible) };
  // "I got certified in January 2025 … when do I expire?": the expiry word in another clause asks a question; the
  // date's own clause says whose date it is.
  const onlyExpiry =
    usable.every((e) => dateRole(text, e) === 'expiry') ||
    (usable.length === 1 && mentionsExpiry(text) && dateRole(text, usable[0]) !== 'certified');
  const from: DateSource = onlyExpiry ? 'expiry' : 'certified';
  const entity = chooseEntity(text, usable, from)!;
  const wantFuture = from === 'expiry' && !PAST_EXPIRY.test(text);
  const c = yearAndMonthApart(usable) ?? candidateOf(entity, text, today, wantFuture);
  if (!c) return undefined;
  if (c.yearOnly) return { kind: 'problem', problem: 'year-only' };
  if (c.vague) return { kind: 'problem', problem: 'vague' };
  if (c.month) {
    const { year, month, yearless } = c.month;
    const problem = checkMonth(year, month, today, from);
    if (problem === 'future') return { kind: 'problem', problem, said: `${year}-${String(month).padStart(2, '0')}` };
    if (problem) return { kind: 'problem', problem };
    return { kind: 'month', year, month, from, ...(yearless ? { yearless } : {}) };
  }
  const said = c.date!;
  const certifiedOn = from === 'expiry' ? certifiedOnFor(said) : said;
  const problem = checkCertifiedOn(certifiedOn, today, from);
  // A future date is kept with a 'future' problem, so the dialog can ask whether it is the expiry date.
  if (problem) return problem === 'future' ? { kind: 'problem', problem, said } : { kind: 'problem', problem };
  return { kind: 'date', certifiedOn, from, said };
}

/** Reads an answer to "when were you certified (or when does it expire)?". */
export function parseDateAnswer(text: string, today: string, locale?: string): DateAnswer {
  const capped = normaliseDateText(text, today);
  if (!mayContainDate(capped)) return { kind: 'problem', problem: 'unreadable' };
  return interpretDates(capped, recognizeDates(capped, today, locale), today) ?? { kind: 'problem', problem: 'unreadable' };
}

const DONT_KNOW = /\b(don'?t know|do not know|not sure|no idea|unsure|dunno|idk|can'?t remember|cannot remember|don'?t remember|forgot|no clue)\b/i;

export type DayAnswer =
  | { kind: 'date'; certifiedOn: string; from: DateSource; said: string; assumedFirst: boolean }
  | { kind: 'problem'; problem: DateProblem; said?: string };

/** Reads the day for a month the trainer already gave; "don't know" means the 1st (and the dialog says so). */
export function parseDayAnswer(
  text: string,
  pending: { year: number; month: number; from: DateSource; yearless?: boolean },
  today: string,
  locale?: string,
): DayAnswer {
  const capped = capText(text).toLowerCase().trim();
  let day: number | undefined;
  let assumedFirst = false;
  if (DONT_KNOW.test(capped)) {
    day = 1;
    assumedFirst = true;
  } else if (/\d{4}|[a-z]{3,}\s+\d|\d\s*[a-z]{3,}\s+\d/.test(capped) && MONTHS.test(capped)) {
    // A full date again ("March 5 2025"): read it as a fresh answer.
    const full = parseDateAnswer(capped, today, locale);
    if (full.kind === 'date') return { ...full, assumedFirst: false };
    if (full.kind === 'problem') return full;
  }
  // "2 credits", "1.5": a CEC count given early is not a day of the month.
  const notADay = /\b\d+\.\d+\b(?!\.)|\b(?:\d+(?:\.\d+)?|one|two|three|four|half an?|a half)\s*(?:cecs?|ceus?|credits?|units?|hours?|hrs?)\b/.test(capped);
  if (day === undefined && !notADay) {
    const digits = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(capped);
    const spoken = digits ? undefined : [...recognizeOrdinals(capped, locale), ...recognizeNumbers(capped, locale)][0];
    if (digits) day = Number(digits[1]);
    else if (spoken && Number.isInteger(spoken.value)) day = spoken.value;
  }
  if (day === undefined) return { kind: 'problem', problem: 'unreadable' };
  if (day < 1 || day > daysInMonth(pending.year, pending.month)) {
    return { kind: 'problem', problem: 'no-such-day', ...(day >= 1 && day <= 31 ? { said: impossibleDaySaid({ ...pending, day }) } : {}) };
  }
  let said = toIso({ year: pending.year, month: pending.month, day });
  // "June" said in June, then "the 20th" on the 10th: last year's June 20 (the most recent one that has passed).
  if (pending.yearless && pending.from === 'certified' && said > today) {
    said = toIso({ year: pending.year - 1, month: pending.month, day: Math.min(day, daysInMonth(pending.year - 1, pending.month)) });
  }
  const certifiedOn = pending.from === 'expiry' ? certifiedOnFor(said) : said;
  const problem = checkCertifiedOn(certifiedOn, today, pending.from);
  if (problem) return problem === 'future' ? { kind: 'problem', problem, said } : { kind: 'problem', problem };
  return { kind: 'date', certifiedOn, from: pending.from, said, assumedFirst };
}

