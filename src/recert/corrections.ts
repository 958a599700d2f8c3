// A correction of the year alone ("actually it was 2023", "the year was 2023 not 2025"): the month and day said
// before stay, only the year changes.
import { daysInMonth, parseIso, toIso } from './dates';
import { capText } from './recognizers';

const MONTH_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/;
const YEAR = /\b(19\d\d|20\d\d)\b/g;
// "not 2025", "instead of 2025", "rather than 2025": the year being corrected away.
const REJECTED_BEFORE = /\b(?:not|isn'?t|wasn'?t|instead of|rather than|than|from)\s+(?:in\s+)?$/;
// Said as a correction, or plainly a year answer ("in 2023", "2023").
const CORRECTION_CUE = /\b(actually|year|was|were|wrong|meant|mean|sorry|oops|correction|not|instead|it'?s|its|it is|i think|in|typo)\b/;
// More than a year: CECs, an exam, a season or part of a year ("spring 2025", "late 2024"), a relative year.
const MORE_THAN_A_YEAR =
  /\b(cecs?|ceus?|credits?|hours?|on-?line|exam|test\w*|cent(?:er|re)|ncca|proctor\w*|spring|summer|fall|autumn|winter|mid|early|late|beginning|start|end|half|quarter|ago|last|next|this)\b/;

/**
 * The year of a year-only correction, or undefined. `bare` also takes a year said alone ("2023"), where the
 * prompt cannot read it as anything else (not at the CEC prompt, where it is a count).
 */
export function correctedYear(text: string, bare: boolean): number | undefined {
  const t = capText(text).toLowerCase().replace(/[’‘]/g, "'").trim();
  if (MONTH_WORD.test(t) || /\d[/.-]\d/.test(t) || MORE_THAN_A_YEAR.test(t)) return undefined;
  const years = [...t.matchAll(YEAR)].filter((m) => !REJECTED_BEFORE.test(t.slice(0, m.index)));
  if (years.length !== 1) return undefined;
  // Other numbers ("2023, 2 of them") make it more than a year.
  if ((t.replace(YEAR, ' ').match(/\d+/g) ?? []).length > 0) return undefined;
  const isBare = /^(?:in\s+)?(?:19|20)\d\d\W*$/.test(t);
  if (isBare ? !bare : !CORRECTION_CUE.test(t)) return undefined;
  return Number(years[0][1]);
}

/** The same month and day in another year (29 February becomes the 28th in a common year). */
export function withYear(date: string, year: number): string {
  const { month, day } = parseIso(date);
  return toIso({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

/** A year said with an expiry word ("it expires in 2027") names the expiry's year: two after the certification. */
export function yearNamesExpiry(text: string): boolean {
  return /\b(expir\w*|runs? out|renew\w*|due)\b/i.test(text);
}

// A year in any form: "2024", "'24", "5/12/24", or a relative one ("last year", "two years ago").
const SAYS_YEAR = /\b(?:19|20)\d\d\b|['’]\d\d\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b(?:ago|last|this|next|yesterday|today|tomorrow|year)\b/i;

/**
 * A correction that names no year ("no, I meant the 5th of December") changes the day and month of the known date,
 * not its year: the known year, unless that puts the certification in the future (then the reading stands).
 */
export function inKnownYear(date: string, text: string, known: string | undefined, today: string): string {
  if (!known || SAYS_YEAR.test(capText(text)) || date.slice(0, 4) === known.slice(0, 4)) return date;
  const moved = withYear(date, Number(known.slice(0, 4)));
  return moved <= today ? moved : date;
}
