// The words the path dialog's readers look for in an answer (yes / no, the item to change, exam or class words).
import type { Item } from './types';

// A CEC class taken online is not the online exam: exam words are needed before a stray "online" counts.
export const EXAM_WORDS = /\b(exam|test(?:ing)?|proctor\w*|ncca|prometric|certif\w*|cert)\b/i;
export const CLASS_WORDS = /\b(class(?:es)?|courses?|programs?|programmes?|webinars?|seminars?|workshops?|modules?)\b/i;
export const ONLINE_WORD = /\bon-?line\b/i;
export const CENTER_WORD = /\b(test(?:ing)?[\s-]*cent(?:er|re)|ncca|proctored|in[\s-]person)\b/i;
// After "that date is still ahead; if it's when it expires, say so": "oh, that's when it expires", "it's the renewal date".
export const SAYS_EXPIRY = /\b(expir\w*|runs? out|renew\w*|due|end date|ends)\b/;

export const YES =
  /^(?:👍|✅|yes|y|yep|yeah|yea|yup|ya|sure|ok|okay|k|correct|right|true|fine|great|good|absolutely|definitely|indeed|affirmative|of course|spot on|that'?s (?:it|right|correct|all (?:right|correct))|that is (?:right|correct|it)|it(?:'s| is) (?:right|correct|all (?:right|correct))|looks (?:good|right|correct|fine)|sounds (?:good|right)|all (?:good|correct|right|fine|ok)|everything(?:'s| is) (?:right|correct|fine|ok)|confirm(?:ed)?|exactly|perfect|use them|nothing)(?=$|[^a-z0-9])/;
export const NO = /^(?:no|n|nope|nah|not (?:quite|really|right)|wrong|incorrect|that'?s (?:wrong|not right)|don'?t)\b/;
export const ITEM_WORDS: Array<[Item, RegExp]> = [
  ['cecs', /\b(cecs?|ceus?|credits?|continuing education)\b/],
  ['exam', /\b(exam|test|online|testing|cent(?:er|re)|proctored|ncca)\b/],
  ['date', /\b(dates?|when|certified|certification date|expir\w*|day|month|year)\b/],
];

export function lower(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").trim();
}

export function itemMentioned(text: string): Item | undefined {
  return ITEM_WORDS.find(([, re]) => re.test(text))?.[0];
}

// "I don't remember", "no idea": where the date may be found, the month alone being enough, or a person.
export const DONT_KNOW_DATE = /^(?:(?:um+|hmm+|well|sorry|honestly)[\s,.]+)*(?:i\s+)?(?:don'?t|do not|can'?t|cannot|really don'?t)\s+(?:remember|recall|know|member)\b|^(?:no idea|not sure|unsure|dunno|idk|no clue|forgot|i forgot|i'?m not sure|i have no idea)\b/;
export const MONTH_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/;

// "neither", "I was grandfathered in": a certification that came neither way; the article covers only the two exams.
export const NEITHER_EXAM = /\b(neither|none of (?:them|those|these|the two|the above)|not either|grandfather\w*|something else|another way|other way|different (?:exam|way|route))\b/i;

// "Check my recertification status" (a stale button or the opener typed again) while a check is running.
export const STARTS_CHECK = /^\W*(?:please\s+)?(?:check|work out|calculate|find out)\s+my\s+(?:\w+\s+)?(?:status|route|path|options)\W*$/i;

export function alreadyChecking(your: string): string {
  return `We're already checking ${your} recertification:`;
}
