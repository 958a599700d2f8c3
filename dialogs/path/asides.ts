// Answers to something other than the question asked: facts said aside, and a year said as a correction of the
// date already known. Every prompt's reader checks these so nothing said is lost.
import type { PathAnswers } from '../../src/recert/answers';
import { correctedYear, inKnownYear, withYear, yearNamesExpiry } from '../../src/recert/corrections';
import { extractFacts, type Facts } from '../../src/recert/extractFacts';
import { checkCertifiedOn } from '../../src/recert/parseDate';
import type { AskOptions } from '../interruptibleDialog';
import type { Wording } from '../pathResult';
import { CLASS_WORDS, EXAM_WORDS } from './answerWords';
import { hasFacts } from './answerState';
import { dateWhy } from './problems';
import type { Item, ReadContext } from './types';

/** Facts read from a correction, its date kept in the known date's year when it names none. */
export function correctionFacts(ctx: ReadContext, text: string, known: PathAnswers | undefined): Facts {
  const f = extractFacts(text, ctx.today, ctx.locale);
  if (f.certifiedOn && f.dateFrom !== 'expiry') {
    const on = inKnownYear(f.certifiedOn, text, known?.certifiedOn, ctx.today);
    if (on !== f.certifiedOn) Object.assign(f, { certifiedOn: on, dateSaid: on });
  } else if (f.month?.yearless && known?.certifiedOn) {
    const year = Number(known.certifiedOn.slice(0, 4));
    if (`${year}-${String(f.month.month).padStart(2, '0')}-01` <= ctx.today) f.month = { ...f.month, year, yearless: false };
  }
  return f;
}

/**
 * Facts other than the one asked for, new to what is known: kept by the caller instead of being lost to an
 * FAQ answer or a "please choose" (trainers often answer the next question first).
 */
export function asideFacts(ctx: ReadContext, text: string, asked: Item, options: AskOptions, read?: Facts): Facts | undefined {
  const known = (options.known ?? {}) as PathAnswers;
  const f = read ?? correctionFacts(ctx, text, known);
  const facts: Facts = {};
  if (asked !== 'date') {
    if (f.certifiedOn && f.certifiedOn !== known.certifiedOn) Object.assign(facts, { certifiedOn: f.certifiedOn, dateSaid: f.dateSaid, dateFrom: f.dateFrom });
    else if (f.month) facts.month = f.month;
  }
  const examWorded = EXAM_WORDS.test(text) || !CLASS_WORDS.test(text);
  if (asked !== 'exam' && f.earnedVia && f.earnedVia !== known.earnedVia && examWorded) facts.earnedVia = f.earnedVia;
  if (asked !== 'cecs' && f.cecsEarned !== undefined && f.cecsEarned !== known.cecsEarned) facts.cecsEarned = f.cecsEarned;
  return hasFacts(facts) ? facts : undefined;
}

/**
 * "actually it was 2023", "the year was 2023 not 2025": the known date moved to that year (month and day kept;
 * a year said with "expires" is the expiry's), or why it can't be. `bare`: a year said alone counts.
 */
export function yearChange(ctx: ReadContext, text: string, base: string | undefined, bare: boolean, w: Wording): { facts: Facts } | { why: string } | undefined {
  if (!base) return undefined;
  const year = correctedYear(text, bare);
  if (year === undefined) return undefined;
  const certifiedOn = withYear(base, yearNamesExpiry(text) ? year - 2 : year);
  const problem = checkCertifiedOn(certifiedOn, ctx.today, 'certified');
  if (problem) return { why: dateWhy(problem, w, undefined, problem === 'future' ? certifiedOn : undefined) };
  return { facts: { certifiedOn, dateSaid: certifiedOn, dateFrom: 'certified' } };
}
