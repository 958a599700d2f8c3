// Text → index terms: domain vocabulary (synonyms, typos), stop words, Porter stems.
// The same function feeds the index and the queries, so both sides meet on the same terms.
import type { Vocabulary } from './knowledge';
import { createSpellingCorrector, type SpellingCorrector } from './spelling';
import { stem } from './stem';

export interface TextProcessor {
  /** lower-cased text with the domain vocabulary applied */
  normalize(text: string): string;
  /** index/query terms (stemmed, stop words removed) */
  terms(text: string): string[];
  /** terms of text already passed through normalize() */
  termsOfNormalized(normalized: string): string[];
  isWeak(term: string): boolean;
}

/**
 * corpus: the knowledge base's texts. When given, words it never uses (after the vocabulary) are corrected to the
 * nearest word it does use, then the vocabulary runs again on the corrected text.
 */
export function createTextProcessor(vocabulary: Vocabulary, corpus: readonly string[] = []): TextProcessor {
  const rules = vocabulary.synonyms.map((s) => ({
    pattern: new RegExp(s.pattern, 'gi'),
    replace: s.replace,
    when: s.when ? new RegExp(s.when, 'i') : undefined,
  }));
  const stop = new Set(vocabulary.stopwords.map((w) => w.toLowerCase()));
  const weak = new Set(vocabulary.weakWords.map((w) => stem(w.toLowerCase())));

  const applyVocabulary = (text: string): string => {
    // Curly apostrophes and "'s" possessives would otherwise split into stray tokens.
    let t = ` ${text.toLowerCase().replace(/[\u2018\u2019`]/g, "'")} `;
    for (const r of rules) if (!r.when || r.when.test(t)) t = t.replace(r.pattern, r.replace);
    return t.trim();
  };

  let speller: SpellingCorrector | undefined;
  if (corpus.length > 0) {
    const frequency = new Map<string, number>();
    // Both the texts as written ("credits", "often") and after the vocabulary ("cec", "howoften"): a corrected
    // word goes through the vocabulary again.
    for (const text of corpus) {
      for (const w of `${text.toLowerCase()} ${applyVocabulary(text)}`.split(/[^a-z]+/)) if (w) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    }
    for (const w of stop) frequency.set(w, frequency.get(w) ?? 0);
    speller = createSpellingCorrector(frequency.keys(), frequency);
  }

  const normalize = (text: string): string => {
    const t = applyVocabulary(text);
    if (!speller) return t;
    let changed = false;
    const corrected = t.replace(/[a-z]+/g, (w) => {
      const c = speller!.correct(w);
      if (c === undefined) return w;
      changed = true;
      return c;
    });
    return changed ? applyVocabulary(corrected) : t;
  };

  const stems = new Map<string, string>();
  const stemCached = (w: string): string => {
    let s = stems.get(w);
    if (s === undefined) {
      s = stem(w);
      if (stems.size < 50_000) stems.set(w, s);
    }
    return s;
  };
  const termsOfNormalized = (normalized: string): string[] =>
    normalized
      .replace(/'(s|re|ve|ll|d|m|t)\b/g, '$1')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0 && !stop.has(w))
      .map(stemCached);

  return { normalize, terms: (t) => termsOfNormalized(normalize(t)), termsOfNormalized, isWeak: (term) => weak.has(term) };
}
