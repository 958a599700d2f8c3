// The path dialog's first state: what the opening message already says, what the caller read as the answer to
// the question left open, what a check left half-way had (picked up), and last time's complete answers (offered).
import { isComplete, type CompleteAnswers, type PathAnswers } from '../../src/recert/answers';
import { extractFacts } from '../../src/recert/extractFacts';
import { hasAnyAnswer } from '../../src/recert/resume';
import { wordingFor } from '../pathResult';
import { numericDateEcho, relativeDate } from '../../src/recert/dateEcho';
import { formatLongDate } from '../../src/recert/dates';
import type { Facts } from '../../src/recert/extractFacts';
import { formatCecs } from '../../src/recert/cecText';
import { examName } from '../pathResult';
import { itemMentioned, lower } from './answerWords';
import { applyFacts, definedOnly, forget, hasFacts, keptFrom } from './answerState';
import { cecWhy, dateWhy, expiryAnswerFor } from './problems';
import { known } from './prompts';
import type { Item, PathState, ReadContext } from './types';

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

/**
 * Last time's answers with what was said now: new facts win over saved ones ("I have 2.5 CECs now" → updated,
 * then the confirmation), and "let me redo it, I got more CECs" asks again only the item it names. A new date is
 * another two-year window, so last time's CECs are not carried into it. Undefined: nothing said to update.
 */
function updateOfSaved(state: PathState, saved: CompleteAnswers, facts: Facts, utterance: string): string | undefined {
  const said = definedOnly(state.answers);
  const named = hasFacts(facts) ? undefined : itemToRedo(utterance);
  if (!hasFacts(facts) && !named) return undefined;
  const dateMoved = (said.certifiedOn !== undefined && said.certifiedOn !== saved.certifiedOn) || state.pendingMonth !== undefined;
  const kept: PathAnswers = { ...saved, ...(dateMoved ? { certifiedOn: undefined, cecsEarned: undefined } : {}) };
  state.answers = definedOnly({ ...kept, ...said });
  if (named) forget(state, named);
  const updated: string[] = [];
  if (said.certifiedOn && said.certifiedOn !== saved.certifiedOn) updated.push(`the certification date to ${formatLongDate(said.certifiedOn)}`);
  if (said.earnedVia && said.earnedVia !== saved.earnedVia) updated.push(`the exam to ${examName(said.earnedVia)}`);
  if (said.cecsEarned !== undefined && said.cecsEarned !== saved.cecsEarned) updated.push(`the CECs to ${formatCecs(said.cecsEarned)}`);
  const rest = known(keptFrom(saved, state.answers));
  const from = rest ? ` From your last check: ${rest}.` : '';
  return updated.length ? `Updated ${updated.join(' and ')}.${from}` : `${from.trim() || 'Starting afresh.'}`;
}

// "let me redo it, I got more CECs", "update my CECs": one item to ask again, the rest from last time.
const REDO = /\b(re-?do|update\w*|re-?check|re-?run|again|more|new|changed?|different)\b/i;
function itemToRedo(utterance: string): Item | undefined {
  const t = lower(utterance);
  return REDO.test(t) ? itemMentioned(t) : undefined;
}

const INTRO = (your: string): string => `I'll work out ${your} recertification route from a few quick answers.`;

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
    notes.push(INTRO(w.your));
  }
  if (facts.certifiedOn && state.answers.certifiedOn === facts.certifiedOn && facts.dateFrom !== 'expiry') {
    const rough = relativeDate(utterance, facts.certifiedOn, today, w.you);
    if (rough?.kind === 'ask') state.answers.certifiedOn = undefined;
    const echo = rough?.kind === 'ask' ? rough.why : rough?.note ?? numericDateEcho(utterance, facts.certifiedOn);
    if (echo) notes.push(echo);
  }
  if (facts.dateProblem) notes.push(dateWhy(facts.dateProblem, w, undefined, facts.dateProblemSaid, today));
  if (facts.dateProblem === 'future' && expiryAnswerFor(facts.dateProblemSaid, today)) state.futureSaid = facts.dateProblemSaid;
  if (facts.cecsProblem) notes.push(cecWhy(facts.cecsProblem));
  if (isComplete(saved) && !hasAnyAnswer(resumed) && !isComplete(state.answers)) {
    const update = updateOfSaved(state, saved, facts, utterance);
    if (update) notes.splice(0, notes.length, ...notes.filter((n) => n !== INTRO(w.your)), update);
    else if (!state.pendingMonth) state.offerReuse = saved;
  }
  state.note = notes.join(' ') || undefined;
  return state;
}
