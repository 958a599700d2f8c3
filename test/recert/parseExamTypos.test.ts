// Exam answers typed in a hurry: a key word one edit off (two for long words) still names the exam; words that
// are merely close to a key word, or a key word's typo without the rest of the exam's name, do not.
import { parseExam } from '../../src/recert/parseExam';
import { extractFacts } from '../../src/recert/extractFacts';

describe('typos of the exam words', () => {
  test.each([
    ['onlin exam', 'online-exam'],
    ['onine', 'online-exam'],
    ['the onlien one', 'online-exam'],
    ['tesing center', 'testing-center-exam'],
    ['testing centre', 'testing-center-exam'],
    ['testng cener', 'testing-center-exam'],
    ['at a testin centr', 'testing-center-exam'],
    ['procterd exam', 'testing-center-exam'],
    ['not onlin, at a test center', 'testing-center-exam'],
  ])('%j → %s', (text, expected) => {
    expect(parseExam(text)).toBe(expected);
  });

  test.each([
    ['texting center'],
    ['tasting center'],
    ['inline'],
    ['outline of the exam'],
    ['only once'],
    ['tesing'],
    ['cener'],
    ['I was resting'],
  ])('%j is not an exam', (text) => {
    expect(parseExam(text)).toBeUndefined();
  });

  test('a whole sentence with a typo still gives the exam', () => {
    expect(extractFacts('I passed the onlin exam on March 3 2025', '2026-05-15')).toMatchObject({ certifiedOn: '2025-03-03', earnedVia: 'online-exam' });
  });
});
