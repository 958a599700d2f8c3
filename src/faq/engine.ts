// FAQ engine: BM25 (minisearch) over one document per entry, plus a calibrated confidence.
// Confidence = how much of the question's meaning (IDF mass of its terms) the best entry explains,
// damped when the runner-up is close. Bands come from thresholds calibrated by `npm run eval` (sweep).
import MiniSearch from 'minisearch';
import type { KnowledgeBase, KnowledgeEntry } from './knowledge';
import { createMarkerDetector } from './markers';
import { createTextProcessor } from './text';

export type Band = 'high' | 'middle' | 'low';

export interface Candidate {
  id: string;
  question: string;
  score: number;
}

export interface FaqResult {
  band: Band;
  /** the best entry; for 'low' only set when a known out-of-scope (decline) topic matched */
  top?: KnowledgeEntry;
  /** best first, at most 3, never decline entries; score is the calibrated 0..1 confidence */
  candidates: Candidate[];
  /** question-type markers the question carries (vocabulary.yaml `markers`) */
  markers?: string[];
  /** set when the answer was found only with the previous answer as context (a follow-up) */
  followUpOf?: string;
  /**
   * Two or more questions in one message ("how many CECs do I need and what's the access code?"): this result is the
   * last one's, and these are the earlier questions, each answerable with confidence on its own, in order.
   */
  alsoAsked?: string[];
}

export interface FaqEngineOptions {
  /** confidence at or above which the top entry is answered */
  high?: number;
  /** confidence at or above which "Did you mean" is offered */
  middle?: number;
}

/** What the conversation knows before this message (passed in as data: the engine keeps no state). */
export interface FaqContext {
  /** the faq entry answered last in this conversation; a short follow-up ("whats the password") may lean on it */
  lastEntryId?: string;
}

export interface FaqEngine {
  classify(text: string, context?: FaqContext): FaqResult;
  entry(id: string): KnowledgeEntry | undefined;
  readonly thresholds: Required<FaqEngineOptions>;
}

/** Calibrated on test/eval + the dev set with `npm run eval` (see docs/faq-engine.md). */
export const defaultThresholds: Required<FaqEngineOptions> = { high: 0.45, middle: 0.3 };

interface Doc {
  id: string;
  question: string;
  alternates: string;
  answer: string;
}

const MAX_CANDIDATES = 3;
const TITLE_FLOOR = 0.5;
const DECLINE_RIVAL = 0.8;
const EXPLAINS_DECLINE = 0.9;
/** A follow-up leans on the previous answer only when it is this short (content words, chat filler aside). */
const FOLLOW_UP_MAX_TERMS = 4;
/** Words that point back to what was just said: a follow-up, not a new question. */
const FOLLOW_UP_CUE = /^\s*(?:and|so|but|then|also|ok(?:ay)?,? so|what about|how about)\b|\b(?:then|them|those|these|still|too|also)\b/i;
/** A message that starts by pointing back at what was said ("what about…", "and the…"). */
const POINTS_BACK = /^\s*(?:and|so|but|what about|how about)\b/i;
/** How much a word of the previous question weighs in a follow-up's ranking (the message's own words weigh 1). */
const CONTEXT_BOOST = 0.3;
/** The previous answer is repeated to a follow-up only when the runner-up is below this share of its confidence. */
const REPEAT_MARGIN = 0.9;
/** Splits a follow-up from its context after normalization: no vocabulary rule or spelling fix touches it. */
const CONTEXT_SENTINEL = '0ctx0';

/** A ranking plus what the follow-up logic needs to compare two readings of a message. */
interface Reading {
  result: FaqResult;
  /** the message's terms after the vocabulary */
  terms: string[];
  /** the words the chosen decline topic matched (a decline chosen by words, not by a marker) */
  declineWords?: string[];
}

export function createFaqEngine(kb: KnowledgeBase, options: FaqEngineOptions = {}): FaqEngine {
  const thresholds = { ...defaultThresholds, ...options };
  // Entries reached only through another entry's byExam are not ranked (knowledge.ts `indexed`).
  const rankable = kb.entries.filter((e) => e.indexed);
  const text = createTextProcessor(
    kb.vocabulary,
    rankable.flatMap((e) => [e.question, ...e.alternates, e.answer ?? '']),
  );
  const docs: Doc[] = rankable.map((e) => ({
    id: e.id,
    question: e.question,
    alternates: e.alternates.join(' \n '),
    // Action entries have no answer; their question and alternates carry them.
    answer: e.answer ?? '',
  }));

  // Document frequency per term over all fields, for the coverage measure.
  const df = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set([...text.terms(d.question), ...text.terms(d.alternates), ...text.terms(d.answer)]);
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  // Words trainers ask with (any entry's question or alternates): the domain. Words met only in answers or
  // nowhere ("remind", "through", "back") are chat as far as coverage goes.
  const asked = new Set<string>();
  for (const d of docs) for (const t of [...text.terms(d.question), ...text.terms(d.alternates)]) asked.add(t);
  // Each question/alternate of an entry as a set of terms: a decline is explained away only by one phrase.
  const phraseTerms = new Map<string, Set<string>[]>();
  for (const e of rankable) phraseTerms.set(e.id, [e.question, ...e.alternates].map((p) => new Set(text.terms(p))));
  // An entry's own question (its title) in content words; a message that contains all of them (2 or more) asks
  // that question, however much chat surrounds it.
  const titleTerms = new Map<string, string[]>();
  for (const d of docs) titleTerms.set(d.id, [...new Set(text.terms(d.question))].filter((t) => !text.isWeak(t)));
  const n = docs.length;
  const unknownWeight = 0.5 * Math.log(1 + (n + 0.5) / 0.5);
  const idf = (t: string): number => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));

  const search = new MiniSearch<Doc>({
    idField: 'id',
    fields: ['question', 'alternates', 'answer'],
    // Index side: the domain text processor. Query side: classify() has already produced the terms.
    tokenize: (s) => text.terms(s),
    processTerm: (t) => t,
    searchOptions: {
      tokenize: (s) => s.split(' '),
      processTerm: (t) => t,
      boost: { question: 3, alternates: 2, answer: 0.5 },
      // one edit for words of 5+ letters; common misspellings are in the vocabulary
      fuzzy: (term) => (term.length >= 5 && !df.has(term) ? 1 : false),
      weights: { fuzzy: 0.5, prefix: 0 },
      combineWith: 'OR',
    },
  });
  search.addAll(docs);

  const byId = kb.byId;
  const markers = createMarkerDetector(kb.vocabulary.markers);
  // Decline topics per marker, in knowledge-base order: the fallback when no ranked decline declares it.
  const declinesFor = new Map<string, KnowledgeEntry[]>();
  for (const e of rankable) {
    if (e.kind !== 'decline') continue;
    for (const m of e.answers) declinesFor.set(m, [...(declinesFor.get(m) ?? []), e]);
  }
  // Markers some entry (faq or decline) answers; the others are question types the article never answers.
  const declared = new Set(rankable.flatMap((e) => e.answers));
  const exactIndex = new Map<string, string>();
  for (const e of rankable) {
    for (const phrase of [e.question, ...e.alternates]) {
      const key = simplify(text.normalize(phrase));
      if (key && !exactIndex.has(key)) exactIndex.set(key, e.id);
    }
  }

  const read = (raw: string, contextQuestion?: string): Reading => {
    // Button titles and stock phrases ("What can you do?", "stop") match exactly, stop words and all.
    const own = raw.slice(0, 500);
    let normalized = text.normalize(own);
    // In context, the message is normalized beside the previous question, so a vocabulary rule limited to a topic
    // (`when`) sees it; the sentinel word then splits the two apart again and only the message's words are judged.
    let contextTerms: string[] = [];
    if (contextQuestion) {
      const [mine, theirs = ''] = text.normalize(`${own} . ${CONTEXT_SENTINEL} . ${contextQuestion}`).split(CONTEXT_SENTINEL);
      normalized = mine.replace(/[\s.]+$/, '');
      contextTerms = text.termsOfNormalized(theirs);
    }
    const exact = contextQuestion ? undefined : exactIndex.get(simplify(normalized));
    if (exact) {
      const entry = byId.get(exact)!;
      const candidates = entry.kind === 'decline' ? [] : [{ id: entry.id, question: entry.question, score: 1 }];
      const terms = text.termsOfNormalized(normalized);
      return entry.kind === 'decline' ? { result: { band: 'low', top: entry, candidates }, terms, declineWords: terms } : { result: { band: 'high', top: entry, candidates }, terms };
    }
    const queryTerms = [...new Set(text.termsOfNormalized(normalized))];
    if (queryTerms.length === 0) return { result: { band: 'low', candidates: [] }, terms: [] };
    // Chat filler ("hi", "thanks", "need") ranks nothing when the question has content words: otherwise a short
    // courtesy entry's BM25 score for "hi" dwarfs the real topic of "Hi, how often do I recertify?".
    const content = queryTerms.filter((t) => !text.isWeak(t));
    const ownQuery = content.length > 0 ? content : queryTerms;
    // The previous question's words only tip the ranking (a small boost); coverage, titles and declines are judged
    // on the message's own words.
    const extra = contextTerms.filter((t) => !queryTerms.includes(t));
    const boosted = new Set(extra);
    const found = search.search([...ownQuery, ...extra].join(' '), extra.length ? { boostTerm: (t) => (boosted.has(t) ? CONTEXT_BOOST : 1) } : undefined);
    const results = extra.length ? found.map((r) => ownMatch(r, queryTerms)).filter((r) => r.queryTerms.length > 0) : found;
    if (results.length === 0) return { result: { band: 'low', candidates: [] }, terms: queryTerms };

    // Coverage: the share of the question's IDF mass an entry's matched terms explain. Words outside the domain
    // together weigh like √k rare-ish words (k of them, each half a rare word at most), so a long chatty question
    // is judged on its domain words without letting one stray word look like a match; chat filler ("weak") words
    // count only when matched.
    let offDomain = 0;
    for (const t of queryTerms) if (!asked.has(t) && !text.isWeak(t)) offDomain++;
    const offDomainWeight = unknownWeight / Math.sqrt(Math.max(1, offDomain));
    const coverage = (matched: string[]): number => {
      const hit = new Set(matched);
      let num = 0;
      let den = 0;
      for (const t of queryTerms) {
        const w = asked.has(t) ? idf(t) : offDomainWeight;
        if (hit.has(t)) {
          num += w;
          den += w;
        } else if (!text.isWeak(t)) den += w;
      }
      return den === 0 ? 0 : num / den;
    };

    // One matched word next to unmatched content words is weak evidence ("job listings" is not "class list").
    const single = (matched: string[]): number =>
      new Set(matched).size < 2 && content.some((t) => !matched.includes(t)) ? 0.75 : 1;
    const topScore = results[0].score;
    // Rank by coverage tempered by the BM25 score relative to the best one.
    // Containing a whole title lifts an entry to at least TITLE_FLOOR.
    const asksTitle = (id: string, match: Record<string, string[]>): boolean => {
      const title = titleTerms.get(id)!;
      return title.length >= 2 && title.every((t) => match[t]?.includes('question'));
    };
    const ranked = results
      .slice(0, 8)
      .map((r) => {
        const id = String(r.id);
        const confidence = coverage(r.queryTerms) * Math.sqrt(r.score / topScore) * single(r.queryTerms);
        return { id, match: r.match, confidence: asksTitle(id, r.match) ? Math.max(TITLE_FLOOR, confidence) : confidence };
      })
      .sort((a, b) => b.confidence - a.confidence);
    // A decline topic wins only on words of its own. It is explained away (dropped) when one phrase of an answerable
    // entry holds every word it matched ("when do I renew my certification" vs "lapsed certification"), or when one
    // answerable entry's question/alternates hold them all AND that entry is about as confident: words spread over
    // several of an entry's phrases ("how many CECs" + "CEC class") don't explain "how many CECs is the kettlebell
    // class worth" when the decline fits better. (Words found only in an answer never count.)
    const answerable = ranked.filter((r) => byId.get(r.id)!.kind !== 'decline');
    const asks = (r: (typeof ranked)[number], t: string): boolean => (r.match[t] ?? []).some((field) => field !== 'answer');
    const explained = (d: (typeof ranked)[number]): boolean => {
      const words = Object.keys(d.match);
      return answerable.some(
        (a) =>
          phraseTerms.get(a.id)!.some((p) => words.every((t) => p.has(t))) ||
          (a.confidence >= EXPLAINS_DECLINE * d.confidence && words.every((t) => asks(a, t))),
      );
    };
    const scored = ranked.filter((r) => byId.get(r.id)!.kind !== 'decline' || !explained(r));
    // Conversely, a decline close behind the best answer, on a word that answer never mentions ("I *failed* the
    // exam, how soon can I take it again?"), names the real topic: it goes first.
    const lead = scored.find((r) => byId.get(r.id)!.kind !== 'decline');
    const rival = lead && scored.find((r) => byId.get(r.id)!.kind === 'decline' && r.confidence >= DECLINE_RIVAL * lead.confidence);
    if (lead && rival && scored.indexOf(rival) > scored.indexOf(lead) && Object.keys(rival.match).some((t) => !lead.match[t])) {
      scored.splice(scored.indexOf(rival), 1);
      scored.unshift(rival);
    }
    // A runner-up (from another entry) almost as good means the question is ambiguous between them.
    const margin = scored[0].confidence - (scored[1]?.confidence ?? 0);
    const topConfidence = scored[0].confidence * Math.min(1, 0.9 + margin);
    const confidences = scored.map((s, i) => ({ ...s, confidence: i === 0 ? topConfidence : s.confidence }));

    let top = byId.get(confidences[0].id)!;
    const types = markers.detect(own, normalized);
    // An entry close behind that does answer the question's type goes first ("is recertifying by exam free":
    // the fee-waived entry, not the how-to-take-the-exam one).
    const answersAll = (e: KnowledgeEntry): boolean => types.every((m) => e.answers.includes(m));
    if (top.kind === 'faq' && types.length > 0 && !answersAll(top)) {
      const better = confidences.find((c) => byId.get(c.id)!.kind === 'faq' && answersAll(byId.get(c.id)!) && c.confidence >= DECLINE_RIVAL * topConfidence);
      if (better) {
        confidences.splice(confidences.indexOf(better), 1);
        confidences.unshift({ ...better, confidence: Math.min(better.confidence, topConfidence) });
        top = byId.get(better.id)!;
      }
    }
    // A question type the top answer doesn't answer ("how much is the fee" vs "the fee is waived"): the answer would
    // state facts beside the point. Its decline topic goes first (the best ranked one declaring the marker, else the
    // first declared); with none, the answer is capped below the answer band.
    // The same for a decline chosen by its words: a question type another decline declares names the topic better
    // ("can I get an extension": the timing decline, not the lapsed-certification one).
    const unanswered = top.kind === 'faq' || (top.kind === 'decline' && !types.some((m) => top.answers.includes(m))) ? types.filter((m) => !top.answers.includes(m)) : [];
    let capped = topConfidence;
    if (unanswered.length > 0) {
      const declares = (e: KnowledgeEntry): boolean => e.kind === 'decline' && e.answers.some((m) => unanswered.includes(m));
      // from the whole ranking, declines explained away by words included: the type outweighs the words here
      const matched = ranked.map((r) => byId.get(r.id)!).find(declares);
      const decline = matched ?? unanswered.map((m) => declinesFor.get(m)?.[0]).find((e) => e !== undefined);
      if (decline) top = decline;
      // A type no entry answers at all ("how many hours is a CEC"): the article has nothing to offer, not even a
      // "Did you mean" whose answers would state facts beside the point; an honest decline instead.
      else if (top.kind === 'faq' && unanswered.some((m) => !declared.has(m))) capped = Math.min(topConfidence, thresholds.middle - 0.01);
      else if (top.kind === 'faq') capped = Math.min(topConfidence, thresholds.high - 0.01);
    }
    const candidates: Candidate[] = confidences
      .filter((c) => byId.get(c.id)!.kind !== 'decline')
      .slice(0, MAX_CANDIDATES)
      // The top keeps its place after the ambiguity damping (and the marker cap); others never show a higher score.
      .map((c) => ({ id: c.id, question: byId.get(c.id)!.question, score: round(Math.min(c.confidence, capped)) }));

    const band: Band = capped >= thresholds.high ? 'high' : capped >= thresholds.middle ? 'middle' : 'low';
    const typed = types.length > 0 ? { markers: types } : {};
    // A decline chosen for its marker is named however low the words scored: the question type is the evidence.
    if (top.kind === 'decline') {
      const named = band === 'low' && unanswered.length === 0 ? undefined : top;
      const byWords = unanswered.length === 0 ? ranked.find((r) => r.id === top.id) : undefined;
      return { result: { band: 'low', top: named, candidates, ...typed }, terms: queryTerms, declineWords: byWords && Object.keys(byWords.match) };
    }
    if (band === 'low') return { result: { band, candidates, ...typed }, terms: queryTerms };
    return { result: { band, top, candidates, ...typed }, terms: queryTerms };
  };

  // A short follow-up is read again with the previous answer's question beside it, so its words take their meaning
  // from the topic ("whats the password" after the upload answer is the access code, not a login). That reading is
  // used only when it is confident and the message alone was not: a typed question (markers) stands on its own, a
  // decline topic stays unless the context changed the very words it matched, and a standalone answer stays unless
  // the context reading is more confident.
  const classify = (raw: string, context?: FaqContext): FaqResult => {
    const alone = read(raw);
    if (alone.result.band !== 'high') {
      const asked = severalQuestions(raw);
      if (asked) return asked;
    }
    // "what about the time thing" points back at something said before: not the courtesy its words resemble
    // (the clock). Unclear unless the previous answer gives it a meaning below.
    if (alone.result.top?.kind === 'smalltalk' && POINTS_BACK.test(raw)) alone.result = { band: 'low', candidates: [] };
    const last = context?.lastEntryId ? byId.get(context.lastEntryId) : undefined;
    if (!last || last.kind !== 'faq' || alone.result.markers) return alone.result;
    const content = alone.terms.filter((t) => !text.isWeak(t));
    if (content.length === 0 || content.length > FOLLOW_UP_MAX_TERMS) return alone.result;
    const top = alone.result.top;
    if (top && (top.kind === 'smalltalk' || top.kind === 'action')) return alone.result;
    const withContext = read(raw, last.question);
    const found = withContext.result;
    if (found.band !== 'high' || found.top?.kind !== 'faq' || found.markers) return alone.result;
    if (top?.kind === 'decline' && (alone.declineWords ?? []).some((t) => withContext.terms.includes(t))) return alone.result;
    // A confident standalone answer ("renewal?", "ceus?") stays unless the message points back ("…then", "and…").
    if (alone.result.band === 'high' && (!FOLLOW_UP_CUE.test(raw) || (found.candidates[0]?.score ?? 0) <= (alone.result.candidates[0]?.score ?? 0))) return alone.result;
    // A follow-up asks something new: the context tips the ranking toward the previous answer, so that answer is
    // given again only when no other entry comes close ("do i still need cecs then" after the exam route).
    const [first, second] = found.candidates;
    const next = second && found.top.id === last.id && second.score >= REPEAT_MARGIN * first.score ? byId.get(second.id) : undefined;
    if (next?.kind === 'faq' && second.score >= thresholds.high) {
      const candidates = [second, first, ...found.candidates.slice(2)];
      return { ...found, top: next, candidates, followUpOf: last.id };
    }
    return { ...found, followUpOf: last.id };
  };

  // Two questions in one message read as one are a muddle of both topics (and the words of one can call up a decline
  // of the other: "…and what's the access code" reads as a discount code). Each part is read alone; only when every
  // part has its own confident answer are they answered, the last as this result; else the whole reading stands.
  const severalQuestions = (raw: string): FaqResult | undefined => {
    const parts = raw.split(QUESTION_BREAK).map((p) => p?.trim()).filter((p): p is string => !!p && /[a-z]/i.test(p));
    if (parts.length < 2 || parts.length > MAX_QUESTIONS) return undefined;
    const results = parts.map((p) => read(p).result);
    if (!results.every((r) => r.band === 'high' && r.top?.kind === 'faq')) return undefined;
    const last = results[results.length - 1];
    const earlier = parts.slice(0, -1).filter((_, i) => results[i].top!.id !== last.top!.id && results.findIndex((r) => r.top!.id === results[i].top!.id) === i);
    return earlier.length ? { ...last, alsoAsked: earlier } : last;
  };

  return { classify, entry: (id) => byId.get(id), thresholds };
}

/** Where one question ends and another starts: a question mark with more after it, or "and"/"also" before a question word. */
const QUESTION_BREAK =
  /\?+\s*(?:and|also|plus)?\s*|[,;]?\s+(?:and|also|plus)\s+(?=(?:what|whats|what's|how|where|when|why|which|who|can|could|do|does|is|are|should|will)\b)/i;
const MAX_QUESTIONS = 3;

/** A search result as if only the message's own words had been asked (its score keeps the context's tip). */
function ownMatch<R extends { queryTerms: string[]; match: Record<string, string[]> }>(r: R, own: string[]): R {
  const match = Object.fromEntries(Object.entries(r.match).filter(([t]) => own.includes(t)));
  return { ...r, queryTerms: r.queryTerms.filter((t) => own.includes(t)), match };
}

const simplify = (s: string): string => s.replace(/[^a-z0-9]+/g, ' ').trim();
const round = (x: number): number => Math.round(x * 1000) / 1000;
