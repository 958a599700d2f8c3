// Porter (1980) English stemmer, so "renewals"/"renewing" and "classes"/"class" meet in the index.
// Small, dependency-free and deterministic; the runtime has no NLP package to borrow one from.

const isConsonant = (w: string, i: number): boolean => {
  const c = w[i];
  if ('aeiou'.includes(c)) return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
};

/** m() of the Porter paper: the number of VC sequences in the stem. */
const measure = (s: string): number => {
  let m = 0;
  let i = 0;
  const n = s.length;
  while (i < n && isConsonant(s, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(s, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(s, i)) i++;
    m++;
  }
  return m;
};

const hasVowel = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (!isConsonant(s, i)) return true;
  return false;
};

const endsDoubleConsonant = (s: string): boolean =>
  s.length >= 2 && s[s.length - 1] === s[s.length - 2] && isConsonant(s, s.length - 1);

/** *o: stem ends consonant-vowel-consonant, last not w, x or y. */
const endsCvc = (s: string): boolean => {
  const n = s.length;
  if (n < 3) return false;
  if (!isConsonant(s, n - 3) || isConsonant(s, n - 2) || !isConsonant(s, n - 1)) return false;
  return !'wxy'.includes(s[n - 1]);
};

const replaceSuffix = (w: string, rules: [string, string][], minMeasure: number): string => {
  for (const [suffix, repl] of rules) {
    if (w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length);
      return measure(stem) > minMeasure ? stem + repl : w;
    }
  }
  return w;
};

const step2Rules: [string, string][] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
  ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const step3Rules: [string, string][] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];
// Longest first, so "ement" is tried before "ment" and "ent".
const step4Suffixes = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate',
  'iti', 'ous', 'ive', 'ize',
].sort((a, b) => b.length - a.length);

export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 2 || !/^[a-z]+$/.test(w)) return w;

  // Step 1a
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('ss')) { /* keep */ }
  else if (w.endsWith('s')) w = w.slice(0, -1);

  // Step 1b
  let extra = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    extra = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    extra = true;
  }
  if (extra) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (endsDoubleConsonant(w) && !'lsz'.includes(w[w.length - 1])) w = w.slice(0, -1);
    else if (measure(w) === 1 && endsCvc(w)) w += 'e';
  }

  // Step 1c
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + 'i';

  w = replaceSuffix(w, step2Rules, 0);
  w = replaceSuffix(w, step3Rules, 0);

  // Step 4
  for (const suffix of step4Suffixes) {
    if (!w.endsWith(suffix)) continue;
    const s = w.slice(0, -suffix.length);
    if (measure(s) > 1 && (suffix !== 'ion' || /[st]$/.test(s))) w = s;
    break;
  }

  // Step 5
  if (w.endsWith('e')) {
    const s = w.slice(0, -1);
    const m = measure(s);
    if (m > 1 || (m === 1 && !endsCvc(s))) w = s;
  }
  if (measure(w) > 1 && endsDoubleConsonant(w) && w.endsWith('l')) w = w.slice(0, -1);
  return w;
}
