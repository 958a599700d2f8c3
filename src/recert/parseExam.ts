// The exam-history answer: the online exam (a certificate) or the NCCA-accredited testing-center exam.
import type { EarnedVia } from './assessment';
import { distance } from '../faq/spelling';
import { capText } from './recognizers';

const ONLINE = /\b(on-?line|internet|web|website|at home|from home|remote(?:ly)?|home exam|certificate|virtual(?:ly)?|(?:my|a|the|own|home) (?:computer|laptop|pc)|webcam|zoom|digital)\b/;
const TESTING_CENTER = /\b(test(?:ing)?[\s-]*(?:cent(?:er|re)s?|site|facility)|exam (?:cent(?:er|re)|site)|proctored|proctor|in[\s-]person|ncca|accredited|prometric|psi|pearson|full certification)\b/;
const UNSURE = /\b(don'?t know|do not know|not sure|no idea|unsure|dunno|idk|can'?t remember|don'?t remember|which one)\b/;
// "not online", "didn't do it online": drop the negated option before matching.
const NEGATED = /\b(?:not|never|didn'?t|did not|wasn'?t|was not|no)\b(?:\s+\w+){0,3}?\s+(on-?line|(?:at a |in a |the )?test(?:ing)?[\s-]*cent(?:er|re)|in[\s-]person|proctored)/g;

// Typed in a hurry ("onlin exam", "tesing center", "testing cener", "procterd"): a word of five letters or more
// one edit from an exam's key word (two for long ones), with the same first letter, is read as that word. Real
// words that close to a key word ("tasting", "texting") stay as typed, and the rest of the answer must still name
// an exam the usual way (a lone "tesing" is not the testing center).
const EXAM_KEY_WORDS = ['online', 'testing', 'center', 'centre', 'proctored', 'proctor', 'accredited', 'prometric'];
const REAL_WORDS = new Set(['tasting', 'texting', 'tenting', 'tested', 'tester', 'testes', 'cents', 'proctors', 'onion', 'onset']);

function correctExamTypos(lowered: string): string {
  return lowered.replace(/[a-z]{5,}/g, (word) => {
    if (REAL_WORDS.has(word) || EXAM_KEY_WORDS.includes(word)) return word;
    const key = EXAM_KEY_WORDS.find((k) => {
      const limit = k.length >= 8 ? 2 : 1;
      return k[0] === word[0] && distance(word, k, limit) <= limit;
    });
    return key ?? word;
  });
}

export type ExamAnswer = EarnedVia | 'unsure' | undefined;

export function parseExam(text: string): ExamAnswer {
  const lowered = correctExamTypos(capText(text).toLowerCase());
  const negated = [...lowered.matchAll(NEGATED)].map((m) => m[1]);
  const stripped = lowered.replace(NEGATED, ' ');
  const online = ONLINE.test(stripped);
  const center = TESTING_CENTER.test(stripped);
  // "online proctored": the online exam, proctored remotely.
  if (online && center && /\bon-?line\b[\s-]*proctor/.test(stripped) && !/test(?:ing)?[\s-]*cent/.test(stripped)) return 'online-exam';
  if (online && !center) return 'online-exam';
  if (center && !online) return 'testing-center-exam';
  if (!online && !center && negated.length === 1) {
    return /on-?line/.test(negated[0]) ? 'testing-center-exam' : 'online-exam';
  }
  if (UNSURE.test(lowered)) return 'unsure';
  return undefined;
}
