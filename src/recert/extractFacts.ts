// Everything a trainer may say in one go: "I was certified on March 3 2025 through the online exam and have 1.5 CECs".
// Also reads answers to the date prompt, so "March 3 2025, online exam" fills the exam as well.
import type { EarnedVia } from './assessment';
import { findCecsInSentence, type CecProblem } from './parseCecs';
import { interpretDates, mayContainDate, normaliseDateText, type DateAnswer, type DateProblem } from './parseDate';
import { parseExam } from './parseExam';
import { recognizeDates } from './recognizers';

export interface Facts {
  /** A full date (certification, or derived from the expiry). */
  certifiedOn?: string;
  /** The date as said: the expiry date when dateFrom is 'expiry'. */
  dateSaid?: string;
  /** A month without a day: the dialog asks for the day. */
  month?: { year: number; month: number; from: 'certified' | 'expiry'; yearless?: boolean };
  dateFrom?: 'certified' | 'expiry';
  dateProblem?: DateProblem;
  /** The date as said when it is the problem (a future certification date: maybe the expiry). */
  dateProblemSaid?: string;
  earnedVia?: EarnedVia;
  cecsEarned?: number;
  cecsProblem?: CecProblem;
}

// In a sentence, "my certificate" / "full certification" name the credential, not the exam taken: only the
// exam prompt reads them as exam answers.
const CREDENTIAL_WORDS = /\b(certificates?|full certification)\b/g;

export function extractFacts(text: string, today: string, locale?: string): Facts {
  const capped = normaliseDateText(text, today);
  const facts: Facts = {};
  let spans: Array<{ start: number; end: number }> = [];
  if (mayContainDate(capped)) {
    const entities = recognizeDates(capped, today, locale);
    spans = entities; // numbers inside any date or duration are not CECs
    const answer: DateAnswer | undefined = interpretDates(capped, entities, today);
    if (answer?.kind === 'date') {
      facts.certifiedOn = answer.certifiedOn;
      facts.dateSaid = answer.said;
      facts.dateFrom = answer.from;
    } else if (answer?.kind === 'month') {
      facts.month = { year: answer.year, month: answer.month, from: answer.from, ...(answer.yearless ? { yearless: true } : {}) };
      facts.dateFrom = answer.from;
    } else if (answer?.kind === 'problem') {
      facts.dateProblem = answer.problem;
      if (answer.said) facts.dateProblemSaid = answer.said;
    }
  }
  const exam = parseExam(capped.replace(CREDENTIAL_WORDS, ' '));
  if (exam === 'online-exam' || exam === 'testing-center-exam') facts.earnedVia = exam;
  const cecs = findCecsInSentence(capped, spans, locale);
  if (cecs?.kind === 'cecs') facts.cecsEarned = cecs.value;
  else if (cecs?.kind === 'problem') facts.cecsProblem = cecs.problem;
  return facts;
}
