// Pure readers behind the QA corrections: which dates are the certification's, year-only corrections, a year and
// a month said apart, days a month lacks.
import { correctedYear, withYear } from '../../src/recert/corrections';
import { extractFacts } from '../../src/recert/extractFacts';
import { parseDateAnswer } from '../../src/recert/parseDate';
import { parseCecs } from '../../src/recert/parseCecs';

const TODAY = '2026-11-28';

describe('a date in a sentence about the CECs is not the certification date', () => {
  test.each([
    ['actually i have 2 CECs now', { cecsEarned: 2 }],
    ['I finished another one today so 1.5', {}],
    ['i have 2 cecs as of today', { cecsEarned: 2 }],
    ['I got 1.5 CECs this year', { cecsEarned: 1.5 }],
    ['I earned 1 CEC last month', { cecsEarned: 1 }],
  ])('"%s"', (text, facts) => {
    expect(extractFacts(text, TODAY)).toEqual(facts);
  });

  test.each([
    ['I was certified today', '2026-11-28'],
    ['today', '2026-11-28'],
    ['I passed the exam today, no CECs yet', '2026-11-28'],
    ['certified March 3 2025, testing center, 1 CEC', '2025-03-03'],
  ])('"%s" keeps its date', (text, certifiedOn) => {
    expect(extractFacts(text, TODAY).certifiedOn).toBe(certifiedOn);
  });

  test('a certification month next to a class month: the certification\'s', () => {
    expect(extractFacts('certified June 2025, I got 1 CEC in August', TODAY)).toMatchObject({ month: { year: 2025, month: 6 }, cecsEarned: 1 });
  });
});

describe('a year and a month said apart, and days a month lacks', () => {
  test.each([
    ['in 2024, around may', { kind: 'month', year: 2024, month: 5 }],
    ['may 3rd, in 2024', { kind: 'date', certifiedOn: '2024-05-03' }],
    ['Feb 31 2025', { kind: 'problem', problem: 'no-such-day', said: '2025-02-31' }],
    ['31 feb 2025', { kind: 'problem', problem: 'no-such-day', said: '2025-02-31' }],
    ['february 31st', { kind: 'problem', problem: 'no-such-day', said: '0000-02-31' }],
  ])('"%s"', (text, answer) => {
    expect(parseDateAnswer(text, TODAY)).toMatchObject(answer);
  });
});

describe('year-only corrections', () => {
  test.each([
    ['actually it was 2023', false, 2023],
    ['the year was 2023 not 2025', false, 2023],
    ['not 2025, 2023', false, 2023],
    ['2023', true, 2023],
    ['in 2023', true, 2023],
    ['2023', false, undefined],
    ['actually it was March 2023', true, undefined],
    ['online exam, sometime in spring 2025', true, undefined],
    ['I have 2 CECs since 2024', true, undefined],
    ['2023 or 2024', true, undefined],
  ])('"%s" (bare %s) → %s', (text, bare, year) => {
    expect(correctedYear(text, bare)).toBe(year);
  });

  test('29 February in a common year becomes the 28th', () => {
    expect(withYear('2024-02-29', 2023)).toBe('2023-02-28');
  });
});

test('"another one" is a class, not a count', () => {
  expect(parseCecs('I finished another one today so 1.5')).toEqual({ kind: 'cecs', value: 1.5 });
});
