// Spelling correction against the knowledge base's own words: "educaiton" → "education", "contuning" →
// "continuing". Only words the knowledge base never uses are corrected, so real words stay as typed; the
// vocabulary's typo rules stay first (they know domain shorthand such as CEU's), this catches the rest.

export interface SpellingCorrector {
  /** the lexicon word one edit away (two for long words), or undefined when none or the word is known */
  correct(word: string): string | undefined;
  has(word: string): boolean;
}

const MIN_LENGTH = 5;
const LONG_WORD = 8;
const CACHE_LIMIT = 10_000;

export function createSpellingCorrector(lexicon: Iterable<string>, frequency: ReadonlyMap<string, number> = new Map()): SpellingCorrector {
  const known = new Set(lexicon);
  // Symmetric-delete index: a word within k edits of a lexicon word shares a form with up to k letters deleted,
  // so a lookup costs a few dozen map reads instead of a scan of the lexicon.
  const byDeletion = new Map<string, string[]>();
  for (const w of known) {
    if (w.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(w)) continue;
    for (const form of deletions(w, w.length >= LONG_WORD - 1 ? 2 : 1)) {
      const words = byDeletion.get(form);
      if (!words) byDeletion.set(form, [w]);
      else if (!words.includes(w)) words.push(w);
    }
  }
  const cache = new Map<string, string | null>();

  const correct = (word: string): string | undefined => {
    if (word.length < MIN_LENGTH || known.has(word) || !/^[a-z]+$/.test(word)) return undefined;
    const cached = cache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    const maxEdits = word.length >= LONG_WORD ? 2 : 1;
    let best: string | undefined;
    let bestDistance = maxEdits + 1;
    for (const form of deletions(word, maxEdits)) {
      for (const candidate of byDeletion.get(form) ?? []) {
        const d = distance(word, candidate, maxEdits);
        if (d > maxEdits) continue;
        // Nearest first; between equally near words, the one the knowledge base uses most.
        if (d < bestDistance || (d === bestDistance && (frequency.get(candidate) ?? 0) > (frequency.get(best!) ?? 0))) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    if (cache.size < CACHE_LIMIT) cache.set(word, best ?? null);
    return best;
  };

  return { correct, has: (w) => known.has(w) };
}

/** The word and every form of it with up to `edits` letters deleted. */
function deletions(word: string, edits: number): Set<string> {
  const forms = new Set([word]);
  let frontier = [word];
  for (let k = 0; k < edits; k++) {
    const next: string[] = [];
    for (const f of frontier) {
      for (let i = 0; i < f.length; i++) {
        const d = f.slice(0, i) + f.slice(i + 1);
        if (!forms.has(d)) {
          forms.add(d);
          next.push(d);
        }
      }
    }
    frontier = next;
  }
  return forms;
}

/** Optimal-string-alignment distance (adjacent transpositions count once), or limit + 1 once it exceeds limit. */
export function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}
