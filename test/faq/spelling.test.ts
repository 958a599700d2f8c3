import { createSpellingCorrector, distance } from '../../src/faq/spelling';

describe('distance (optimal string alignment)', () => {
  it.each([
    ['education', 'education', 0],
    ['educaiton', 'education', 1], // adjacent transposition counts once
    ['upolad', 'upload', 1],
    ['contuning', 'continuing', 2],
    ['kitten', 'sitting', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(distance(a, b, 5)).toBe(d);
    expect(distance(b, a, 5)).toBe(d);
  });

  it('stops at the limit', () => {
    expect(distance('kitten', 'sitting', 1)).toBe(2);
    expect(distance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('spelling corrector', () => {
  const frequency = new Map([['guide', 5], ['guilt', 1]]);
  const speller = createSpellingCorrector(['education', 'continuing', 'upload', 'often', 'guide', 'guilt', 'certification'], frequency);

  it.each([
    ['educaiton', 'education'],
    ['contuning', 'continuing'],
    ['upolad', 'upload'],
    ['offten', 'often'],
    ['certifcation', 'certification'],
    ['guidee', 'guide'],
  ])('%s → %s', (typo, word) => {
    expect(speller.correct(typo)).toBe(word);
  });

  it.each([
    ['education', 'known words stay'],
    ['pizza', 'nothing near'],
    ['ofen', 'shorter than five letters'],
    ['c0de5', 'not a plain word'],
    ['educationally', 'more than two edits away'],
  ])('%s → unchanged (%s)', (word) => {
    expect(speller.correct(word)).toBeUndefined();
  });

  it('prefers the word the knowledge base uses most between equally near ones', () => {
    const s = createSpellingCorrector(['guide', 'guise'], new Map([['guide', 1], ['guise', 9]]));
    expect(s.correct('guice')).toBe('guise');
    const t = createSpellingCorrector(['guide', 'guise'], new Map([['guide', 9], ['guise', 1]]));
    expect(t.correct('guice')).toBe('guide');
  });
});
