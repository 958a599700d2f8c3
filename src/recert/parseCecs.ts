// The CEC answer: digits or words ("1.5", "one and a half", "none", "2 CECs").
import { MAX_CECS } from './answers';
import { capText, recognizeNumbers, type NumberEntity } from './recognizers';

export type CecProblem = 'unreadable' | 'negative' | 'too-many' | 'several' | 'hours' | 'programs';
export type CecAnswer = { kind: 'cecs'; value: number } | { kind: 'problem'; problem: CecProblem };

const NONE = /^(?:i (?:have|got|earned)\s+)?(none|zero|nothing|nil|not any|no(?:ne)? (?:cecs?|credits?|ceus?)(?: yet)?|(?:i )?(?:don'?t|do not|haven'?t|have not) (?:got |have |earned |gotten )?any(?: yet)?(?: cecs?| credits?)?(?: yet)?)\b/i;
const NUMBER_WORDS = /\d|\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|half|quarter|point|minus|negative)\b/i;

export function mayContainNumber(text: string): boolean {
  return NUMBER_WORDS.test(capText(text));
}

// Bare "no" / "not yet" answers the question "how many?" with none; "no, I have 2" does not.
const BARE_NONE =
  /^(?:no|nope|nah|not yet|none so far|zero so far|nothing yet|no cecs? yet|(?:i )?(?:haven'?t|have not|did not|didn'?t|not) (?:started|begun|done any|taken any|earned any|got any)(?: yet)?(?: cecs?| credits?)?(?: yet)?)\W*$/i;

// "nope, none" / "no - zero": a leading no before the real answer.
const LEADING_NO = /^(?:no|nope|nah|um+|well|sadly|unfortunately)\b[\s,.!-]+(?=\S)/i;

export function saysNone(text: string): boolean {
  const t = capText(text).trim();
  const rest = t.replace(LEADING_NO, '');
  return BARE_NONE.test(t) || NONE.test(t) || (rest !== t && (BARE_NONE.test(rest) || NONE.test(rest)));
}

// Contact hours are not CECs, and the article gives no conversion: ask for the CEC number instead of guessing.
const HOURS = /\b(?:contact\s+)?(?:hours?|hrs?)\b/i;
const CEC_WORD_ONE = /\b(cecs?|ceus?|credits?)\b/i;

/** "1 and a half" comes back as 1 and 0.5; "a half" after a number adds to it. */
function combine(numbers: NumberEntity[], text: string): number[] {
  const values: number[] = [];
  for (const n of numbers) {
    const joinsPrevious = /^(?:and )?a half$/.test(n.text.trim()) || /\band\s*$/.test(text.slice(0, n.start));
    if (values.length > 0 && n.value === 0.5 && joinsPrevious) values[values.length - 1] += 0.5;
    else values.push(n.value);
  }
  return values;
}

export function checkCecs(value: number): CecAnswer {
  if (value < 0) return { kind: 'problem', problem: 'negative' };
  if (value > MAX_CECS) return { kind: 'problem', problem: 'too-many' };
  return { kind: 'cecs', value: Math.round(value * 100) / 100 };
}

// "probably none", "maybe 1.5", "I think 2", "around 1", "about one and a half": the answer is what the hedge
// qualifies; an estimate is still the trainer's answer (they confirm it before the result).
const HEDGE_LEAD = /^(?:(?:probably|prob|maybe|perhaps|likely|i think|i guess|i'd say|i believe|roughly|approximately|approx|around|about|like|um+|uh+|hmm+)\b[\s,.]*)+/;
// The same inside the answer ("I have probably none", "none I think"); "like" only leads ("I'd like" is not a hedge).
const HEDGE_INSIDE = /\b(?:probably|maybe|perhaps|i think|i guess|i'd say|i believe|roughly|approximately|approx|around|about)\b[\s,.]*/g;
// "the online one", "that one": a pronoun for an exam, not one CEC.
const PRONOUN_ONE = /\b(the|that|this|other|another|first|second|same|online|cent(?:er|re)|proctored|ncca|exam)\s+one\b/g;

/** Blanks the "one" of "the online one" with spaces, so positions (date spans) still line up. */
function blankPronounOne(text: string): string {
  return text.replace(PRONOUN_ONE, (whole: string, word: string) => word + ' '.repeat(whole.length - word.length));
}

/** The answer without hedges and pronoun "one"s, lower-cased and trimmed. */
export function unhedgeCecAnswer(text: string): string {
  const lower = capText(text).toLowerCase().replace(/[’‘]/g, "'").trim();
  return blankPronounOne(lower.replace(HEDGE_LEAD, '').replace(HEDGE_INSIDE, ' ')).replace(/\s+/g, ' ').trim();
}

// "20 months ago", "6 weeks", "two years back": a number with a time unit is a time (a date, said as a correction),
// never a count of CECs.
const DURATION =
  /\b(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|a few|a couple(?: of)?)\s*(?:days?|weeks?|wks?|months?|mos?|years?|yrs?)\b(?:\s+(?:ago|back|before|earlier))?/gi;

/** Whether the text names a time ago ("20 months ago"): a date, not a count. */
export function saysTimeAgo(text: string): boolean {
  return /\b(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|a few|a couple(?: of)?)\s*(?:days?|weeks?|wks?|months?|mos?|years?|yrs?)\s+(?:ago|back|before|earlier)\b/i.test(capText(text));
}

// "3 of the self study ones", "two courses", "4 webinars": a count of programs, not of CECs (the article doesn't say
// how many CECs a program gives).
const PROGRAM_COUNT =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple(?: of)?|several)\s+(?:of\s+(?:the|those|them|these)\s+)?(?:[a-z'-]+\s+){0,3}?(?:programs?|programmes?|class(?:es)?|courses?|ones|modules?|webinars?|workshops?|seminars?|sessions?|lessons?|self[- ]?stud(?:y|ies))\b/i;

/** Whether the answer counts programs or classes with no number of CECs next to a CEC word. */
export function countsPrograms(text: string, locale?: string): boolean {
  const t = unhedgeCecAnswer(text);
  return PROGRAM_COUNT.test(t) && findCecsInSentence(t, [], locale) === undefined;
}

// "it's 1.0 not 1.5", "1 instead of 1.5": the number corrected away is no answer.
const REJECTED_NUMBER =
  /\b(?:not|isn'?t|wasn'?t|instead of|rather than)\s+(?:\d+(?:\.\d+)?|\.\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*(?:cecs?|ceus?|credits?))?\b/gi;

/** Reads an answer to "how many CECs have you earned?". */
export function parseCecs(text: string, locale?: string): CecAnswer {
  const capped = unhedgeCecAnswer(text).replace(DURATION, ' ').replace(REJECTED_NUMBER, ' ').replace(/\s+/g, ' ').trim();
  if (saysNone(capped)) return { kind: 'cecs', value: 0 };
  if (!mayContainNumber(capped)) return { kind: 'problem', problem: 'unreadable' };
  if (HOURS.test(capped) && !CEC_WORD_ONE.test(capped)) return { kind: 'problem', problem: 'hours' };
  if (countsPrograms(capped, locale)) return { kind: 'problem', problem: 'programs' };
  // "-1" and "negative 1": the recognizer reads the sign from "minus" but not always from "negative".
  const normalised = capped.replace(/\bnegative\s+/g, 'minus ');
  const values = [...new Set(combine(recognizeNumbers(normalised, locale), normalised))];
  if (values.length === 0) return { kind: 'problem', problem: 'unreadable' };
  if (values.length > 1) {
    // "2 online classes, so 1 CEC": the number next to the word CEC is the answer.
    const near = findCecsInSentence(capped, [], locale);
    return near ?? { kind: 'problem', problem: 'several' };
  }
  return checkCecs(values[0]);
}

const CEC_WORD = /\b(cecs?|ceus?|credits?|continuing education)\b/gi;

/**
 * CECs inside a longer sentence ("... and have 1.5 CECs"): only a number next to the word CEC/credit,
 * outside the spans already read as dates.
 */
export function findCecsInSentence(text: string, dateSpans: Array<{ start: number; end: number }>, locale?: string): CecAnswer | undefined {
  const capped = blankPronounOne(capText(text).toLowerCase());
  const words = [...capped.matchAll(CEC_WORD)];
  if (words.length === 0) return undefined;
  if (/\b(no|zero|none|not any|haven'?t (?:got |earned )?any|don'?t have any)\s+(?:cecs?|ceus?|credits?)\b/.test(capped) || /\b(cecs?|credits?)\s*(?::|=)?\s*(none|zero)\b/.test(capped)) {
    return { kind: 'cecs', value: 0 };
  }
  const normalised = capped.replace(/\bnegative\s+/g, 'minus ');
  const inDate = (n: NumberEntity): boolean => dateSpans.some((s) => n.start <= s.end && n.end >= s.start);
  const numbers = recognizeNumbers(normalised, locale).filter((n) => !inDate(n));
  const values = combine(numbers, normalised).map((value, i) => ({ value, n: numbers[i] }));
  let best: { value: number; distance: number } | undefined;
  for (const w of words) {
    const at = w.index ?? 0;
    for (const { value, n } of values) {
      if (!n) continue;
      const gap = n.end < at ? capped.slice(n.end + 1, at) : capped.slice(at + w[0].length, n.start);
      if (gap.length > 12 || /[.;!?]/.test(gap)) continue; // "1.5 CECs", "CECs: 2", "2 total CECs"
      const distance = gap.length;
      if (!best || distance < best.distance) best = { value, distance };
    }
  }
  return best ? checkCecs(best.value) : undefined;
}
