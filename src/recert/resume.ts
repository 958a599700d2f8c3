// A route check left half-way (the trainer asked for a person, or cancelled) keeps its answers in user state next
// to the complete ones. Afterwards, a bare answer to the question that was open ("online exam", "1.5", "March 3
// 2025") continues the check instead of being read as an FAQ question.
import type { PathAnswers } from './answers';
import { extractFacts } from './extractFacts';
import { mayContainNumber, parseCecs } from './parseCecs';
import { mayContainDate } from './parseDate';
import { parseExam } from './parseExam';

export type PathItem = 'date' | 'exam' | 'cecs';

/** The question the path dialog asks next for these answers (date, then exam, then CECs). */
export function nextMissing(answers: PathAnswers): PathItem | undefined {
  if (!answers.certifiedOn) return 'date';
  if (!answers.earnedVia) return 'exam';
  if (answers.cecsEarned === undefined) return 'cecs';
  return undefined;
}

export function hasAnyAnswer(answers: PathAnswers | undefined): answers is PathAnswers {
  return !!answers && (answers.certifiedOn !== undefined || answers.earnedVia !== undefined || answers.cecsEarned !== undefined);
}

// Questions and long messages are the FAQ's; an answer to a path question is short.
const MAX_ANSWER_CHARS = 80;
const QUESTION = /\?|^\W*(?:what|when|where|why|how|who|which|can|could|do|does|did|is|are|will|should|would|am)\b/i;
const NONE_WORD = /\b(?:none|zero|nothing)\b/i;

/** Cheap test, no recognizer: could this message answer some path question at all? (Gate for reading user state.) */
export function mayAnswerPathQuestion(text: string): boolean {
  if (text.length > MAX_ANSWER_CHARS || QUESTION.test(text)) return false;
  return parseExam(text) !== undefined || mayContainNumber(text) || NONE_WORD.test(text) || mayContainDate(text);
}

/**
 * The message read as the answer to the question left open by `unfinished`: the answers it gives, or undefined
 * when it does not answer that question (then it is not taken from the FAQ).
 */
export function answerToOpenQuestion(unfinished: PathAnswers, text: string, today: string, locale?: string): PathAnswers | undefined {
  if (!mayAnswerPathQuestion(text)) return undefined;
  switch (nextMissing(unfinished)) {
    case 'exam': {
      const exam = parseExam(text);
      return exam === 'online-exam' || exam === 'testing-center-exam' ? { earnedVia: exam } : undefined;
    }
    case 'cecs': {
      // A bare "no" is not "no CECs" out of context: a number or "none" is needed.
      if (!mayContainNumber(text) && !NONE_WORD.test(text)) return undefined;
      const cecs = parseCecs(text, locale);
      return cecs.kind === 'cecs' ? { cecsEarned: cecs.value } : undefined;
    }
    case 'date': {
      const facts = extractFacts(text, today, locale);
      if (facts.certifiedOn) return { certifiedOn: facts.certifiedOn };
      // A month alone ("March 2025"): the path dialog reads it from the message and asks for the day.
      return facts.month ? {} : undefined;
    }
    default:
      return undefined;
  }
}
