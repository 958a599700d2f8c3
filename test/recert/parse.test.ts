import { extractFacts } from '../../src/recert/extractFacts';
import { parseCecs } from '../../src/recert/parseCecs';
import { parseDateAnswer, parseDayAnswer } from '../../src/recert/parseDate';
import { parseExam } from '../../src/recert/parseExam';
import { cultureFor, warmUpRecognizers } from '../../src/recert/recognizers';

const today = '2026-05-15';

beforeAll(() => warmUpRecognizers());

describe('parseDateAnswer: certification dates', () => {
  test.each([
    ['March 3, 2025', '2025-03-03'],
    ['3 March 2025', '2025-03-03'],
    ['2025-03-03', '2025-03-03'],
    ['03/03/2025', '2025-03-03'],
    ['04/05/2025', '2025-04-05'], // en-US: month first
    ['the 3rd of March 2025', '2025-03-03'],
    ['Mar 3 2025', '2025-03-03'],
    ['I got certified on March 3rd, 2025', '2025-03-03'],
    ['18 months ago', '2024-11-15'],
    ['a year and a half ago', '2024-11-15'],
    ['one and a half years ago', '2024-11-15'],
    ['1 1/2 years ago', '2024-11-15'],
    ['1.5 years ago', '2024-11-15'],
    ['the 3rd of March last year', '2025-03-03'], // the recognizer drops "last year"
    ['3/3/25', '2025-03-03'],
    ['15th January 2025', '2025-01-15'],
    ['2 years ago', '2024-05-15'],
    ['March 3', '2026-03-03'], // year left out → the past reading
    ['December 1', '2025-12-01'], // this year's would be in the future
  ])('%s → certified %s', (text, certifiedOn) => {
    expect(parseDateAnswer(text, today)).toMatchObject({ kind: 'date', certifiedOn, from: 'certified' });
  });

  test.each([
    ['04/05/2025', 'en-GB', '2025-05-04'],
    ['04/05/2025', 'en-AU', '2025-05-04'],
    ['04/05/2025', 'en-US', '2025-04-05'],
    ['04/05/2025', undefined, '2025-04-05'],
    ['13/05/2025', 'en-GB', '2025-05-13'],
  ])('%s in %s → %s', (text, locale, certifiedOn) => {
    expect(parseDateAnswer(text, today, locale)).toMatchObject({ kind: 'date', certifiedOn });
  });

  test.each([
    ['it expires on June 3, 2027', '2025-06-03', '2027-06-03'],
    ['expiry date is 2027-02-28', '2025-02-28', '2027-02-28'],
    ['my cert expires June 3', '2024-06-03', '2026-06-03'], // year left out → the coming expiry
    ['it expired on March 1 2026', '2024-03-01', '2026-03-01'],
    ['valid until 1/10/2027', '2025-01-10', '2027-01-10'],
    ['it expires in 3 months', '2024-08-15', '2026-08-15'], // durations ahead count from today
    ['my recertification is due in 2 weeks', '2024-05-29', '2026-05-29'],
  ])('%s → certified %s (said %s)', (text, certifiedOn, said) => {
    expect(parseDateAnswer(text, today)).toEqual({ kind: 'date', certifiedOn, from: 'expiry', said });
  });

  test.each([
    ['March 2025', 2025, 3, 'certified'],
    ['last June', 2025, 6, 'certified'],
    ['last March', 2026, 3, 'certified'], // the most recent March, not last year's
    ['in June', 2025, 6, 'certified'],
    ['it expires in June 2027', 2027, 6, 'expiry'],
  ])('%s → month %s-%s, ask for the day', (text, year, month, from) => {
    expect(parseDateAnswer(text, today)).toMatchObject({ kind: 'month', year, month, from });
  });

  test.each([
    ['in June', true],
    ['June', true],
    ['last June', false], // "last" pins the year
    ['June 2025', false],
    ["June '25", false],
  ])('%s: month said without a year → yearless %s', (text, yearless) => {
    expect((parseDateAnswer(text, today) as { yearless?: boolean }).yearless ?? false).toBe(yearless);
  });

  test.each([
    ['two years ago yesterday', '2024-05-14'],
    ['2 years ago today', '2024-05-15'],
    ['a year ago tomorrow', '2025-05-16'],
    ['18 months ago yesterday', '2024-11-14'],
    ["June 3 '25", '2025-06-03'],
  ])('%s → %s (relative to another day, two-digit year)', (text, certifiedOn) => {
    expect(parseDateAnswer(text, today)).toMatchObject({ kind: 'date', certifiedOn });
  });

  test.each([
    ["June '24", 2024, 6],
    ["sept '25", 2025, 9],
  ])('%s → month %s-%s', (text, year, month) => {
    expect(parseDateAnswer(text, today)).toMatchObject({ kind: 'month', year, month });
  });

  test.each([
    ['spring 2024', 'vague'],
    ['summer of 2025', 'vague'],
    ['mid 2024', 'vague'],
    ['late 2024', 'vague'],
    ['it expires on June 3, 2029', 'expiry-too-far'],
    ['March 3, 2010', 'too-old'],
    ['1999', 'year-only'],
    ['last year', 'year-only'],
    ['I am not sure', 'unreadable'],
    ['certified in 3 months', 'unreadable'],
    ['online', 'unreadable'],
    ['banana', 'unreadable'],
    ['', 'unreadable'],
  ])('%s → problem %s', (text, problem) => {
    expect(parseDateAnswer(text, today)).toEqual({ kind: 'problem', problem });
  });

  test.each([
    ['June 3, 2026', '2026-06-03'],
    ['tomorrow', '2026-05-16'],
    ['December 2026', '2026-12'],
  ])('%s → problem future, keeping what was said (maybe the expiry)', (text, said) => {
    expect(parseDateAnswer(text, today)).toEqual({ kind: 'problem', problem: 'future', said });
  });

  test('caps the text before recognition: a 100 KB answer is refused, not recognized', () => {
    const huge = 'March 3, 2025 '.padEnd(100_000, 'x');
    expect(parseDateAnswer(huge, today)).toMatchObject({ kind: 'date', certifiedOn: '2025-03-03' });
    expect(parseDateAnswer('x'.repeat(100_000) + ' March 3, 2025', today)).toEqual({ kind: 'problem', problem: 'unreadable' });
  });
});

describe('month names as trainers mistype them', () => {
  test.each([
    ['i got certifed in augst 2024', 'month'],
    ['agust 5 2024', '2024-08-05'],
    ['febuary 3 2025', '2025-02-03'],
    ['septmber 10, 2024', '2024-09-10'],
  ])('%s', (text, expected) => {
    const r = parseDateAnswer(text, today);
    if (expected === 'month') expect(r).toMatchObject({ kind: 'month', year: 2024, month: 8 });
    else expect(r).toMatchObject({ kind: 'date', certifiedOn: expected });
  });
});

describe('parseDayAnswer', () => {
  const march = { year: 2025, month: 3, from: 'certified' as const };
  test.each([
    ['3', '2025-03-03', false],
    ['the 3rd', '2025-03-03', false],
    ['3rd', '2025-03-03', false],
    ['third', '2025-03-03', false],
    ['the twenty-first', '2025-03-21', false],
    ["I don't know", '2025-03-01', true],
    ['not sure', '2025-03-01', true],
    ['March 5 2025', '2025-03-05', false],
  ])('%s → %s (assumed first: %s)', (text, certifiedOn, assumedFirst) => {
    expect(parseDayAnswer(text, march, today)).toMatchObject({ kind: 'date', certifiedOn, assumedFirst });
  });

  test.each([
    ['32', 'no-such-day'],
    ['banana', 'unreadable'],
    // a CEC count given one prompt early is not a day
    ['2 credits', 'unreadable'],
    ['two CECs', 'unreadable'],
    ['1.5', 'unreadable'],
  ])('%s → %s', (text, problem) => {
    expect(parseDayAnswer(text, march, today)).toEqual({ kind: 'problem', problem });
  });

  test('a day that makes the date future is refused', () => {
    expect(parseDayAnswer('20', { year: 2026, month: 5, from: 'certified' }, today)).toEqual({ kind: 'problem', problem: 'future', said: '2026-05-20' });
  });

  test.each([
    ['20', '2025-05-20'], // ahead this year: last year's
    ['10', '2026-05-10'], // already passed this year
  ])('a month said without a year (May, on May 15): day %s → %s', (text, certifiedOn) => {
    expect(parseDayAnswer(text, { year: 2026, month: 5, from: 'certified', yearless: true }, today)).toMatchObject({ kind: 'date', certifiedOn });
  });

  test('a day in an expiry month gives the certification date two years earlier', () => {
    expect(parseDayAnswer('3', { year: 2027, month: 6, from: 'expiry' }, today)).toMatchObject({ certifiedOn: '2025-06-03', said: '2027-06-03' });
  });
});

describe('parseExam', () => {
  test.each([
    ['online', 'online-exam'],
    ['Online exam', 'online-exam'],
    ['I did it online from home', 'online-exam'],
    ['I have the certificate', 'online-exam'],
    ['online proctored', 'online-exam'],
    ['I did it on my computer', 'online-exam'],
    ['virtual', 'online-exam'],
    ['I took it at a testing center', 'testing-center-exam'],
    ['testing centre', 'testing-center-exam'],
    ['Testing-center exam (NCCA)', 'testing-center-exam'],
    ['the proctored one', 'testing-center-exam'],
    ['in person', 'testing-center-exam'],
    ['NCCA exam', 'testing-center-exam'],
    ['the accredited exam', 'testing-center-exam'],
    ['not online', 'testing-center-exam'],
    ["I didn't take it online, I went to a testing center", 'testing-center-exam'],
    ['not sure', 'unsure'],
    ['banana', undefined],
    ['2', undefined],
  ])('%s → %s', (text, earnedVia) => {
    expect(parseExam(text)).toBe(earnedVia);
  });
});

describe('parseCecs', () => {
  test.each([
    ['1.5', 1.5],
    ['one and a half', 1.5],
    ['1 and a half', 1.5],
    ['none', 0],
    ['None yet', 0],
    ['not yet', 0],
    ['no', 0],
    ['nope', 0],
    ['zero', 0],
    ["I don't have any", 0],
    ['no CECs', 0],
    ['nope, none', 0],
    ["haven't started yet", 0],
    ['2 online classes, so 1 CEC', 1],
    ['2 CECs', 2],
    ['I have 1.5 CECs', 1.5],
    ['1,5', 1.5],
    ['0.5', 0.5],
    ['half a CEC', 0.5],
    ['two', 2],
    ['50', 50],
  ])('%s → %s', (text, value) => {
    expect(parseCecs(text)).toEqual({ kind: 'cecs', value });
  });

  test.each([
    ['-1', 'negative'],
    ['minus 2', 'negative'],
    ['negative 1', 'negative'],
    ['51', 'too-many'],
    ['1,500', 'too-many'],
    ['banana', 'unreadable'],
    ['', 'unreadable'],
    ['1 or 2', 'several'],
    ['15 hours', 'hours'],
    ['about 10 contact hours', 'hours'],
    ['no, I have 2 or 3', 'several'],
  ])('%s → %s', (text, problem) => {
    expect(parseCecs(text)).toEqual({ kind: 'problem', problem });
  });
});

describe('extractFacts', () => {
  test.each([
    ['I was certified on March 3 2025 through the online exam and have 1.5 CECs', { certifiedOn: '2025-03-03', dateSaid: '2025-03-03', dateFrom: 'certified', earnedVia: 'online-exam', cecsEarned: 1.5 }],
    ['it expires on June 3, 2027, I took it at a testing center, 2 CECs so far', { certifiedOn: '2025-06-03', dateSaid: '2027-06-03', dateFrom: 'expiry', earnedVia: 'testing-center-exam', cecsEarned: 2 }],
    ['certified 03/03/2025, no CECs yet', { certifiedOn: '2025-03-03', dateSaid: '2025-03-03', dateFrom: 'certified', cecsEarned: 0 }],
    ['I did the proctored exam in March 2025', { month: { year: 2025, month: 3, from: 'certified' }, dateFrom: 'certified', earnedVia: 'testing-center-exam' }],
    ['what do I need to do to recertify?', {}],
    ['when does my certification expire?', {}],
    ['am I eligible to recertify by exam?', {}],
    ['check my status', {}],
    ['I have 3 CECs', { cecsEarned: 3 }],
    ['certified June 3 2026', { dateProblem: 'future', dateProblemSaid: '2026-06-03' }],
  ])('%s', (text, facts) => {
    expect(extractFacts(text, today)).toEqual(facts);
  });

  test('the day of a date is not read as CECs', () => {
    expect(extractFacts('certified March 3 2025, CECs: 1', today).cecsEarned).toBe(1);
  });
});

describe('cultureFor', () => {
  test.each([
    [undefined, 'en-us'],
    ['en-US', 'en-us'],
    ['en-CA', 'en-us'],
    ['en-GB', 'en-gb'],
    ['en-AU', 'en-gb'],
    ['fr-FR', 'en-us'],
  ])('%s → %s', (locale, culture) => expect(cultureFor(locale)).toBe(culture));
});

describe('cheap pre-checks: turns without a date never reach the date recognizer', () => {
  // The one door to the library's date recogniser (it keeps one model per culture, so the library's own
  // recognizeDateTime is no longer called).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const recognizers = require('../../src/recert/recognizers');
  test.each([
    () => parseDateAnswer('online', today),
    () => parseDateAnswer('x'.repeat(100_000), today),
    () => extractFacts('what do I need to do to recertify?', today),
    () => extractFacts('check my status', today),
    () => parseExam('I took it at a testing center'),
    () => parseCecs('one and a half'),
  ])('case %#', (call) => {
    const spy = jest.spyOn(recognizers, 'recognizeDates');
    try {
      call();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  test('a date-like answer does reach it', () => {
    const spy = jest.spyOn(recognizers, 'recognizeDates');
    try {
      parseDateAnswer('March 3 2025', today);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
