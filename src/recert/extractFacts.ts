// Everything a trainer may say in one go: "I was certified on March 3 2025 through the online exam and have 1.5 CECs".
import type { EarnedVia } from './assessment';
import { findCecsInSentence, type CecProblem } from './parseCecs';
import { interpretDates, mayContainDate, normaliseDateText, type DateAnswer, type DateProblem } from './parseDate';
import { parseExam } from './parseExam';
import { recognizeDates } from './recognizers';

export interface Facts {
  /** A full date (certification, or derived from the expiry). */
  certifiedOn?: string;
  /** A month without a day: the dialog asks for the day. */
  month?: { year: number; month: number; from: 'certified' | 'expiry' };
  dateFrom?: 'certified' | 'expiry';
  dateProblem?: DateProblem;
  earnedVia?: EarnedVia;
  cecsEarned?: number;
  cecsProblem?: CecProblem;
}

export function extractFacts(text: string, today: string, locale?: string): Facts {
  const capped = normaliseDateText(text);
  const facts: Facts = {};
  let spans: Array<{ start: number; end: number }> = [];
  if (mayContainDate(capped)) {
    const entities = recognizeDates(capped, today, locale);
    spans = entities; // numbers inside any date or duration are not CECs
    const answer: DateAnswer | undefined = interpretDates(capped, entities, today);
    if (answer?.kind === 'date') {
      facts.certifiedOn = answer.certifiedOn;
      facts.dateFrom = answer.from;
    } else if (answer?.kind === 'month') {
      facts.month = { year: answer.year, month: answer.month, from: answer.from };
      facts.dateFrom = answer.from;
    } else if (answer?.kind === 'problem') facts.dateProblem = answer.problem;
  }
  const exam = parseExam(capped);
  if (exam === 'online-exam' || exam === 'testing-center-exam') facts.earnedVia = exam;
  const cecs = findCecsInSentence(capped, spans, locale);
  if (cecs?.kind === 'cecs') facts.cecsEarned = cecs.value;
  else if (cecs?.kind === 'problem') facts.cecsProblem = cecs.problem;
  return facts;
}
