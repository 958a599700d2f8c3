// Third black-box QA round of the path (today 2026-11-28): a relative date said at the CEC prompt ("oops I mean 20
// months ago") changes the date and is never read as CECs; any clear ask for a person at a prompt starts the
// hand-off (answers kept); "no" to the offer of a person after a lapsed result gets a reply. Real turns through
// MainConversation.run.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from './mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const TODAY = new Date('2026-11-28T15:00:00Z');
const AT_CECS = ['check my status', 'i got certified 14 months ago via the testing centre'];
const CEC_QUESTION = /How many CECs have you earned/;

describe('a number with a time unit at the CEC prompt is a date, never CECs', () => {
  test.each([
    ['oops I mean 20 months ago', 'March 28, 2025', '2025-03-28'],
    ['sorry, I meant 20 months ago', 'March 28, 2025', '2025-03-28'],
    ['actually it was 2 years ago', 'November 28, 2024', '2024-11-28'],
    ['no wait, 18 months ago', 'May 28, 2025', '2025-05-28'],
    ['20 months ago', 'March 28, 2025', '2025-03-28'],
  ])('"%s" → the date changed to %s, the CECs asked again', async (said, long, iso) => {
    const h = mainHarness(stores, TODAY);
    for (const line of AT_CECS) await h.say(line);
    const turn = await h.say(said);
    expect(turn.text).toMatch(new RegExp(`Changed the certification date to ${long}\\.[\\s\\S]*How many CECs have you earned`));
    expect(turn.text).not.toMatch(/CECs earned|Is that right/);
    await h.say('1');
    const result = await h.say('yes');
    expect(result.assessment).toMatchObject({ certifiedOn: iso, earnedVia: 'testing-center-exam', cecsEarned: 1 });
  });

  test('the date already known, said again, is no count either', async () => {
    const h = mainHarness(stores, TODAY);
    for (const line of AT_CECS) await h.say(line);
    const turn = await h.say('oops I mean 14 months ago');
    expect(turn.text).toMatch(/certification date I have: September 28, 2025[\s\S]*How many CECs/);
    expect(turn.text).not.toMatch(/CECs earned: 14/);
  });

  test.each([
    ['I earned 2 CECs in the last 6 months', 2],
    ['3 CECs over 2 years', 3],
  ])('"%s" at the CEC prompt is %d CECs (the time is no count)', async (said, cecs) => {
    const h = mainHarness(stores, TODAY);
    for (const line of ['check my status', 'March 3 2025', 'online']) await h.say(line);
    const turn = await h.say(said);
    expect(turn.text).toMatch(new RegExp(`CECs earned: ${cecs}\\b[\\s\\S]*Is that right`));
  });

  test('a date correction at the confirmation keeps the CECs', async () => {
    const h = mainHarness(stores, TODAY);
    for (const line of [...AT_CECS, '2']) await h.say(line);
    const turn = await h.say('no wait, I mean 20 months ago');
    expect(turn.text).toMatch(/Changed the certification date to March 28, 2025[\s\S]*CECs earned: 2\b[\s\S]*Is that right/);
  });
});

describe('any clear ask for a person at a prompt starts the hand-off, answers kept', () => {
  const prompts: Array<[string, string[], Record<string, unknown>]> = [
    ['date', ['check my status'], {}],
    ['exam', ['check my status', 'March 3 2025'], { certifiedOn: '2025-03-03' }],
    ['CEC', ['check my status', 'March 3 2025', 'online'], { certifiedOn: '2025-03-03', earnedVia: 'online-exam' }],
  ];
  const asks = ['i want a real person', 'can I get a human', "I'd like to speak to someone", 'give me an agent please'];
  test.each(prompts.flatMap(([name, before, kept]) => asks.map((ask) => [ask, name, before, kept] as const)))(
    '"%s" at the %s prompt',
    async (ask, _name, before, kept) => {
      const h = mainHarness(stores, TODAY);
      for (const line of before) await h.say(line);
      const turn = await h.say(ask);
      expect(turn.text).not.toMatch(/couldn't read|Please choose|can't answer that one/);
      expect(turn.inPath).toBe(false);
      expect(h.handoffs).toHaveLength(1);
      expect(h.handoffs[0]).toMatchObject({ reason: 'asked', answers: kept });
    },
  );

  test('"I want the online exam" at the exam prompt stays an answer', async () => {
    const h = mainHarness(stores, TODAY);
    for (const line of ['check my status', 'March 3 2025']) await h.say(line);
    const turn = await h.say('I want the online exam');
    expect(turn.text).toMatch(CEC_QUESTION);
    expect(h.handoffs).toHaveLength(0);
  });
});

describe('declining the offer of a person after a lapsed result gets a reply and ends the check', () => {
  const LAPSED = ['check my status', 'March 3 2022', 'online', '0', 'yes'];
  test.each(['no', 'No', 'no thanks', 'nope', '2'])('"%s"', async (said) => {
    const h = mainHarness(stores, TODAY);
    let offer;
    for (const line of LAPSED) offer = await h.say(line);
    expect(offer!.text).toMatch(/connect you with a person/);
    const turn = await h.say(said);
    expect(turn.text).toMatch(/^OK\. Anything else about recertification\?$/);
    expect(turn.inPath).toBe(false);
    expect(h.handoffs).toHaveLength(0);
    // The check is over: a follow-up is answered from its result, not read as an answer to the offer.
    const next = await h.say('how many CECs do I need?');
    expect(next.text).not.toMatch(/Please answer yes or no|connect you with a person from the support team\?/);
  });

  test('"yes" still starts a lapsed hand-off', async () => {
    const h = mainHarness(stores, TODAY);
    for (const line of LAPSED) await h.say(line);
    await h.say('yes');
    expect(h.handoffs).toMatchObject([{ reason: 'lapsed' }]);
  });
});
