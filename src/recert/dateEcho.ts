// What to say back about a date read from a loose or ambiguous form, so a wrong reading never passes silently:
// "05/12/2024" could be either day first or month first, and "about two years ago" is only roughly a date.
import { daysBetween, formatLongDate, formatMonth, isIsoDate, toIso } from './dates';
import { capText } from './recognizers';
import { DUE_SOON_DAYS, expiresOnFor } from './rules';

const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/;

/**
 * "05/12/2024" read as May 12: the reading at once, and how to say the other one ("say the day first if you
 * meant 5 December"). Undefined when only one reading exists (13/05/2024, 5/5/2024) or none was a numeric date.
 */
export function numericDateEcho(text: string, read: string): string | undefined {
  const m = NUMERIC.exec(capText(text));
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a === b || a > 12 || b > 12) return undefined;
  const year = Number(read.slice(0, 4));
  const readMonth = Number(read.slice(5, 7));
  const readDay = Number(read.slice(8, 10));
  const other = toIso({ year, month: readDay, day: readMonth });
  if (!isIsoDate(other) || other === read) return undefined;
  const [month, day] = [Number(other.slice(5, 7)), Number(other.slice(8, 10))];
  const monthName = formatMonth(year, month).split(' ')[0];
  return `I read ${m[0]} as ${formatLongDate(read)}. If you meant ${day} ${monthName}, say "${day} ${monthName} ${year}".`;
}

const AGO = /\b(?:(?:about|around|roughly|almost|nearly|over|just over|just under|more than|less than)\s+)?(?:\d+|a|an|one|two|three|four|five|six|a few|a couple(?: of)?)\s+(?:years?|months?|weeks?)\s+ago\b/i;
const EXACT_FROM = /\bago,?\s+(?:today|yesterday|tomorrow)\b/i;
const HEDGE = /\b(?:about|around|roughly|approx\w*|almost|nearly|over|more than|less than|just over|just under|or so|ish|maybe|probably|i think|i guess|give or take|something like)\b/i;

export type RelativeDate =
  /** Too rough where the day matters (close to the expiry): the month and year are asked. */
  | { kind: 'ask'; why: string }
  /** Taken as an estimate, said so. */
  | { kind: 'estimate'; note: string };

/**
 * "about two years ago" read as a certification date: near the expiry a rough date decides the status ("expires
 * today"), so the month and year are asked; further away it is used and flagged as an estimate.
 */
export function relativeDate(text: string, certifiedOn: string, today: string, you = 'you'): RelativeDate | undefined {
  const t = capText(text);
  const ago = AGO.exec(t);
  if (!ago || EXACT_FROM.test(t)) return undefined;
  const around = formatMonth(Number(certifiedOn.slice(0, 4)), Number(certifiedOn.slice(5, 7)));
  const nearExpiry = Math.abs(daysBetween(today, expiresOnFor(certifiedOn))) <= DUE_SOON_DAYS;
  if (HEDGE.test(t) && nearExpiry) {
    return {
      kind: 'ask',
      why: `"${ago[0]}" is around ${around}, and a certification from then expires about now, so I need the month and year (the day too, if ${you} know it).`,
    };
  }
  return { kind: 'estimate', note: `I'll take "${ago[0]}" as ${formatLongDate(certifiedOn)}, an estimate: if ${you} know the exact date, tell me.` };
}
