// Does a message describe the trainer's own dates ("I was certified on June 20 2024 …", "mine expires in
// March")? Then the path dialog, which works out *their* route, helps more than a general FAQ answer.
import { extractFacts } from './extractFacts';
import { mayContainDate } from './parseDate';

const FIRST_PERSON = /\b(i|i'm|im|i've|ive|my|me|mine)\b/i;
// Lapsed certifications are outside the article: the FAQ's decline (with an offer of a person) answers those.
const LAPSED = /\b(lapsed?|expired|ran out|run out)\b/i;
const ABOUT_CERTIFICATION = /\b(certif\w*|cert|expir\w*|renew\w*|recert\w*|passed|qualified)\b/i;

export function describesOwnSituation(text: string, today: string, locale?: string): boolean {
  // Cheap checks first: the date recognizer stays off messages that cannot carry a date.
  if (!FIRST_PERSON.test(text) || !ABOUT_CERTIFICATION.test(text) || LAPSED.test(text) || !mayContainDate(text)) return false;
  const facts = extractFacts(text, today, locale);
  return Boolean(facts.certifiedOn || facts.month);
}
