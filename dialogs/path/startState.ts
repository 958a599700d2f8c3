// The path dialog's first state: what the opening message already says, what the caller read as the answer to
// the question left open, what a check left half-way had (picked up), and last time's complete answers (offered).
import { isComplete, type PathAnswers } from '../../src/recert/answers';
import { extractFacts } from '../../src/recert/extractFacts';
import { hasAnyAnswer } from '../../src/recert/resume';
import { wordingFor } from '../pathResult';
import { applyFacts, definedOnly, hasFacts, keptFrom } from './answerState';
import { cecWhy, dateWhy, expiryAnswerFor } from './problems';
import { known } from './prompts';
import type { PathState, ReadContext } from './types';

export interface Start {
  /** What the trainer said to start the dialog. */
  utterance?: string;
  forSomeoneElse: boolean;
  /** The caller's reading of the utterance as the open question's answer. */
  answers?: PathAnswers;
  /** A check left half-way (never read for someone else). */
  unfinished?: PathAnswers;
  /** Last time's answers (never read for someone else). */
  saved?: PathAnswers;
}

export function startState(start: Start, ctx: ReadContext): PathState {
  const { forSomeoneElse, unfinished, saved } = start;
  const w = wordingFor(forSomeoneElse);
  const today = ctx.today;
  const state: PathState = { answers: {}, forSomeoneElse, confirmed: false };
  const utterance = start.utterance?.trim() ?? '';
  const facts = utterance ? extractFacts(utterance, today, ctx.locale) : {};
  // What was said now wins over what the caller read as the open question's answer, and both over what was
  // said in a check left half-way.
  state.answers = { ...unfinished, ...definedOnly(start.answers ?? {}) };
  applyFacts(state, facts);
  const resumed = hasAnyAnswer(unfinished) ? keptFrom(unfinished, state.answers) : {};
  const notes: string[] = [];
  if (hasAnyAnswer(resumed)) {
    notes.push(isComplete(state.answers) ? 'Picking up where we left off.' : `Picking up where we left off: ${known(state.answers)} (say "start over" to answer afresh).`);
  } else if (utterance && /\b(expir\w*|renew\w*|valid|run out|how long|when)\b/i.test(utterance)) {
    notes.push(`An ACTION certification runs for two years, so ${w.your} expiry date is two years after ${w.youWere} certified.`);
  } else if (!hasFacts(facts)) {
    notes.push(`I'll work out ${w.your} recertification route from a few quick answers.`);
  }
  if (facts.dateProblem) notes.push(dateWhy(facts.dateProblem, w, undefined, facts.dateProblemSaid, today));
  if (facts.dateProblem === 'future' && expiryAnswerFor(facts.dateProblemSaid, today)) state.futureSaid = facts.dateProblemSaid;
  if (facts.cecsProblem) notes.push(cecWhy(facts.cecsProblem));
  if (isComplete(saved) && !hasAnyAnswer(resumed) && !isComplete(state.answers) && !state.pendingMonth) state.offerReuse = saved;
  state.note = notes.join(' ') || undefined;
  return state;
}
