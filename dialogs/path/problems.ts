// Why an answer can't be used, in the words the trainer sees (said before the same question is asked again).
import { addYears, formatLongDate, formatMonth, MONTH_NAMES } from '../../src/recert/dates';
import type { CecProblem } from '../../src/recert/parseCecs';
import { MAX_YEARS_AGO, type DateProblem } from '../../src/recert/parseDate';
import type { Wording } from '../pathResult';

/** A date or month as said: 'YYYY-MM-DD' → "June 3, 2026", 'YYYY-MM' → "June 2026". */
function formatSaid(said: string): string {
  return said.length === 7 ? formatMonth(Number(said.slice(0, 4)), Number(said.slice(5, 7))) : formatLongDate(said);
}

/** A future date said as the certification date may well be the expiry date: the answer that says so. */
export function expiryAnswerFor(said: string | undefined, today: string): string | undefined {
  if (!said || (said.length === 7 ? `${said}-01` : said) > addYears(today, 2)) return undefined;
  return said.length === 7 ? `It expires in ${formatSaid(said)}` : `It expires on ${formatSaid(said)}`;
}

export function dateWhy(problem: DateProblem, w: Wording, month?: { year: number; month: number }, said?: string, today?: string): string {
  switch (problem) {
    case 'future': {
      if (!said) return `That date is in the future, so it can't be when ${w.youWere} certified.`;
      const expiry = today ? expiryAnswerFor(said, today) : undefined;
      const hint = expiry ? ` If that's when ${w.your} certification expires, just say so.` : '';
      return `${formatSaid(said)} is still ahead, so it can't be when ${w.youWere} certified.${hint}`;
    }
    case 'vague':
      return 'I need at least the month and the year (for example, April 2024): a season or part of a year is too rough to work out the expiry date.';
    case 'expiry-too-far':
      return "A certification runs for two years, so it can't expire more than two years from today.";
    case 'too-old':
      return `That's more than ${MAX_YEARS_AGO} years ago. A certification runs for two years, so I need the date of ${w.your} most recent certification or recertification.`;
    case 'year-only':
      return 'I need at least the month and the year (for example, March 2025).';
    case 'no-such-day': {
      // said: 'YYYY-MM-DD' of the impossible day (year 0000 when none was given): "February 2025 has no 31st."
      const m = said ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(said) : null;
      if (m) {
        const name = Number(m[1]) > 0 ? formatMonth(Number(m[1]), Number(m[2])) : MONTH_NAMES[Number(m[2]) - 1];
        return `${name} has no ${ordinal(Number(m[3]))}.`;
      }
      return month ? `${formatMonth(month.year, month.month)} doesn't have that day.` : "That month doesn't have that day.";
    }
    case 'unreadable':
      return "I couldn't read a date there.";
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export function dontKnowDateWhy(w: Wording): string {
  // The article says nothing about where the dates are printed, so no place is named.
  return `No problem. The month and year are enough to start (if ${w.you} don't know the day, I'll use the 1st), and the expiry date works as well if ${w.you} know that instead. Or say "talk to a person" and someone from the support team will help.`;
}

export function cecWhy(problem: CecProblem): string {
  switch (problem) {
    case 'negative':
      return "CECs can't be negative.";
    case 'too-many':
      return "That's more than 50 CECs, which doesn't look right (2.0 are needed to recertify).";
    case 'several':
      return 'I saw more than one number there. Please give one number of CECs (your best estimate is fine).';
    case 'hours':
      // The article gives no conversion and says nothing about where a course's CEC value is shown: no guess.
      return "I need the number of CECs rather than hours (the help article doesn't say how hours convert to CECs). Your best estimate of the CECs is fine, or say \"talk to a person\" and someone from our support team will help.";
    case 'programs':
      return "That sounds like a number of programs rather than CECs, and the help article doesn't say how many CECs a program gives. Your best estimate of the CECs is fine, or say \"talk to a person\" and someone from our support team will help.";
    case 'unreadable':
      return "I couldn't read a number of CECs there. If you're not sure, a best estimate is fine, or say \"none\".";
  }
}
