// Reader of the CEC prompt: the number of CECs earned since certification.
import type { PathAnswers } from '../../src/recert/answers';
import { formatLongDate } from '../../src/recert/dates';
import { parseCecs, saysTimeAgo } from '../../src/recert/parseCecs';
import type { AskOptions, Reading } from '../interruptibleDialog';
import { EXAM_WORDS, alreadyChecking, STARTS_CHECK } from './answerWords';
import { asideFacts, yearChange } from './asides';
import { cecWhy } from './problems';
import { wordingOf, type CecReading, type ReadContext } from './types';

export function readCecs(ctx: ReadContext, text: string, options: AskOptions): Reading<CecReading> {
  if (STARTS_CHECK.test(text)) return { ok: false, understood: true, why: alreadyChecking(wordingOf(options).your) };
  // "actually it was 2023" (a year said alone here is a count, however unlikely).
  const change = yearChange(ctx, text, (options.known as PathAnswers | undefined)?.certifiedOn, false, wordingOf(options));
  if (change) return 'why' in change ? { ok: false, why: change.why } : { ok: true, value: { kind: 'aside', facts: change.facts } };
  // parseCecs reads hedges ("probably none") and "the online one" (not 1 CEC) itself.
  const r = parseCecs(text, ctx.locale);
  if (r.kind === 'cecs') return { ok: true, value: r.value };
  // At the CEC prompt an exam needs an exam word ("I did an online class" is about CECs). The numbers of a
  // corrected date ("actually the date was sept 9 2023") are no count: the date is kept.
  const aside = r.problem === 'unreadable' || r.problem === 'several' || r.problem === 'too-many' ? asideFacts(ctx, text, 'cecs', options) : undefined;
  const datedAside = aside && (aside.certifiedOn !== undefined || aside.month !== undefined);
  if (aside && (r.problem === 'unreadable' || datedAside) && (!aside.earnedVia || EXAM_WORDS.test(text))) return { ok: true, value: { kind: 'aside', facts: aside } };
  // "sorry, I meant 14 months ago" naming the date already known: a date all the same, not a bad count.
  const known = (options.known as PathAnswers | undefined)?.certifiedOn;
  if (r.problem === 'unreadable' && known && saysTimeAgo(text)) {
    return { ok: false, understood: true, why: `That's the certification date I have: ${formatLongDate(known)}.` };
  }
  // "3 of the self study ones": answers the question, so no FAQ answer about self-study programs.
  if (r.problem === 'programs') return { ok: false, understood: true, why: cecWhy(r.problem) };
  return { ok: false, why: cecWhy(r.problem) };
}
