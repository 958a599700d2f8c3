// Readers of the yes/no prompts: reuse last time's answers, confirm the summary (or say what to change), which
// item to change, and the offer of a person after a lapsed result.
import type { PathAnswers } from '../../src/recert/answers';
import { extractFacts } from '../../src/recert/extractFacts';
import { mayContainNumber, parseCecs } from '../../src/recert/parseCecs';
import type { AskOptions, Reading } from '../interruptibleDialog';
import { itemMentioned, lower, NO, YES } from './answerWords';
import { hasFacts } from './answerState';
import { correctionFacts, yearChange } from './asides';
import { cecWhy, dateWhy } from './problems';
import { wordingOf, type ConfirmReading, type ReadContext, type ReuseReading } from './types';

export function readReuse(ctx: ReadContext, text: string): Reading<ReuseReading> {
  const t = lower(text);
  const facts = NO.test(t) || !YES.test(t) ? extractFacts(t, ctx.today, ctx.locale) : {};
  if (hasFacts(facts)) return { ok: true, value: { kind: 'facts', facts } };
  // "I have 2.5 now": a number alone can only be the CECs.
  if (!YES.test(t) && mayContainNumber(t)) {
    const cecs = parseCecs(t, ctx.locale);
    if (cecs.kind === 'cecs') return { ok: true, value: { kind: 'facts', facts: { cecsEarned: cecs.value } } };
  }
  // "change the CECs", "no, the date is different": last time's answers with that one asked again.
  const mentioned = YES.test(t) && !/\b(but|change|except|not|wrong|different|update|new|more)\b/.test(t) ? undefined : itemMentioned(t);
  if (mentioned) return { ok: true, value: { kind: 'change', item: mentioned } };
  if (YES.test(t)) return { ok: true, value: { kind: 'yes' } };
  if (NO.test(t)) return { ok: true, value: { kind: 'no' } };
  return { ok: false, why: 'Please answer yes or no, or tell me what to change (the date, the exam or the CECs).' };
}

export function readConfirm(ctx: ReadContext, text: string, options: AskOptions): Reading<ConfirmReading> {
  const t = lower(text);
  const mentioned = itemMentioned(t);
  // "yes" alone or "yes, that's right" confirms; "yes but the date is wrong" is a correction.
  if (YES.test(t) && !/\b(but|wrong|change|not|fix|actually)\b/.test(t)) return { ok: true, value: { kind: 'yes' } };
  const w = wordingOf(options);
  const change = yearChange(ctx, text, (options.known as PathAnswers | undefined)?.certifiedOn, true, w);
  if (change) return 'why' in change ? { ok: false, understood: true, why: change.why } : { ok: true, value: { kind: 'facts', facts: change.facts } };
  const facts = correctionFacts(ctx, t, options.known as PathAnswers | undefined);
  if (hasFacts(facts)) return { ok: true, value: { kind: 'facts', facts } };
  if (facts.dateProblem) return { ok: false, understood: true, why: dateWhy(facts.dateProblem, w, undefined, facts.dateProblem === 'no-such-day' ? facts.dateProblemSaid : undefined) };
  // A number alone ("about 1", "so 1.5", "-1") can only be the CECs: a correction of them, or why not.
  if ((!mentioned || mentioned === 'cecs') && mayContainNumber(t)) {
    const cecs = parseCecs(t, ctx.locale);
    if (cecs.kind === 'cecs') return { ok: true, value: { kind: 'facts', facts: { cecsEarned: cecs.value } } };
    if (cecs.problem === 'negative' || cecs.problem === 'too-many' || cecs.problem === 'hours' || cecs.problem === 'programs') return { ok: false, understood: true, why: cecWhy(cecs.problem) };
  }
  if (mentioned) return { ok: true, value: { kind: 'change', item: mentioned } };
  if (NO.test(t)) return { ok: true, value: { kind: 'no' } };
  return { ok: false, why: 'Please say yes, or tell me what to change.' };
}

export function readWhich(ctx: ReadContext, text: string, options: AskOptions): Reading<ConfirmReading> {
  const t = lower(text);
  if (YES.test(t)) return { ok: true, value: { kind: 'yes' } };
  const facts = correctionFacts(ctx, t, options.known as PathAnswers | undefined);
  if (hasFacts(facts)) return { ok: true, value: { kind: 'facts', facts } };
  const mentioned = itemMentioned(t);
  if (mentioned) return { ok: true, value: { kind: 'change', item: mentioned } };
  return { ok: false, why: 'Please choose the date, the exam or the CECs.' };
}

export function readYesNo(text: string): Reading<boolean> {
  const t = lower(text);
  if (YES.test(t)) return { ok: true, value: true };
  if (NO.test(t)) return { ok: true, value: false };
  return { ok: false, why: 'Please answer yes or no.' };
}
