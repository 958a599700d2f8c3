// A route check left half-way (a person asked for, or "cancel") keeps its answers next to the complete ones:
// afterwards "check my status" — or just the answer to the question that was open — goes on from there, saying
// briefly what is already known and asking only what is missing. "start over" and "forget me" drop them.
// Real turns through MainConversation.run; the recording hand-off stands in for an agent who hands back.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from './mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const EXAM_QUESTION = /Which exam did you pass/;
const CEC_QUESTION = /How many CECs have you earned/;
const DATE_QUESTION = /When were you certified\?/;

describe('after a hand-off or a cancel half-way, the check goes on from the answers given', () => {
  type Case = {
    name: string;
    before: string[];
    leave: string;
    after: string[];
    /** the reply to the first message after coming back */
    resumes: RegExp;
    notSaid?: RegExp;
    expected: Record<string, unknown>;
  };
  const cases: Case[] = [
    {
      name: 'Pat: the open exam question answered straight after the hand-back',
      before: ['check my status', 'March 1 2025'],
      leave: 'talk to a person',
      after: ['online exam', '1 cec', 'yes'],
      resumes: /Picking up where we left off: certified March 1, 2025 and the online exam[\s\S]*How many CECs/,
      notSaid: /From the help article|When were you certified/,
      expected: { certifiedOn: '2025-03-01', earnedVia: 'online-exam', cecsEarned: 1 },
    },
    {
      name: '"check my status" after the hand-back confirms the date and asks the exam',
      before: ['check my status', 'March 1 2025'],
      leave: 'talk to a person',
      after: ['check my status', 'testing center', '2', 'yes'],
      resumes: /Picking up where we left off: certified March 1, 2025\b[\s\S]*Which exam did you pass/,
      notSaid: DATE_QUESTION,
      expected: { certifiedOn: '2025-03-01', earnedVia: 'testing-center-exam', cecsEarned: 2 },
    },
    {
      name: 'the open CEC question answered with a bare number',
      before: ['check my status', 'March 1 2025', 'online'],
      leave: 'can I speak to a human',
      after: ['1.5', 'yes'],
      resumes: /Picking up where we left off\.[\s\S]*CECs earned: 1\.5[\s\S]*Is that right\?/,
      expected: { certifiedOn: '2025-03-01', earnedVia: 'online-exam', cecsEarned: 1.5 },
    },
    {
      name: 'left at the confirmation: everything is shown again to confirm',
      before: ['I was certified on March 1 2025 through the online exam and have 1 CEC'],
      leave: 'talk to a person',
      after: ['check my status', 'yes'],
      resumes: /Picking up where we left off\.[\s\S]*Certified on: March 1, 2025[\s\S]*CECs earned: 1\n[\s\S]*Is that right\?/,
      expected: { certifiedOn: '2025-03-01', earnedVia: 'online-exam', cecsEarned: 1 },
    },
    {
      name: 'cancelled half-way, then "check my status"',
      before: ['check my status', 'June 20 2024', 'the online one'],
      leave: 'cancel',
      after: ['check my status', 'none', 'yes'],
      resumes: /Picking up where we left off: certified June 20, 2024 and the online exam[\s\S]*How many CECs/,
      expected: { certifiedOn: '2024-06-20', earnedVia: 'online-exam', cecsEarned: 0 },
    },
    {
      name: 'what is said now wins over the answer from before',
      before: ['check my status', 'March 1 2025'],
      leave: 'talk to a person',
      after: ['I was certified on April 2 2025 via the testing center', '0', 'yes'],
      resumes: CEC_QUESTION,
      notSaid: /Picking up where we left off|March 1, 2025/,
      expected: { certifiedOn: '2025-04-02', earnedVia: 'testing-center-exam', cecsEarned: 0 },
    },
  ];

  test.each(cases)('$name', async ({ before, leave, after, resumes, notSaid, expected }) => {
    const bot = mainHarness(stores);
    for (const line of before) await bot.say(line);
    const left = await bot.say(leave);
    expect(left.inPath).toBe(false);
    const back = await bot.say(after[0]);
    expect(back.text).toMatch(resumes);
    if (notSaid) expect(back.text).not.toMatch(notSaid);
    let last = back;
    for (const line of after.slice(1)) last = await bot.say(line);
    expect(last.assessment).toMatchObject(expected);
    // finished: the complete answers are kept for next time, the half-way ones are gone
    const stored = await bot.userStored();
    expect(stored?.pathAnswers).toEqual(expected);
    expect(stored?.pathAnswersUnfinished).toBeUndefined();
  });

  test('the hand-off request still carries the answers so far', async () => {
    const bot = mainHarness(stores);
    for (const line of ['check my status', 'March 1 2025']) await bot.say(line);
    await bot.say('talk to a person');
    expect(bot.handoffs).toEqual([expect.objectContaining({ reason: 'asked', answers: { certifiedOn: '2025-03-01' } })]);
  });
});

describe('a message after coming back is the open question\'s answer only when it answers it', () => {
  const atCecs = ['check my status', 'March 1 2025', 'online', 'talk to a person'];
  test.each([
    ['a question about the exam', atCecs, 'what is the online exam?', /From the help article|Did you mean/],
    ['a bare "no" (not "no CECs" out of context)', atCecs, 'no', /./],
    ['a number while the date is the open question', ['check my status', 'online exam', 'talk to a person'], '2', /./],
  ])('%s', async (_name, before, text, reply) => {
    const bot = mainHarness(stores);
    for (const line of before) await bot.say(line);
    const turn = await bot.say(text);
    expect(turn.text).toMatch(reply);
    expect(turn.text).not.toMatch(/Picking up where we left off|Is that right\?/);
    expect(turn.inPath).toBe(false);
  });
});

describe('what drops the half-way answers', () => {
  test('"start over" in the check: the next check asks everything again', async () => {
    const bot = mainHarness(stores);
    for (const line of ['check my status', 'March 1 2025', 'start over']) await bot.say(line);
    expect((await bot.userStored())?.pathAnswersUnfinished).toBeUndefined();
    await bot.say('talk to a person');
    const again = await bot.say('check my status');
    expect(again.text).toMatch(DATE_QUESTION);
    expect(again.text).not.toMatch(/Picking up/);
  });

  test.each([
    ['after the hand-back', ['check my status', 'March 1 2025', 'online', 'talk to a person', 'forget me']],
    ['in the middle of the check', ['check my status', 'March 1 2025', 'online', 'cancel', 'check my status', 'forget me']],
  ])('"forget me" %s deletes them with the complete answers', async (_when, lines) => {
    const bot = mainHarness(stores);
    // complete answers from an earlier check, then a half-way one
    for (const line of ['I was certified on June 20 2024 through the online exam and have 1 CEC', 'yes']) await bot.say(line);
    for (const line of lines.slice(0, -1)) await bot.say(line);
    const kept = await bot.userStored();
    expect(kept?.pathAnswers).toBeDefined();
    expect(kept?.pathAnswersUnfinished).toMatchObject({ certifiedOn: '2025-03-01', earnedVia: 'online-exam' });
    expect((await bot.say(lines.at(-1)!)).text).toMatch(/deleted what I had stored/);
    const stored = await bot.userStored();
    expect(stored?.pathAnswers).toBeUndefined();
    expect(stored?.pathAnswersUnfinished).toBeUndefined();
    expect((await bot.say('online exam')).text).not.toMatch(/Picking up/);
    const fresh = await bot.say('check my status');
    expect(fresh.text).toMatch(DATE_QUESTION);
    expect(fresh.text).not.toMatch(/Picking up|Use the answers you gave last time/);
  });
});

describe('a finished check is not "half-way"', () => {
  test('the answers of a finished check are offered for reuse, not picked up', async () => {
    const bot = mainHarness(stores);
    for (const line of ['I was certified on June 20 2024 through the online exam and have 1 CEC', 'yes']) await bot.say(line);
    const again = await bot.say('check my status');
    expect(again.text).toMatch(/Use the answers you gave last time \(certified June 20, 2024, the online exam, 1 CEC\)\?/);
    expect(again.text).not.toMatch(/Picking up/);
  });

  test('a lapsed result then "cancel" at the offer of a person keeps nothing half-way', async () => {
    const bot = mainHarness(stores);
    for (const line of ['check my status', 'it expired on January 10, 2026', 'online', 'none', 'yes']) await bot.say(line);
    await bot.say('cancel');
    expect((await bot.userStored())?.pathAnswersUnfinished).toBeUndefined();
  });
});
