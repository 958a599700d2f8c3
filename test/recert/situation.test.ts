import { describesOwnSituation } from '../../src/recert/situation';

const today = '2026-05-15';

describe('describesOwnSituation', () => {
  it.each([
    ['I was certified on June 20 2024 through the NCCA exam, what do I need to do?', true],
    ['I got my certification in March 2025 and have 1 CEC', true],
    ['my certification expires on June 3, 2027 - what are my options?', true],
    ['How many CECs do I need?', false],
    ['I passed the online exam, can I recertify by exam?', false],
    ['how often do I need to renew my certification', false],
    ['My certification lapsed two months ago, what do I do?', false],
    ['my cert expired on Jan 10 2026', false],
    ['is 2.0 CECs the requirement?', false],
    // Asking for their own route, with no date yet.
    ['what do I need to do to recertify?', true],
    ['I want to renew', true],
    ["I'd like to renew my certification", true],
    ['when is my recertification due?', true],
    ['how many CECs do I still need?', true],
    ['is my certification still valid?', true],
    ["what's my recertification deadline?", true],
    ['I took the online exam and I have 1.5 CECs, what do I need to do?', true],
    ['certified 2025-03-03 via online exam, no CECs yet', true],
    // General questions with "I"/"my", and off-topic ones, stay with the FAQ.
    ['How many years is my ACTION certification good for?', false],
    ['do i have to renew annually', false],
    ['do i need like 20 CEUs or something?', false],
    ['I know I need to renew every two years, but how many credits is that?', false],
    ['Can I use credits I earned 3 years ago?', false],
    ['When will my printed certificate arrive in the mail?', false],
    ['can i get an extension on my recertification deadline', false],
    ['how many cecs do i need to recertify lol', false],
    ['how long until a personal trainer certification expires', false],
    ['I failed the exam, what now?', false],
    ['Is there a grace period after my certification expires?', false],
    ['hi, my name is Sam and I need to renew my certification', true],
    ['how do I know when my certification expires?', true],
    ['my cert expires soon', true],
    ["I'm certified, what now?", true],
  ])('%s → %s', (text, expected) => {
    expect(describesOwnSituation(text, today)).toBe(expected);
  });
});

describe('the date recognizer stays off openers that cannot carry a date', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const recognizers = require('../../src/recert/recognizers');
  test.each([
    'what do I need to do to recertify?',
    'How many CECs do I need?',
    'I have 2 CECs, what now?',
    'where do I upload my documents?',
    'I passed the online exam, can I recertify by exam?',
  ])('%s', (text) => {
    const spy = jest.spyOn(recognizers, 'recognizeDates');
    try {
      describesOwnSituation(text, today);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
