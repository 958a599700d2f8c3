// QA round (today 2026-11-28): a correction changes only what it names. "now" / "today" / "this year" in a
// sentence about the CECs say when the count stands, not a certification date; a year alone moves the known date
// to that year; a stray number at the confirmation is the CECs. Date recovery: a year and month said apart, a day
// the month lacks, "I don't remember", a past expiry, an exam that was neither, early answers at the day prompt.
// Real turns through MainConversation.run (routing, FAQ and interruptions included).
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from './mainHarness';
import { checkPath, playPath, type PathCase } from './pathCase';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const TODAY = new Date('2026-11-28T15:00:00Z');
const CONFIRM = ['check my status', 'certified March 3 2025, testing center, 1 CEC'];

type Case = PathCase;
const play = (c: Case) => playPath(stores, TODAY, c);
const check = checkPath;

describe('a CEC correction saying "now" / "today" changes only the CECs', () => {
  const cases: Case[] = [
    {
      name: 'confirmation: "actually i have 2 CECs now"',
      before: CONFIRM,
      said: 'actually i have 2 CECs now',
      reply: /Changed the CECs to 2\.[\s\S]*Certified on: March 3, 2025[\s\S]*CECs earned: 2/,
      notSaid: /November 28, 2026/,
      after: ['yes'],
      expected: { certifiedOn: '2025-03-03', cecsEarned: 2 },
    },
    {
      name: 'confirmation: "I finished another one today so 1.5"',
      before: CONFIRM,
      said: 'I finished another one today so 1.5',
      reply: /Changed the CECs to 1\.5\.[\s\S]*Certified on: March 3, 2025[\s\S]*CECs earned: 1\.5/,
      notSaid: /November 28, 2026/,
      after: ['yes'],
      expected: { certifiedOn: '2025-03-03', cecsEarned: 1.5 },
    },
    ...[
      'i have 2 cecs as of today',
      'I got 2 CECs this year',
      'currently 2 CECs',
      'I took a CEC class last month, so 2 CECs now',
    ].map((said): Case => ({
      name: `confirmation: "${said}"`,
      before: CONFIRM,
      said,
      reply: /Changed the CECs to 2\.[\s\S]*Certified on: March 3, 2025/,
      after: ['yes'],
      expected: { certifiedOn: '2025-03-03', cecsEarned: 2 },
    })),
    {
      name: 'date prompt: "I have 2 CECs now" is no certification date',
      before: ['check my status'],
      said: 'I have 2 CECs now',
      reply: /Got it: 2 CECs\.[\s\S]*When were you certified/,
      after: ['March 3 2025', 'online', 'yes'],
      expected: { certifiedOn: '2025-03-03', cecsEarned: 2 },
    },
    {
      name: 'exam prompt: "I earned 1 CEC last month" is no date change',
      before: ['check my status', 'March 3 2025'],
      said: 'I earned 1 CEC last month',
      reply: /Got it: 1 CEC\.[\s\S]*Which exam/,
      notSaid: /Which day|October/,
      after: ['online', 'yes'],
      expected: { certifiedOn: '2025-03-03', cecsEarned: 1 },
    },
    {
      name: 'opener: "I passed the exam today" is still a date',
      before: ['check my status'],
      said: 'I passed the online exam today, no CECs yet',
      reply: /Certified on: November 28, 2026/,
    },
  ];
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { turn, last } = await play(c);
    check(c, turn, last);
  });
});

describe('a correction at a later prompt is applied and the check goes on where it was', () => {
  const cases: Case[] = [
    {
      name: 'exam prompt: "actually it was 2023" keeps month and day',
      before: ['check my status', 'March 3 2025'],
      said: 'actually it was 2023',
      reply: /Changed the certification date to March 3, 2023\.[\s\S]*Which exam/,
      after: ['online', '1', 'yes'],
      expected: { certifiedOn: '2023-03-03', earnedVia: 'online-exam' },
    },
    {
      name: 'CEC prompt: "actually the date was sept 9 2023"',
      before: ['check my status', 'March 3 2025', 'online'],
      said: 'actually the date was sept 9 2023',
      reply: /Changed the certification date to September 9, 2023\.[\s\S]*How many CECs/,
      notSaid: /more than one number/,
      after: ['1', 'yes'],
      expected: { certifiedOn: '2023-09-09', cecsEarned: 1 },
    },
    {
      name: 'CEC prompt: "actually it was 2024"',
      before: ['check my status', 'March 3 2025', 'online'],
      said: 'actually it was 2024',
      reply: /Changed the certification date to March 3, 2024\.[\s\S]*How many CECs/,
      after: ['1', 'yes'],
      expected: { certifiedOn: '2024-03-03', cecsEarned: 1 },
    },
    {
      name: 'confirmation: "actually it was 2023"',
      before: CONFIRM,
      said: 'actually it was 2023',
      reply: /Changed the certification date to March 3, 2023\.[\s\S]*Certified on: March 3, 2023[\s\S]*CECs earned: 1\n/,
      after: ['yes'],
      expected: { certifiedOn: '2023-03-03', earnedVia: 'testing-center-exam', cecsEarned: 1 },
    },
    {
      name: 'confirmation: a year still ahead is refused, the date kept',
      before: CONFIRM,
      said: 'actually the year was 2027',
      reply: /March 3, 2027 is still ahead[\s\S]*Certified on: March 3, 2025/,
    },
    {
      name: 'date prompt: "the year was 2023 not 2025" asks which day in 2023',
      before: ['check my status'],
      said: 'the year was 2023 not 2025',
      reply: /Which month in 2023 were you certified/,
      after: ['march 3', 'online', '1', 'yes'],
      expected: { certifiedOn: '2023-03-03' },
    },
    {
      name: 'date prompt after "change the date": a year alone keeps month and day',
      before: [...CONFIRM, 'change the date'],
      said: 'the year was 2024 not 2025',
      reply: /Changed the certification date to March 3, 2024\.[\s\S]*Is that right/,
      after: ['yes'],
      expected: { certifiedOn: '2024-03-03', cecsEarned: 1 },
    },
    {
      name: 'day prompt: "actually it was 2024" keeps the month',
      before: ['check my status', 'March 2025'],
      said: 'actually it was 2024',
      reply: /Changed the year to 2024\.[\s\S]*Which day in March 2024/,
      after: ['5', 'online', '1', 'yes'],
      expected: { certifiedOn: '2024-03-05' },
    },
  ];
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { turn, last } = await play(c);
    check(c, turn, last);
  });
});

describe('a number alone at the confirmation is about the CECs', () => {
  test.each([
    ['about 1', /Got it: 1 CEC\.[\s\S]*Is that right/, undefined],
    ['so 1.5', /Changed the CECs to 1\.5\.[\s\S]*CECs earned: 1\.5/, 1.5],
    ['maybe one and a half', /Changed the CECs to 1\.5\./, 1.5],
    ['-1', /CECs can't be negative\.[\s\S]*CECs earned: 1\n/, undefined],
    ['75', /more than 50 CECs[\s\S]*Is that right/, undefined],
  ])('"%s"', async (said, reply, cecs) => {
    const c: Case = { name: said, before: CONFIRM, said, reply, after: ['yes'], expected: { cecsEarned: cecs ?? 1, certifiedOn: '2025-03-03' } };
    const { turn, last } = await play(c);
    check(c, turn, last);
  });

  test('the numbered buttons still pick: "1" is yes', async () => {
    const h = mainHarness(stores, TODAY);
    for (const line of CONFIRM) await h.say(line);
    expect((await h.say('1')).assessment).toMatchObject({ cecsEarned: 1 });
  });
});

describe('date recovery', () => {
  const cases: Case[] = [
    {
      name: 'a year and a month said apart',
      before: ['check my status'],
      said: 'in 2024, around may',
      reply: /Which day in May 2024 were you certified/,
      notSaid: /at least the month/,
    },
    {
      name: '"I don\'t remember": the month alone, the expiry date, or a person',
      before: ['check my status'],
      said: "I don't remember",
      reply: /month and year are enough[\s\S]*expiry date works[\s\S]*talk to a person[\s\S]*When were you certified/,
      notSaid: /couldn't read a date/,
    },
    {
      name: 'February 31',
      before: ['check my status'],
      said: 'Feb 31 2025',
      reply: /February 2025 has no 31st\.[\s\S]*Which day in February 2025 were you certified/,
      after: ['28', 'online', '1', 'yes'],
      expected: { certifiedOn: '2025-02-28' },
    },
    {
      name: 'February 29 in a common year, at the day prompt',
      before: ['check my status', 'February 2025'],
      said: '29',
      reply: /February 2025 has no 29th\.[\s\S]*Which day in February 2025/,
    },
    {
      name: 'an expiry in the past: "did it expire"',
      before: ['check my status'],
      said: 'it expired last month',
      reply: /Which day in October 2026 did it expire\?/,
      after: ['15'],
    },
    {
      name: 'an expiry ahead: "does it expire"',
      before: ['check my status'],
      said: 'it expires in March 2027',
      reply: /Which day in March 2027 does it expire\?/,
    },
    {
      name: 'the exam was neither: a person offered',
      before: ['check my status', 'March 3 2025'],
      said: 'neither, I was grandfathered in',
      reply: /talk to a person[\s\S]*Which exam/,
      notSaid: /Please choose one of the two exams/,
    },
    {
      name: '"not sure, the online one" at the day prompt keeps the exam',
      before: ['check my status', 'March 2025'],
      said: 'hmm not sure, the online one i think',
      reply: /March 1, 2025, the first of the month[\s\S]*How many CECs/,
      notSaid: /Which exam/,
      after: ['1', 'yes'],
      expected: { certifiedOn: '2025-03-01', earnedVia: 'online-exam' },
    },
  ];
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { turn, last } = await play(c);
    check(c, turn, last);
  });

  test('"it expired last month", the day: the past tense and the certification date', async () => {
    const h = mainHarness(stores, TODAY);
    await h.say('check my status');
    await h.say('it expired last month');
    expect((await h.say('15')).text).toMatch(/It expired on October 15, 2026, so you were certified on October 15, 2024/);
  });

  test('an unreadable answer twice at the exam prompt offers a person, with a button', async () => {
    const h = mainHarness(stores, TODAY);
    for (const line of ['check my status', 'March 3 2025']) await h.say(line);
    const first = await h.say('banana');
    expect(first.text).not.toMatch(/talk to a person/);
    const second = await h.say('banana');
    expect(second.text).toMatch(/say "talk to a person"[\s\S]*Which exam/);
    expect(second.buttons).toContain('Talk to a person');
    const handedOff = await h.say('Talk to a person');
    expect(handedOff.inPath).toBe(false);
    expect(h.handoffs).toHaveLength(1);
  });
});
