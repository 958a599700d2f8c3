// Dates said loosely or ambiguously are said back as read (pure): a numeric date with two readings, a rough
// "about two years ago", a correction naming no year.
import { inKnownYear } from '../../src/recert/corrections';
import { numericDateEcho, relativeDate } from '../../src/recert/dateEcho';

const TODAY = '2026-11-28';

describe('numericDateEcho', () => {
  test.each([
    ['05/12/2024', '2024-05-12', /I read 05\/12\/2024 as May 12, 2024\. If you meant 5 December, say "5 December 2024"\./],
    ['12/05/2024', '2024-12-05', /as December 5, 2024\. If you meant 12 May, say "12 May 2024"\./],
    ['3.4.25', '2025-03-04', /as March 4, 2025\. If you meant 3 April, say "3 April 2025"\./],
  ])('%s read as %s is echoed with the other reading', (said, read, expected) => {
    expect(numericDateEcho(said, read)).toMatch(expected);
  });
  test.each([
    ['13/05/2024', '2024-05-13'],
    ['5/5/2024', '2024-05-05'],
    ['May 12 2024', '2024-05-12'],
  ])('%s has one reading: nothing to echo', (said, read) => {
    expect(numericDateEcho(said, read)).toBeUndefined();
  });
});

describe('relativeDate', () => {
  test.each([
    ['about two years ago', '2024-11-28', 'ask'],
    ['around 2 years ago', '2024-11-28', 'ask'],
    ['two years ago', '2024-11-28', 'estimate'],
    ['about 18 months ago', '2025-05-28', 'estimate'],
    ['a year ago', '2025-11-28', 'estimate'],
  ])('"%s" (%s) → %s', (said, on, kind) => {
    expect(relativeDate(said, on, TODAY)?.kind).toBe(kind);
  });
  test.each(['two years ago today', 'March 3 2025'])('"%s" is exact or no relative date', (said) => {
    expect(relativeDate(said, '2024-11-28', TODAY)).toBeUndefined();
  });
});

describe('inKnownYear', () => {
  test.each([
    ['the 5th of December', '2025-12-05', '2024-05-12', '2024-12-05'],
    ['December 5 2025', '2025-12-05', '2024-05-12', '2025-12-05'],
    ['5/12/25', '2025-12-05', '2024-05-12', '2025-12-05'],
    ['the 5th of December', '2025-12-05', '2026-05-12', '2025-12-05'], // the known year would be in the future
    ['the 5th of December', '2025-12-05', undefined, '2025-12-05'],
  ])('"%s" read %s, known %s → %s', (text, read, known, expected) => {
    expect(inKnownYear(read, text, known, TODAY)).toBe(expected);
  });
});
