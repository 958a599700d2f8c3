// Follow-ups about the trainer's own case right after a route check ("how many more CECs do I need?", "when does
// mine expire?", "so what do I do next?"): answered from that check's assessment instead of the article's general
// rule or a new check. Pure: the facts come only from the assessment (expiresOn, status, CECs, open routes).
import type { Assessment } from './assessment';
import { cecCount, formatCecs as cecs } from './cecText';
import { daysBetween, formatLongDate } from './dates';

export type FollowUpKind = 'cecs' | 'expiry' | 'next' | 'status' | 'routes';

// Their own case: "mine", "for me", "my …", or "more / still / left / next / now / again" after a result.
const OWN = /\b(?:mine|for me|my|i|i'm|im|me)\b/;
const AFTER_RESULT = /\b(?:mine|for me|my|more|still|left|remaining|next|now|again|then|so)\b/;
// New facts (a date, a count) are a correction or a new check: the path dialog's, not a follow-up.
const NEW_FACTS = /\d|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:one|two|three|half|none|zero)\b/;
// "check my status", "redo it": a new check, not a question about the last one.
const NEW_CHECK = /\b(?:check|recheck|re-check|redo|re-do|work out|calculate|start)\b/;
// Lapsed, extensions, fees: the FAQ's declines answer those.
const OFF_TOPIC = /\b(?:grace|extension|extend|late|fee|fees|cost|price|pay|lapsed?)\b/;

const KINDS: Array<[FollowUpKind, RegExp]> = [
  // "so how many more do I need?" right after a result: CECs are the only count the check has.
  ['cecs', /\bhow many more\b(?!.*\b(?:times?|years?|months?|weeks?|days?|tries|attempts)\b)|\b(?:how many|how much)\b.*\b(?:cecs?|ceus?|credits?)\b|\b(?:cecs?|ceus?|credits?)\b.*\b(?:left|remaining|to go|still need|more)\b|\benough (?:cecs?|ceus?|credits?)\b/],
  ['expiry', /\b(?:expire|expires|expiry|expiration|deadline|due date|due|run out|runs out|how long (?:do i have|until|till|have i got))\b/],
  ['next', /\bwhat (?:do|should|must|shall|can) i (?:do|need to do|have to do)\b|\bwhat(?:'s| is|s)? (?:next|now)\b|\bnext steps?\b|\bwhat now\b|\bwhere do i go from here\b/],
  ['routes', /\b(?:can|could) i (?:do|take|use|go) (?:the |an )?(?:exam|test)\b|\b(?:my|which|what) (?:options|routes|choices)\b|\b(?:exam|test) route\b.*\b(?:me|mine|i)\b/],
  ['status', /\b(?:am i (?:still )?(?:certified|active|current|valid|ok|okay|good))\b|\bmy status\b|\bwhat(?:'s| is|s) my status\b/],
];

/** The kind of own-situation follow-up this message asks, or undefined (then it is handled as usual). */
export function followUpKind(text: string): FollowUpKind | undefined {
  const t = text.slice(0, 200).toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  if (NEW_FACTS.test(t) || NEW_CHECK.test(t) || OFF_TOPIC.test(t) || !OWN.test(t) || !AFTER_RESULT.test(t)) return undefined;
  return KINDS.find(([, re]) => re.test(t))?.[0];
}


function expiryWords(a: Assessment, today: string): string {
  const on = formatLongDate(a.expiresOn);
  if (a.status === 'expired') return `your certification expired on ${on}`;
  if (a.status === 'due-soon') {
    const days = daysBetween(today, a.expiresOn);
    return days === 0 ? `your certification expires today, ${on}` : `your certification expires on ${on}, in ${days} day${days === 1 ? '' : 's'}`;
  }
  return `your certification expires on ${on}`;
}

function cecWords(a: Assessment): string {
  return a.cecsNeeded > 0
    ? `you have ${cecs(a.cecsEarned)} of the 2.0 CECs, so you still need ${cecs(a.cecsNeeded)}, earned within your two-year time frame`
    : `you have ${cecCount(a.cecsEarned)}, which covers the 2.0 required`;
}

function routeWords(a: Assessment): string {
  const cecRoute =
    a.cecsNeeded > 0
      ? `earn the ${cecCount(a.cecsNeeded)} you still need and submit the recertification application`
      : 'submit the recertification application with your CECs';
  if (a.paths.includes('exam')) {
    const examRoute =
      'because you passed the online exam, take the NCCA-accredited exam at a testing center ' +
      '(no application, no CECs, and the recertification fee is waived)';
    // With the CECs already earned the CEC route is nearly done, so it comes first (as on the result card).
    return a.cecsNeeded > 0 ? `you have two routes: (1) ${examRoute}, or (2) ${cecRoute}` : `you have two routes: (1) ${cecRoute}, or (2) ${examRoute}`;
  }
  return `your route is to ${cecRoute} (the exam route is only for trainers who passed the online exam)`;
}

const LAPSED =
  "The help article doesn't cover lapsed certifications, so I can't say what applies now; a person from our support team can help.";

/** One or two sentences answering `kind` from the last check's assessment; facts only from the assessment. */
export function describeFollowUp(a: Assessment, kind: FollowUpKind, today: string): string {
  const lead = 'Based on your last check: ';
  const expiry = expiryWords(a, today);
  if (a.status === 'expired') return `${lead}${expiry}. ${LAPSED}`;
  switch (kind) {
    case 'cecs':
      return `${lead}${cecWords(a)} (${expiry}).${a.paths.includes('exam') ? ' Or, because you passed the online exam, you can recertify by exam instead, with no CECs needed.' : ''}`;
    case 'expiry':
      return `${lead}${expiry}.`;
    case 'status':
      return `${lead}your certification is ${a.status === 'due-soon' ? 'due soon' : 'active'}: ${expiry}.`;
    case 'routes':
    case 'next':
      return `${lead}${expiry}, and ${routeWords(a)}.`;
  }
}
