// parseCecs reads hedged answers and "the online one" itself, so every caller (the CEC prompt, openers, the
// confirmation step) gets the same reading; the path dialog's own clean-up before calling it is then redundant.
import { findCecsInSentence, parseCecs, unhedgeCecAnswer } from '../../src/recert/parseCecs';

describe('parseCecs: hedged answers are read as the number they qualify', () => {
  test.each([
    ['probably none', 0],
    ['prob zero', 0],
    ['maybe 1.5', 1.5],
    ['I think 2', 2],
    ['i think none yet', 0],
    ['I think I have none', 0],
    ['I have probably none', 0],
    ['none I think', 0],
    ['probably no CECs', 0],
    ['around 1', 1],
    ['about 1.5', 1.5],
    ['about one and a half', 1.5],
    ['about none', 0],
    ['maybe like 1', 1],
    ['um, I think maybe 1.5?', 1.5],
    ['I guess about 2 credits', 2],
    ['probably around 2 CECs', 2],
    ['roughly half a CEC', 0.5],
    ['approx. 1.5', 1.5],
    ["I’d say 1.5", 1.5],
    ['I believe two', 2],
    // "one" as a pronoun for the exam is not a CEC; a real count beside it still is
    ['the online one, and 2 CECs', 2],
    ['that one, 1.5 credits', 1.5],
  ])('%j → %s', (text, value) => {
    expect(parseCecs(text)).toEqual({ kind: 'cecs', value });
  });

  test.each([
    ['the online one', 'unreadable'],
    ['that one', 'unreadable'],
    ['I think it was the online one', 'unreadable'],
    ['probably', 'unreadable'],
    ['maybe 1 or 2', 'several'],
    ['about 10 contact hours', 'hours'],
    ['probably minus 1', 'negative'],
    ['around 60', 'too-many'],
  ])('%j → %s', (text, problem) => {
    expect(parseCecs(text)).toEqual({ kind: 'problem', problem });
  });

  test.each([
    'probably none',
    'maybe 1.5',
    'I think 2',
    'the online one',
    'um, around one and a half',
  ])('reading the dialog\'s cleaned text gives the same answer: %j', (text) => {
    expect(parseCecs(unhedgeCecAnswer(text))).toEqual(parseCecs(text));
  });
});

describe('findCecsInSentence: "the online one" is not one CEC', () => {
  test.each([
    ['I passed the online one and have 2 CECs', { kind: 'cecs', value: 2 }],
    ['took the online one, CECs: none', { kind: 'cecs', value: 0 }],
    ['the online one - CECs', undefined],
    ['the testing center one, 1 credit so far', { kind: 'cecs', value: 1 }],
  ])('%j', (text, expected) => {
    expect(findCecsInSentence(text, [])).toEqual(expected);
  });

  test('date spans keep their positions after the pronoun is blanked', () => {
    const text = 'the online one on March 3 2025, 1 CEC';
    const at = text.indexOf('March');
    // the span covers "March 3 2025": its 3 is not a CEC count
    expect(findCecsInSentence(text, [{ start: at, end: at + 'March 3 2025'.length - 1 }])).toEqual({ kind: 'cecs', value: 1 });
  });
});
