// Which exam a message says the trainer THEMSELVES passed ("I'm fully certified (testing center exam)", "I took the
// proctored one at Pearson", "can I take the testing center exam again?"), as opposed to an exam they ask about
// taking ("can I recertify at a testing center?", "what if I take the online exam this time?"). The exam words are
// read by parseExam; this only decides whether the message is about their own past exam.
import type { EarnedVia } from './assessment';
import { parseExam } from './parseExam';

// First person, then a past-tense verb of passing or certifying within a few words ("I passed", "I was certified
// through", "my cert is from"), or a retake ("again", "retake", "same exam") which presumes they took it.
const OWN_PAST =
  /\b(?:i|i'm|im|i've|ive|my|mine)\b(?:\s+[\w'()-]+){0,4}?\s+(?:passed|took|taken|did|done|sat|wrote|certified|earned|got|is from|was from|came from)\b|\b(?:again|retake|re-take|redo|re-do|second time|same (?:exam|test))\b/i;
// "I'm fully certified": full certification comes from the NCCA-accredited exam at a testing center.
const FULLY_CERTIFIED = /\b(?:i'?m|i am|i'?ve been|i was|i got)\s+(?:already\s+)?fully certified\b|\bmy full certification\b/i;

export function statedOwnExam(text: string): EarnedVia | undefined {
  const t = text.slice(0, 300).replace(/[’‘]/g, "'");
  if (!OWN_PAST.test(t) && !FULLY_CERTIFIED.test(t)) return undefined;
  const exam = parseExam(t);
  if (exam === 'online-exam' || exam === 'testing-center-exam') return exam;
  return FULLY_CERTIFIED.test(t) ? 'testing-center-exam' : undefined;
}
