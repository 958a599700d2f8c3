// Does a message describe the trainer's own situation ("I was certified on June 20 2024 …", "mine expires in
// March", "I have 1.5 CECs, what now?") or ask for their own route ("what do I need to do to recertify?",
// "when is my recertification due?")? Then the path dialog, which works out *their* route, helps more than a
// general FAQ answer (the main dialog still gives the article's general rule first when the FAQ is confident).
import { extractFacts } from './extractFacts';
import { findCecsInSentence } from './parseCecs';
import { mayContainDate, mayContainDateWords } from './parseDate';

const FIRST_PERSON = /\b(i|i'm|im|i've|ive|i'd|my|me|mine)\b/i;
// Lapsed certifications are outside the article: the FAQ's decline (with an offer of a person) answers those.
// "about to run out" / "before it runs out" is still active: only a past run-out is lapsed.
const LAPSED = /\b(lapsed?|expired|ran out|(?<!(?:about|going|gonna|due|set) to |will |before it |soon )run out)\b/i;
// "has my cert expired?", "is my certification lapsed?": asking their own status, which the path works out.
const ASKS_IF_LAPSED = /^(?:\W*(?:hi|hello|hey)\W+)*(?:has|is|did) my (?:\w+ )?(?:certification|certificate|cert|credential) (?:already )?(?:expired|lapsed|run out|ran out)\W*$/i;
const ABOUT_CERTIFICATION = /\b(certif\w*|cert|expir\w*|renew\w*|recert\w*|passed|qualified)\b/i;
const ABOUT_RECERTIFYING = /\b(certif\w*|cert|expir\w*|renew\w*|recert\w*|cecs?|ceus?|credits?|exam)\b/i;

// Questions about one's own route or dates, read on a normalised lower-case text; no recognizer needed.
// Kept narrow: a general question phrased with "I" ("how often do I need to renew?") stays the FAQ's, and so
// do off-topic ones that mention "my" ("when will my printed certificate arrive?").
const OWN_ROUTE = [
  /\bwhat (?:do|should|must|shall) i (?:still )?(?:need to |have to |got to |gotta )?do\b/,
  /\bwhen (?:do|should|must) i (?:need to |have to )?(?:recertify|recert|renew|re-?certify)\b/,
  /(?:^|[,.!?;:]\s*|\band |\bso )i(?:'d| would)? (?:want|need|like|wanna|plan|hope) to (?:renew|recertify|recert|get recertified|get re-?certified)\b/,
  /\bi need help (?:with )?(?:my )?(?:renew\w*|recert\w*)/,
  /\bwhen i (?:have|need) to (?:renew|recertify|recert)\b/,
  /\b(?:certif\w*|cert)\b.*\b(?:what(?:'s|s| is| comes)?) (?:now|next)\b/,
  /\bhelp me (?:to )?(?:renew|recertify|recert|get recertified)\b/,
  /\b(?:am i|i'm|i am) (?:due|overdue|eligible)\b/,
  // "am I still certified?", "am i on track for recertification?": a yes/no about themselves.
  /\bam i (?:still )?(?:certified|current|active|valid|in good standing|up to date|on track)\b/,
  // "do i need to recertify yet": "yet" / "already" make it about their own timing, not the rule.
  /\b(?:do|should) i (?:need|have|got) to (?:recertify|recert|renew|re-?certify)(?: \w+)? (?:yet|already)\b/,
  /\b(?:what'?s|what is|when is|tell me|work out|calculate|figure out|find out|check) my (?:\w+ )?(?:deadline|due date|renewal date|expiry date|expiration date|expiry|expiration|status)\b/,
  /^(?:\W*(?:hi|hello|hey)\W+)*(?:is|has) my (?:\w+ )?(?:certification|certificate|cert|credential) (?:still )?(?:valid|active|current|due|good|ok|okay|in good standing|up to date)\W*$/,
  /^(?:\W*(?:hi|hello|hey)\W+)*(?:is|has) my (?:\w+ )?(?:certification|certificate|cert|credential) (?:still )?(?:valid|active|current|due)\b/,
  /\bwhen(?:'s|s| does| is) my (?:\w+ )?(?:certification|certificate|cert|credential|recertification|renewal)\b/,
  /\bhow (?:long|much time) (?:until|till|do i have|have i got|is left)\b/,
  /\bhow many (?:more )?(?:cecs?|ceus?|credits?) (?:do i still|do i have left|more do i|are left|have i got left|remain)\b/,
  /\bhow many more (?:cecs?|ceus?|credits?) (?:do|will|should) i\b/,
  /\b(?:do i have|have i (?:got|earned)) enough (?:cecs?|ceus?|credits?)\b/,
  // "what are my options for recertifying?" (a bare "what are my options" is the help menu: no recert word).
  /\bwhat (?:are|r) my (?:\w+ )?(?:options|choices|routes)\b/,
  /\bwhere (?:am i|i am|i'm) (?:at )?with my\b|\bwhere do i stand\b/,
  // "let me redo it, I got more CECs", "update my CECs", "I have more credits now": their check done again.
  /\b(?:re-?do|update|re-?check|re-?run|re-?calculate|check again)\b.*\b(?:cecs?|ceus?|credits?|date|exam|check|status|answers)\b/,
  /\bi(?:'ve| have)? (?:got|earned|have|completed|did|done) (?:some |a few |a couple (?:of )?)?more (?:cecs?|ceus?|credits?)\b/,
];
// Their own expiry, whatever else the sentence says ("how do I know when my certification expires?").
const OWN_EXPIRY = [
  /\bwhen my (?:\w+ )?(?:certification|certificate|cert|credential|recertification|renewal) (?:expires|will expire|runs out|is due|ends)\b/,
  /\bmy (?:\w+ )?(?:certification|certificate|cert|credential) (?:expires|is expiring|will expire|runs out|is running out|is due|is about to expire)\b/,
];
// General questions phrased with "I" ("how many CECs do I need to recertify?") are the FAQ's.
const GENERAL = /\b(?:how often|how frequently|how do|how does|how can|how would|why|how many|how much|annually|every|besides|instead)\b/;
// What happens after expiry, extensions, late fees: outside the article, the FAQ declines and offers a person.
const OFF_ROUTE = /\b(?:grace|extension|extend|late|penalt\w*|after (?:my|it|the|that))\b/;
const STILL = /\b(?:still|left|remaining|more)\b/;

function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

export function asksAboutOwnRoute(text: string): boolean {
  const t = normalise(text.slice(0, 300));
  if (!FIRST_PERSON.test(t) || !ABOUT_RECERTIFYING.test(t) || LAPSED.test(t)) return false;
  if (OFF_ROUTE.test(t)) return false;
  if (OWN_EXPIRY.some((re) => re.test(t))) return true;
  if (GENERAL.test(t) && !STILL.test(t)) return false;
  return OWN_ROUTE.some((re) => re.test(t));
}

// A terse opener that states their own certification ("certified 02/14/25", "got certified Dec '24", "certified last
// summer"): no "I", but a bare "certified <when>" at the start can only be the trainer's own date.
const TERSE_CERTIFIED = /^\W*(?:(?:i|we)\s+)?(?:(?:was|got|became|been|have been|'ve been)\s+)?(?:certified|cert'?d)\b(?!\s+(?:trainers?|people|professionals?|personal)\b)/i;

const OTHER_FACT_WORDS = /\b(online|testing|exam|proctored|ncca|cecs?|ceus?|credits?)\b/i;

// "I have 1.5 CECs", "I've earned 2 credits": a count of their own.
const OWN_COUNT = /\b(?:i (?:have|got|earned|completed|did|only have|already have|currently have)|i'?ve (?:got |earned |completed |done |only got )?|my)\b/i;

export function describesOwnSituation(text: string, today: string, locale?: string): boolean {
  if (ASKS_IF_LAPSED.test(normalise(text.slice(0, 300)))) return true;
  if (LAPSED.test(text)) return false;
  if (asksAboutOwnRoute(text)) return true;
  // Cheap checks first: the date recognizer stays off messages that cannot carry a date or a CEC count.
  const firstPerson = FIRST_PERSON.test(text);
  const terse = TERSE_CERTIFIED.test(text);
  const mayCarryDate = ABOUT_CERTIFICATION.test(text) && (firstPerson || terse || OTHER_FACT_WORDS.test(text)) && mayContainDate(text);
  const mayCarryCecs = OWN_COUNT.test(text) && /\d|\b(?:one|two|three|half|zero|none)\b/i.test(text) && /\b(cecs?|ceus?|credits?)\b/i.test(text);
  if (!mayCarryDate && !mayCarryCecs) return false;
  // A CEC count alone needs only the number next to the word CEC, not the date recognizer.
  if (!mayCarryDate && !mayContainDateWords(text)) return findCecsInSentence(text, [], locale)?.kind === 'cecs';
  const facts = extractFacts(text, today, locale);
  // A date of their own: "I was certified …", or an impersonal statement with more facts ("certified 2025-03-03 via online exam").
  if (mayCarryDate && (facts.certifiedOn || facts.month) && (firstPerson || terse || facts.earnedVia || facts.cecsEarned !== undefined)) return true;
  // "certified 2025", "certified last summer": their own date, too rough to use; the path asks for it precisely.
  if (terse && mayCarryDate && (facts.dateProblem === 'year-only' || facts.dateProblem === 'vague')) return true;
  return mayCarryCecs && facts.cecsEarned !== undefined;
}
