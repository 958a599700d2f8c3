// Readers of the date prompts: the certification or expiry date (or a month, a year alone, a future date that
// may be the expiry, "I don't remember"), and the day when only the month is known.
import { formatLongDate } from '../../src/recert/dates';
import { correctedYear, yearNamesExpiry } from '../../src/recert/corrections';
import { numericDateEcho, relativeDate } from '../../src/recert/dateEcho';
import { extractFacts } from '../../src/recert/extractFacts';
import { parseDayAnswer } from '../../src/recert/parseDate';
import { certifiedOnFor } from '../../src/recert/rules';
import { TALK_TO_A_PERSON, type AskOptions, type Reading } from '../interruptibleDialog';
import { lower, DONT_KNOW_DATE, MONTH_WORD, NO, SAYS_EXPIRY, YES, alreadyChecking, STARTS_CHECK } from './answerWords';
import { hasFacts } from './answerState';
import { asideFacts, yearChange } from './asides';
import { dateWhy, dontKnowDateWhy, expiryAnswerFor } from './problems';
import { wordingOf, type DateReading, type Extras, type PendingMonth, type ReadContext } from './types';

export function readDate(ctx: ReadContext, text: string, options: AskOptions): Reading<DateReading> {
  const w = wordingOf(options);
  const today = ctx.today;
  if (STARTS_CHECK.test(text)) return { ok: false, understood: true, why: alreadyChecking(wordingOf(options).your) };
  // After "change the date", a year alone keeps the month and day said before.
  const change = yearChange(ctx, text, options.previousDate as string | undefined, true, w);
  if (change && 'why' in change) return { ok: false, why: change.why };
  if (change) {
    const on = change.facts.certifiedOn!;
    return { ok: true, value: { kind: 'date', certifiedOn: on, from: 'certified', said: on, why: `Changed the certification date to ${formatLongDate(on)}.` } };
  }
  // A year alone ("2023", "the year was 2023 not 2025"): asked which day in it, and the next answer read in it.
  const year = correctedYear(text, true);
  if (year !== undefined && !yearNamesExpiry(text) && year <= Number(today.slice(0, 4))) return { ok: true, value: { kind: 'year', year } };
  const pendingYear = options.pendingYear as number | undefined;
  const inYear = pendingYear && !/\b(?:19|20)\d\d\b/.test(text) && MONTH_WORD.test(lower(text)) ? `${text} ${pendingYear}` : text;
  // One pass over the answer reads the date and anything else said with it (the exam, the CECs).
  const f = extractFacts(inYear, today, ctx.locale);
  const extras: Extras | undefined = f.earnedVia || f.cecsEarned !== undefined ? { earnedVia: f.earnedVia, cecsEarned: f.cecsEarned } : undefined;
  const future = options.futureSaid as string | undefined;
  const t = lower(text);
  if (future && !f.certifiedOn && !f.month && !f.dateProblem && !NO.test(t) && (YES.test(t) || SAYS_EXPIRY.test(t))) {
    // "yes, that's when it expires": the future date said before is the expiry date.
    if (future.length === 7) return { ok: true, value: { kind: 'month', year: Number(future.slice(0, 4)), month: Number(future.slice(5, 7)), from: 'expiry', extras } };
    return { ok: true, value: { kind: 'date', certifiedOn: certifiedOnFor(future), from: 'expiry', said: future, extras } };
  }
  if (f.certifiedOn) {
    const from = f.dateFrom ?? 'certified';
    const said = f.dateSaid ?? f.certifiedOn;
    // A rough "about two years ago" near the expiry is asked more precisely; a numeric date is echoed as read.
    const rough = from === 'certified' ? relativeDate(text, f.certifiedOn, today, w.you) : undefined;
    if (rough?.kind === 'ask') return { ok: false, understood: true, why: rough.why };
    const why = rough?.note ?? numericDateEcho(text, said);
    return { ok: true, value: { kind: 'date', certifiedOn: f.certifiedOn, from, said, extras, ...(why ? { why } : {}) } };
  }
  if (f.month) return { ok: true, value: { kind: 'month', ...f.month, extras } };
  // "Feb 31 2025": that month is known, so its day is asked ("February 2025 has no 31st.").
  const noDay = f.dateProblem === 'no-such-day' ? /^(\d{4})-(\d\d)/.exec(f.dateProblemSaid ?? '') : null;
  if (noDay && Number(noDay[1]) > 0) {
    const why = dateWhy('no-such-day', w, undefined, f.dateProblemSaid);
    return { ok: true, value: { kind: 'month', year: Number(noDay[1]), month: Number(noDay[2]), from: f.dateFrom ?? 'certified', extras, why } };
  }
  if (!f.dateProblem && !hasFacts(f) && DONT_KNOW_DATE.test(t)) {
    return { ok: false, understood: true, why: dontKnowDateWhy(w), suggestions: [TALK_TO_A_PERSON] };
  }
  const problem = f.dateProblem ?? 'unreadable';
  const example = problem === 'unreadable' ? ' Try a date like "March 3, 2025", or "it expires on June 3, 2027".' : '';
  const why = dateWhy(problem, wordingOf(options), undefined, f.dateProblemSaid, today) + example;
  const expiry = problem === 'future' ? expiryAnswerFor(f.dateProblemSaid, today) : undefined;
  const aside = asideFacts(ctx, text, 'date', options, f);
  if (aside) return { ok: true, value: { kind: 'aside', facts: aside, why: f.dateProblem ? why : undefined, futureSaid: expiry ? f.dateProblemSaid : undefined } };
  if (expiry) return { ok: true, value: { kind: 'future', said: f.dateProblemSaid!, why } };
  return { ok: false, why };
}

export function readDay(ctx: ReadContext, text: string, options: AskOptions): Reading<unknown> {
  const pending = options.pendingMonth as PendingMonth;
  const today = ctx.today;
  // "actually it was 2023": the same month in that year, its day still asked.
  const year = correctedYear(text, true);
  if (year !== undefined && year !== pending.year && !yearNamesExpiry(text)) {
    return { ok: true, value: { kind: 'month', year, month: pending.month, from: pending.from, why: `Changed the year to ${year}.` } };
  }
  const r = parseDayAnswer(text, pending, today, ctx.locale);
  if (r.kind === 'date') {
    // "not sure, the online one I think": the 1st, and the exam said with it kept (not asked again).
    const aside = asideFacts(ctx, text, 'date', options);
    const extras: Extras | undefined = aside ? { earnedVia: aside.earnedVia, cecsEarned: aside.cecsEarned } : undefined;
    return { ok: true, value: { ...r, extras } };
  }
  const example = r.problem === 'unreadable' ? ' A day of the month, like "3" or "the 3rd".' : '';
  // "I don't know the day but it was the online exam" reads as the 1st above; "online, 2 CECs" is kept aside.
  const aside = r.problem === 'unreadable' ? asideFacts(ctx, text, 'date', options) : undefined;
  if (aside) return { ok: true, value: { kind: 'aside', facts: aside } };
  const why = dateWhy(r.problem, wordingOf(options), pending, r.said, today) + example;
  // A certification day still ahead may be the expiry: back to the date question, with that as a one-tap answer.
  if (r.problem === 'future' && pending.from === 'certified' && expiryAnswerFor(r.said, today)) return { ok: true, value: { kind: 'future', said: r.said!, why } };
  return { ok: false, why };
}
