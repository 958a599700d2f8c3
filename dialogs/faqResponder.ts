// One FAQ turn: answer (high), "Did you mean" (middle) or an honest decline with a person offered (low).
// Remembers the pending "Was this helpful?" / "Did you mean" in FaqTurnState so typed replies work in
// plain-text channels as well as button clicks (imBack sends the button title as text).
import { Activity, CardAction, CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import type { Links, LinkKey } from '../src/config';
import type { Logger } from '../src/logger';
import type { FaqEngine, FaqResult } from '../src/faq/engine';
import type { FeedbackLog } from '../src/faq/feedbackLog';
import { entryForExam, type FaqAction, type KnowledgeEntry, type Vocabulary } from '../src/faq/knowledge';
import type { EarnedVia } from '../src/recert/assessment';
import { statedOwnExam } from '../src/recert/ownExam';
import { createTextProcessor, type TextProcessor } from '../src/faq/text';

export const TALK_TO_PERSON = 'Talk to a person';
export const NONE_OF_THESE = 'None of these';
export const YES = 'Yes';
export const NO = 'No';
export const HELPFUL_PROMPT = 'Was this helpful?';
export const DID_YOU_MEAN = 'Did you mean…';
export const NOT_COVERED_TEXT =
  "Sorry, the help article on recertification doesn't cover that, so I can't give you a reliable answer.";
export const PERSON_OFFER_TEXT =
  'A person from our support team can help: choose "Talk to a person", or submit a request on the help center.';
export const THANKS_FOR_FEEDBACK = 'Thanks for letting me know!';
export const SORRY_NOT_HELPFUL = "Sorry that didn't help. You can ask it another way, or talk to a person.";
export const SEE_ALSO_TEXT = 'The help article does say something related:';

const MISSES_BEFORE_OFFER = 2;
/** The smalltalk entry for a bare "ok" / "cool" (knowledge/entries/smalltalk.yaml). */
const ACKNOWLEDGED = 'acknowledged';

/** Kept by the caller in conversation state (property `faq`); plain JSON. */
export interface FaqTurnState {
  /** consecutive turns without a useful answer */
  misses: number;
  pending?:
    | { kind: 'feedback'; entryId: string }
    | { kind: 'clarify'; options: { id: string; question: string }[] }
    /** a person was just offered: a bare "yes" accepts; entryId: the answer the trainer said didn't help */
    | { kind: 'offer'; entryId?: string };
  /** the last answer's related-question buttons, so "the second one" picks one */
  related?: { id: string; question: string }[];
  /** the faq entry answered last: context for a short follow-up ("whats the password" after the upload answer) */
  lastEntryId?: string;
  /**
   * the exam the trainer said they passed in this conversation, or the one of their last route check: entries
   * with `byExam` answer for it (a testing-center trainer is not offered the online-exam trainers' exam route)
   */
  exam?: EarnedVia;
}

/** What the caller knows about the trainer beyond this message (their saved route-check answers). */
export interface TrainerContext {
  /** the trainer's own exam from saved answers, when the conversation has not said it */
  savedExam?: () => Promise<EarnedVia | undefined>;
}

export interface FaqOutcome {
  outcome: 'answered' | 'clarifying' | 'declined' | 'feedback' | 'action';
  action?: FaqAction;
  entryId?: string;
  offerPerson?: boolean;
  /** an action entry's own words, said before the main dialog routes it (e.g. to a frustrated trainer) */
  leadIn?: string;
  /** this turn's classification, so the main dialog need not classify the message again (path: the general rule) */
  classification?: FaqResult;
}

export interface FaqResponderDeps {
  engine: FaqEngine;
  links: Links;
  feedback: FeedbackLog;
  logger: Logger;
  /** The knowledge base's vocabulary: without it no general rule is given before the path (none beats off-point). */
  vocabulary?: Vocabulary;
  /** Today's date (YYYY-MM-DD) where the trainer is: "what's the date today?" is answered with it, as the route check uses it. */
  today?: (context: TurnContext) => string;
}

/** The smalltalk entry for "what's the date today?" / "what time is it?". */
const CLOCK = 'clock';

const linkLabels: Record<LinkKey, { label: string; missing: string }> = {
  PORTAL_URL: {
    label: 'Your trainer portal',
    missing: "The help article doesn't give the portal's address; a person from our support team can send it to you.",
  },
  UPLOAD_URL: {
    label: 'Upload your documents here',
    missing: "The help article doesn't give the upload address; a person from our support team can send it to you.",
  },
  GUIDE_URL: {
    label: 'Download the Recertification Guide',
    missing: "The help article doesn't include the guide's link; a person from our support team can send it to you.",
  },
};

const simplify = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const YES_RE = /^(y|yes|yeah|yep|yup|ya|sure|it did|it was|helpful|very helpful|great|perfect|👍)( (it )?(was|did|thanks?|thank you|helpful|very much|a lot))*$/;
const NO_RE = /^(n|no|nope|nah|not really|no it (wasn ?t|didn ?t)|not helpful|it didn ?t|it wasn ?t|👎)( (it )?(wasn ?t|didn ?t|not|really|helpful|thanks?))*$/;
const ACCEPT_RE = /^(y|yes|yeah|yep|yup|ya|sure|ok|okay|please|yes please|ok please|sure please|yes i would|yes please do)$/;
const NONE_RE = /^(none|none of these|none of them|neither|no|nope|nothing|other|something else|none of those)$/;
const ORDINALS: Record<string, number> = { '1': 0, one: 0, first: 0, '2': 1, two: 1, second: 1, '3': 2, three: 2, third: 2 };
/** "the first one", "number 2", "the last option please": the position in a list of `count` options, or -1. */
export function pickPosition(choice: string, count: number): number {
  const core = choice
    .replace(/^(?:the|number|option|no|#)\s+/, '')
    .replace(/^(?:the)\s+/, '')
    .replace(/\s+(?:one|option|question|button)?\s*(?:please|pls|thanks)?$/, '')
    .trim();
  if (core === 'last') return count - 1;
  const index = ORDINALS[core];
  return index !== undefined && index < count ? index : -1;
}
/** "give me the link", "it didn't give me the link", "where's the url": a complaint or question about a missing link. */
const LINK_RE = /\b(?:link|links|url|address|website|web site|site|web page|webpage)\b/i;

const imBack = (title: string): CardAction => ({ type: 'imBack', title, value: title });

// Words every recertification question shares, and question words: they say nothing about which rule is asked.
const GENERIC_WORDS = 'recertify recertification recertifying recertified certification certified certify cert renew renewal action where why when how many how much need take get';

export class FaqResponder {
  private readonly text?: TextProcessor;
  private readonly genericTerms = new Set<string>();

  private readonly byId = (id: string): KnowledgeEntry | undefined => this.deps.engine.entry(id);

  constructor(private readonly deps: FaqResponderDeps) {
    if (deps.vocabulary) {
      this.text = createTextProcessor(deps.vocabulary);
      for (const t of this.text.terms(GENERIC_WORDS)) this.genericTerms.add(t);
    }
  }

  /**
   * `classified`: the caller's classification of this same text with the same context (lastEntryId), when it has
   * one already, so a message is classified once per turn.
   */
  async respond(context: TurnContext, text: string, state: FaqTurnState, classified?: FaqResult, trainer: TrainerContext = {}): Promise<FaqOutcome> {
    state.misses ??= 0;
    // "I took the proctored one at Pearson": what they say about their own exam holds for the rest of the conversation.
    const stated = statedOwnExam(text);
    if (stated) state.exam = stated;
    const examOf = async (entry: KnowledgeEntry): Promise<EarnedVia | undefined> =>
      entry.byExam ? (state.exam ?? (await trainer.savedExam?.())) : undefined;
    const pending = state.pending;
    state.pending = undefined;
    if (pending?.kind === 'feedback') {
      const reply = simplify(text).replace(/👍|👎/g, '');
      const raw = text.trim();
      const helpful = YES_RE.test(reply) || raw === '👍' ? true : NO_RE.test(reply) || raw === '👎' ? false : undefined;
      if (helpful !== undefined) return this.onFeedback(context, pending.entryId, helpful, state);
    }
    if (pending?.kind === 'offer' && ACCEPT_RE.test(simplify(text))) return { outcome: 'action', action: 'handoff' };
    // "It didn't give me the link" after saying an answer didn't help: read against that answer, whose links the
    // article leaves out (or configuration gives).
    const complainedOf = pending?.kind === 'offer' && pending.entryId ? this.deps.engine.entry(pending.entryId) : undefined;
    if (complainedOf?.links.length && LINK_RE.test(text)) return this.linksOf(context, complainedOf, state);
    const related = state.related;
    state.related = undefined;
    if (pending?.kind === 'clarify') {
      const choice = simplify(text);
      // "yes please" to a menu: which one?
      if (ACCEPT_RE.test(choice)) return this.clarifyAgain(context, pending.options, state);
      const position = pickPosition(choice, pending.options.length);
      const index = position >= 0 ? position : pending.options.findIndex((o) => simplify(o.question) === choice);
      const picked = index >= 0 ? pending.options[index] : undefined;
      const entry = picked && this.deps.engine.entry(picked.id);
      if (entry) return this.answerEntry(context, entryForExam(entry, await examOf(entry), this.byId), state);
      if (NONE_RE.test(choice)) return this.decline(context, text, state, { band: 'none_of_these', candidates: [] });
    }
    // "the second one" after an answer's related-question buttons: that button's question.
    if (related?.length && pending?.kind !== 'clarify') {
      const position = pickPosition(simplify(text), related.length);
      const entry = position >= 0 ? this.deps.engine.entry(related[position].id) : undefined;
      if (entry) return this.answerEntry(context, entryForExam(entry, await examOf(entry), this.byId), state);
    }

    const result = classified ?? this.deps.engine.classify(text, { lastEntryId: state.lastEntryId });
    this.deps.logger.debug({ band: result.band, entryId: result.top?.id, score: result.candidates[0]?.score, followUp: !!result.followUpOf }, 'faq classified');
    // A bare statement of their exam right after an exam-route answer ("I took the proctored one at Pearson") is
    // read against that answer: its version for their exam, whatever the words alone would match.
    const last = state.lastEntryId ? this.deps.engine.entry(state.lastEntryId) : undefined;
    if (stated && last?.byExam?.[stated] && !asksQuestion(text)) {
      return this.answerEntry(context, entryForExam(last, stated, this.byId), state, undefined, result);
    }
    if (result.band === 'high' && result.top) {
      return this.answerEntry(context, entryForExam(result.top, await examOf(result.top), this.byId), state, result.candidates[0]?.score, result);
    }
    if (result.band === 'middle' && result.candidates.length > 0) return this.clarify(context, text, result, state);
    return this.decline(context, text, state, { band: result.top ? 'declined' : 'low', candidates: result.candidates, topic: result.top });
  }

  /** Answers only when confident (for interruptions inside other dialogs); sends nothing otherwise. */
  async tryAnswer(context: TurnContext, text: string): Promise<boolean> {
    const result = this.deps.engine.classify(text);
    const top = result.top && entryForExam(result.top, statedOwnExam(text), this.byId);
    if (result.band !== 'high' || !top || (top.kind !== 'faq' && top.kind !== 'smalltalk')) return false;
    // Called while the path dialog runs: no "Check my recertification status", the check is under way.
    await context.sendActivity(top.kind === 'faq' ? this.answerActivity(top, { duringPath: true }) : MessageFactory.text(top.answer!));
    if (top.kind === 'faq') await this.safely(() => this.deps.feedback.recordAnswer({ conversationId: context.activity.conversation?.id, entryId: top.id, score: result.candidates[0]?.score }));
    return true;
  }

  /**
   * While the path dialog runs: a question on a topic the article does not cover ("how much is the fee?") is told
   * so by name, with a person offered, instead of a general "can't answer that". Only a named decline topic
   * qualifies; a miss with no topic stays with the caller.
   */
  async tryDecline(context: TurnContext, text: string): Promise<boolean> {
    const result = this.deps.engine.classify(text);
    const topic = result.top;
    if (topic?.kind !== 'decline' || !topic.answer) return false;
    await context.sendActivity(MessageFactory.suggestedActions([imBack(TALK_TO_PERSON)], `Sorry, ${lowerFirst(topic.answer)} ${PERSON_OFFER_TEXT}`));
    await this.safely(() => this.deps.feedback.recordMiss({ conversationId: context.activity.conversation?.id, question: text, candidates: result.candidates, band: 'declined' }));
    return true;
  }

  /**
   * For a personal question that starts the path dialog ("am I eligible to recertify by exam?"): the article's
   * general rule first, when the FAQ is confident about it AND the message asks that rule's question (has the
   * words that name its topic: "exam", "CECs", "how often"). A message about the trainer's own situation that only
   * resembles a rule ("how much time do I have left before my certification expires" → which CECs count) gets
   * no general answer: the path works out their case, and an off-point answer only confuses.
   */
  async answerGeneralRule(context: TurnContext, text: string, classified?: FaqResult, exam?: EarnedVia): Promise<boolean> {
    // The message alone (no follow-up context): the rule must fit what the trainer asked in it.
    const result = classified && !classified.followUpOf ? classified : this.deps.engine.classify(text);
    if (result.band !== 'high') return false;
    const best = result.candidates
      .map((c) => ({ score: c.score, entry: this.deps.engine.entry(c.id) }))
      .find((c) => c.entry?.kind === 'faq' && c.score >= this.deps.engine.thresholds.high);
    if (!best?.entry || !this.asksRuleOf(text, best.entry)) return false;
    // The path dialog starts right after this answer: pointing to the status check would only repeat it.
    await context.sendActivity(this.answerActivity(entryForExam(best.entry, statedOwnExam(text) ?? exam, this.byId), { duringPath: true }));
    return true;
  }

  /**
   * Some wording of the entry (its question or an alternate) has all its topic words in the message: "what are
   * my options for recertifying?" asks "options for recertification"; "how much time do I have left before my
   * certification expires" asks none of "do CECs expire", "CEC time frame"… Generic and question words don't count.
   */
  private asksRuleOf(text: string, entry: KnowledgeEntry): boolean {
    if (!this.text) return false;
    const said = new Set(this.text.terms(text));
    return this.topicsOf(entry).some((topic) => topic.every((t) => said.has(t)));
  }

  private readonly topics = new Map<string, string[][]>();

  private topicsOf(entry: KnowledgeEntry): string[][] {
    let topics = this.topics.get(entry.id);
    if (!topics) {
      const text = this.text!;
      topics = [entry.question, ...entry.alternates]
        .map((wording) => [...new Set(text.terms(wording))].filter((t) => !this.genericTerms.has(t) && !text.isWeak(t)))
        .filter((topic) => topic.length > 0);
      this.topics.set(entry.id, topics);
    }
    return topics;
  }

  private async answerEntry(context: TurnContext, entry: KnowledgeEntry, state: FaqTurnState, score?: number, classification?: FaqResult): Promise<FaqOutcome> {
    if (entry.kind === 'action') return { outcome: 'action', action: entry.action, entryId: entry.id, leadIn: entry.answer, classification };
    if (entry.kind === 'decline') return this.decline(context, entry.question, state, { band: 'declined', candidates: [], topic: entry });
    state.misses = 0;
    if (entry.kind === 'smalltalk') {
      // "ok" as the very first thing said: nothing was helped yet, so the menu, not "Glad to help!".
      if (entry.id === ACKNOWLEDGED && !state.lastEntryId) return { outcome: 'action', action: 'help', entryId: entry.id, classification };
      await context.sendActivity(MessageFactory.text(entry.id === CLOCK && this.deps.today ? clockAnswer(this.deps.today(context)) : entry.answer!));
      return { outcome: 'answered', entryId: entry.id };
    }
    await context.sendActivities([
      this.answerActivity(entry),
      MessageFactory.suggestedActions([imBack(YES), imBack(NO)], HELPFUL_PROMPT),
    ]);
    state.pending = { kind: 'feedback', entryId: entry.id };
    state.lastEntryId = entry.id;
    state.related = this.relatedOf(entry).map((e) => ({ id: e.id, question: e.question }));
    await this.safely(() => this.deps.feedback.recordAnswer({ conversationId: context.activity.conversation?.id, entryId: entry.id, score }));
    return { outcome: 'answered', entryId: entry.id };
  }

  /**
   * The answer, links (or where to find them, in words), the source line and related questions as buttons.
   * `duringPath`: a route check is running (or starts with this turn), so neither the entry's pointer to it
   * (pathHint) nor a related "Check my recertification status" button is shown.
   */
  answerActivity(entry: KnowledgeEntry, options: { duringPath?: boolean } = {}): Partial<Activity> {
    const lines = [entry.answer!];
    if (entry.pathHint && !options.duringPath) lines[0] += ` ${entry.pathHint}`;
    const missing: string[] = [];
    for (const key of entry.links) {
      const url = this.deps.links[key];
      if (url) lines.push(`${linkLabels[key].label}: ${url}`);
      else missing.push(linkLabels[key].missing);
    }
    if (missing.length) lines.push([...new Set(missing)].join(' '));
    if (entry.section) lines.push(`From the help article: ${entry.section}`);
    const activity = MessageFactory.text(lines.join('\n\n'));
    const related = this.relatedOf(entry, options.duringPath);
    if (related.length) {
      activity.attachments = [CardFactory.heroCard('', undefined, related.map((e) => imBack(e.question)), { text: 'Related questions' })];
    }
    return activity;
  }

  private relatedOf(entry: KnowledgeEntry, duringPath = false): KnowledgeEntry[] {
    return entry.related
      .map((id) => this.deps.engine.entry(id))
      .filter((e): e is KnowledgeEntry => !!e && !(duringPath && e.action === 'path'));
  }

  /** The links an answer needs: configured ones, else that the article leaves them out; a person offered first. */
  private async linksOf(context: TurnContext, entry: KnowledgeEntry, state: FaqTurnState): Promise<FaqOutcome> {
    const lines = [...new Set(entry.links.map((key) => (this.deps.links[key] ? `${linkLabels[key].label}: ${this.deps.links[key]}` : linkLabels[key].missing)))];
    await context.sendActivity(MessageFactory.suggestedActions([imBack(TALK_TO_PERSON)], `${lines.join('\n\n')}\n\n${PERSON_OFFER_TEXT}`));
    state.pending = { kind: 'offer' };
    return { outcome: 'answered', entryId: entry.id, offerPerson: true };
  }

  /** A yes to "Did you mean": the same options again, asking which. */
  private async clarifyAgain(context: TurnContext, options: { id: string; question: string }[], state: FaqTurnState): Promise<FaqOutcome> {
    const list = options.map((o, i) => `${i + 1}. ${o.question}`).join('\n');
    await context.sendActivity(
      MessageFactory.suggestedActions([...options.map((o) => imBack(o.question)), imBack(NONE_OF_THESE)], `Which one? Choose a question or say its number:\n\n${list}`),
    );
    state.pending = { kind: 'clarify', options };
    return { outcome: 'clarifying' };
  }

  private async clarify(context: TurnContext, text: string, result: FaqResult, state: FaqTurnState): Promise<FaqOutcome> {
    const options = result.candidates.slice(0, 3).map((c) => ({ id: c.id, question: c.question }));
    state.misses += 1;
    const offerPerson = state.misses >= MISSES_BEFORE_OFFER;
    const list = options.map((o, i) => `${i + 1}. ${o.question}`).join('\n');
    const buttons = [...options.map((o) => imBack(o.question)), imBack(NONE_OF_THESE)];
    if (offerPerson) buttons.push(imBack(TALK_TO_PERSON));
    await context.sendActivity(MessageFactory.suggestedActions(buttons, `${DID_YOU_MEAN}\n\n${list}\n\nOr choose "${NONE_OF_THESE}".`));
    state.pending = { kind: 'clarify', options };
    await this.safely(() => this.deps.feedback.recordMiss({ conversationId: context.activity.conversation?.id, question: text, candidates: result.candidates, band: 'middle' }));
    return { outcome: 'clarifying', offerPerson };
  }

  private async decline(
    context: TurnContext,
    text: string,
    state: FaqTurnState,
    miss: { band: 'low' | 'declined' | 'none_of_these'; candidates: FaqResult['candidates']; topic?: KnowledgeEntry },
  ): Promise<FaqOutcome> {
    state.misses += 1;
    // Decline answers name the topic ("doesn't say how much it costs") and never carry article facts.
    const opening = miss.topic?.kind === 'decline' ? `Sorry, ${lowerFirst(miss.topic.answer!)}` : NOT_COVERED_TEXT;
    // What the article does say next to the declined topic, by the related entry's question only: its facts come
    // when the trainer asks for them, so the decline itself states none.
    const seeAlso = (miss.topic?.kind === 'decline' ? miss.topic.seeAlso : [])
      .map((id) => this.deps.engine.entry(id))
      .filter((e): e is KnowledgeEntry => e?.kind === 'faq');
    const related = seeAlso.length ? `\n\n${SEE_ALSO_TEXT} ${seeAlso.map((e) => `"${e.question}"`).join(' and ')}` : '';
    await context.sendActivity(
      MessageFactory.suggestedActions([imBack(TALK_TO_PERSON), ...seeAlso.map((e) => imBack(e.question))], `${opening} ${PERSON_OFFER_TEXT}${related}`),
    );
    state.pending = { kind: 'offer' };
    await this.safely(() => this.deps.feedback.recordMiss({ conversationId: context.activity.conversation?.id, question: text, candidates: miss.candidates, band: miss.band }));
    return { outcome: 'declined', entryId: miss.topic?.id, offerPerson: true };
  }

  private async onFeedback(context: TurnContext, entryId: string, helpful: boolean, state: FaqTurnState): Promise<FaqOutcome> {
    await this.safely(() => this.deps.feedback.recordFeedback({ conversationId: context.activity.conversation?.id, entryId, helpful }));
    if (helpful) {
      state.misses = 0;
      await context.sendActivity(MessageFactory.text(THANKS_FOR_FEEDBACK));
      return { outcome: 'feedback', entryId };
    }
    state.misses += 1;
    await context.sendActivity(MessageFactory.suggestedActions([imBack(TALK_TO_PERSON)], SORRY_NOT_HELPFUL));
    state.pending = { kind: 'offer', entryId };
    return { outcome: 'feedback', entryId, offerPerson: true };
  }

  /** Analytics must never break a turn. */
  private async safely(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (err) {
      this.deps.logger.warn({ err: (err as Error).message }, 'faq feedback log write failed');
    }
  }
}

/** A question mark or a question word: not a bare statement. */
const asksQuestion = (text: string): boolean => /\?|\b(?:how|what|whats|when|where|why|which|can|could|do|does|should|will|would|is|are)\b/i.test(text);

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** The date the route check works with, said plainly; the time of day is not something the bot reads. */
function clockAnswer(today: string): string {
  const date = new Date(`${today}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return `Today is ${date} (I can't see the time of day from here). I can help with recertification: ask a question, or say "check my recertification" and I'll work out your own dates.`;
}
