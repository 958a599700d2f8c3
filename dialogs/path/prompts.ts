// What the path dialog asks next and how it words it: the questions, their buttons, the summary to confirm and
// the help text for each prompt.
import type { CompleteAnswers, PathAnswers } from '../../src/recert/answers';
import { formatLongDate, formatMonth } from '../../src/recert/dates';
import { expiresOnFor } from '../../src/recert/rules';
import { cecCount, formatCecs } from '../../src/recert/cecText';
import { examName, wordingFor, type Wording } from '../pathResult';
import { TALK_TO_A_PERSON } from '../interruptibleDialog';
import { expiryAnswerFor } from './problems';
import type { Asking, PathState } from './types';

export const EXAM_CHOICES = ['Online exam', 'Testing-center exam (NCCA)'];
export const CONFIRM_CHOICES = ['Yes', 'Change the date', 'Change the exam', 'Change the CECs'];
export const WHICH_CHOICES = ['The date', 'The exam', 'The CECs', "Nothing, it's right"];
export const YES_NO = ['Yes', 'No'];

/** One question of the loop; `extra` goes into the prompt's options for its reader. */
export interface Question {
  asking: Asking;
  text: string;
  choices?: string[];
  extra?: Record<string, unknown>;
}

/** What is known, in words: "certified March 3, 2025, the online exam and 1.5 CECs". */
export function known(a: PathAnswers): string {
  const parts: string[] = [];
  if (a.certifiedOn) parts.push(`certified ${formatLongDate(a.certifiedOn)}`);
  if (a.earnedVia) parts.push(examName(a.earnedVia));
  if (a.cecsEarned !== undefined) parts.push(cecCount(a.cecsEarned));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts.join('');
}

export function summary(a: CompleteAnswers, today: string): string {
  const expiresOn = expiresOnFor(a.certifiedOn);
  return [
    "Here's what I have:",
    `- Certified on: ${formatLongDate(a.certifiedOn)} (so it ${expiresOn < today ? 'expired' : 'expires'} ${formatLongDate(expiresOn)})`,
    `- Exam: ${examName(a.earnedVia)}`,
    `- CECs earned: ${formatCecs(a.cecsEarned)}`,
  ].join('\n');
}

/** The lapse is said with the first question after the date only (the exam known already: with the CECs). */
function lapsedLeadOnce(state: PathState): boolean {
  return state.asking === 'date' || state.asking === 'day' || state.asking === 'reuse' || state.asking === undefined;
}

/** The next missing thing to ask for, or undefined when all is answered and confirmed (time for the result). */
export function nextQuestion(state: PathState, today: string): Question | undefined {
  const w = wordingFor(state.forSomeoneElse);
  const a = state.answers;
  if (state.offerReuse) {
    const s = state.offerReuse;
    return {
      asking: 'reuse',
      text: `Use the answers you gave last time (certified ${formatLongDate(s.certifiedOn)}, ${examName(s.earnedVia)}, ${cecCount(s.cecsEarned)})?`,
      choices: YES_NO,
    };
  }
  if (state.pendingMonth) {
    const m = state.pendingMonth;
    const [ty, tm] = today.split('-').map(Number);
    const past = m.year * 12 + m.month < ty * 12 + tm;
    const what = m.from === 'expiry' ? (past ? 'did it expire' : 'does it expire') : `${w.wereYou} certified`;
    return {
      asking: 'day',
      text: `Which day in ${formatMonth(m.year, m.month)} ${what}? If ${w.you} don't know, say "don't know" and I'll use the 1st.`,
      extra: { pendingMonth: m },
    };
  }
  if (!a.certifiedOn && state.pendingYear) {
    const y = state.pendingYear;
    return {
      asking: 'date',
      // After "I need at least the month and the year": ask for what is missing, the month (the day is a bonus).
      text: `Which month in ${y} ${w.wereYou} certified? For example: March ${y}, or the exact day if ${w.you} know it (March 3, ${y}).`,
      extra: { pendingYear: y },
    };
  }
  if (!a.certifiedOn) {
    const expiry = expiryAnswerFor(state.futureSaid, today);
    return {
      asking: 'date',
      text: `When ${w.wereYou} certified? (Or tell me when it expires.) For example: March 3, 2025.`,
      choices: expiry ? [expiry] : undefined,
      extra: { futureSaid: expiry ? state.futureSaid : undefined, previousDate: state.previousDate, personAfterMisses: 2 },
    };
  }
  // Once the date alone shows the certification lapsed, that is said at once, with a person (the article doesn't
  // cover lapsed certifications); the exam and CECs are still taken for the support team, if the trainer likes.
  const lapsedOn = a.certifiedOn && (!a.earnedVia || a.cecsEarned === undefined) ? expiresOnFor(a.certifiedOn) : undefined;
  const lapsed = lapsedOn !== undefined && lapsedOn < today;
  const lapsedLead = lapsed
    ? `${w.Your} certification expired on ${formatLongDate(lapsedOn)}, two years after ${w.youWere} certified. The help article doesn't cover lapsed certifications, so I can't give a route for it; a person from our support team can help (choose "${TALK_TO_A_PERSON}"). Or answer the last questions and I'll note them for the support team.\n\n`
    : '';
  if (!a.earnedVia) {
    return {
      asking: 'exam',
      text: `${lapsedLeadOnce(state) ? lapsedLead : ''}Which exam did ${w.you} pass for ${w.your} current certification: the online exam (a certificate) or the NCCA-accredited exam at a testing center?`,
      choices: lapsed ? [...EXAM_CHOICES, TALK_TO_A_PERSON] : EXAM_CHOICES,
      extra: { personAfterMisses: 2 },
    };
  }
  if (a.cecsEarned === undefined) {
    return {
      asking: 'cecs',
      text: `${a.earnedVia && lapsedLeadOnce(state) ? lapsedLead : ''}How many CECs ${w.haveYou} earned since ${w.youWere} certified? (For example 1.5, or "none".)`,
      extra: { personAfterMisses: 2 },
    };
  }
  if (state.choosingItem) return { asking: 'which', text: 'What should I change?', choices: WHICH_CHOICES };
  if (!state.confirmed) return { asking: 'confirm', text: `${summary(a as CompleteAnswers, today)}\n\nIs that right?`, choices: CONFIRM_CHOICES };
  return undefined;
}

/** Help for the prompt being asked ("help" or "why do you need this?" inside the dialog). */
export function helpFor(asking: Asking | undefined, w: Wording): string {
  const tail = ' You can also say "cancel" to stop, "start over", or "talk to a person".';
  switch (asking) {
    case 'date':
      return `I'm asking when ${w.youWere} certified, or when ${w.your} certification expires. A certification runs for two years, so that date tells me the expiry date and whether recertification is due soon.${tail}`;
    case 'day':
      return `I need the day to work out the exact expiry date. If ${w.you} don't know it, say "don't know" and I'll use the 1st of the month.${tail}`;
    case 'exam':
      return `The exam decides the route: after the online exam (a certificate) ${w.you} can recertify by taking the NCCA-accredited exam at a testing center; after the testing-center exam, recertification is by CECs only.${tail}`;
    case 'cecs':
      return `Recertifying by credits needs 2.0 CECs earned within the two-year window. With ${w.your} number I can say how many are still needed. Say "none" if there are none yet.${tail}`;
    case 'confirm':
    case 'which':
      return `I'm checking I understood before working out the route. Say "yes", or tell me what to change (the date, the exam or the CECs).${tail}`;
    case 'reuse':
      return `Last time ${w.you} gave me these answers; say "yes" to use them again or "no" to answer afresh.${tail}`;
    default:
      return `Say "yes" to be connected with a person, or "no".${tail}`;
  }
}
