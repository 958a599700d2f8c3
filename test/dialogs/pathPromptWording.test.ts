// At the path's prompts, in real turns through MainConversation.run (the real FAQ behind the interruptions):
// exam answers with typos are answers, not FAQ questions; every CEC count echoed back agrees in number; hedged
// and pronoun CEC answers are read by parseCecs alone (the dialog no longer cleans them up first).
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from './mainHarness';
import { pathHarness } from './pathHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

async function atExamPrompt() {
  const bot = mainHarness(stores);
  await bot.say('check my status');
  expect((await bot.say('October 5 2024')).text).toMatch(/Which exam did you pass/);
  return bot;
}

describe('exam prompt: typed in a hurry', () => {
  test.each([
    ['onlin exam', 'online-exam'],
    ['onine', 'online-exam'],
    ['testing centre', 'testing-center-exam'],
    ['tesing center', 'testing-center-exam'],
    ['the testng cener', 'testing-center-exam'],
  ])('%j is the exam (%s), not an FAQ question', async (answer, earnedVia) => {
    const bot = await atExamPrompt();
    const turn = await bot.say(answer);
    expect(turn.text).toMatch(/How many CECs have you earned/);
    expect(turn.text).not.toMatch(/From the help article|Did you mean/);
    await bot.say('1');
    expect((await bot.say('yes')).assessment).toMatchObject({ earnedVia });
  });

  test.each(['texting', 'tasting notes', 'inline'])('%j is not read as an exam', async (answer) => {
    const bot = await atExamPrompt();
    const turn = await bot.say(answer);
    expect(turn.text).not.toMatch(/How many CECs have you earned/);
    expect(turn.inPath).toBe(true);
  });
});

describe('CEC counts echoed back agree in number', () => {
  test.each([
    ['1 cec', 'Got it: 1 CEC.'],
    ['I have 1 CEC', 'Got it: 1 CEC.'],
    ['one CEC so far', 'Got it: 1 CEC.'],
    ['1.5 CECs', 'Got it: 1.5 CECs.'],
    ['2 credits', 'Got it: 2 CECs.'],
    ['no CECs yet', 'Got it: 0 CECs.'],
  ])('%j said before the CEC question → %j', async (said, echo) => {
    const h = pathHarness();
    for (const line of ['check my status', 'March 3 2025']) await h.say(line);
    const reply = await h.sayText(said);
    expect(reply).toContain(echo);
    expect(reply).not.toMatch(/\b1 CECs\b/);
  });

  test.each([
    [1, '1 CEC)'],
    [0, '0 CECs)'],
    [1.5, '1.5 CECs)'],
  ])('the reuse offer: %s → %j', async (cecs, words) => {
    const h = pathHarness();
    for (const line of ['check my status', 'March 3 2025', 'online', String(cecs), 'yes']) await h.say(line);
    expect(await h.sayText('check my status')).toContain(`Use the answers you gave last time (certified March 3, 2025, the online exam, ${words}?`);
  });
});

describe('CEC prompt: hedges and "the online one" are read by parseCecs', () => {
  test.each([
    ['probably none', 0],
    ['about 1.5', 1.5],
    ['around 1', 1],
    ['I have probably none', 0],
    ['I think 2', 2],
  ])('%j → %s', async (said, cecs) => {
    const h = pathHarness();
    for (const line of ['check my status', 'March 3, 2025', 'online', said]) await h.say(line);
    await h.say('yes');
    expect(h.results[0].assessment?.cecsEarned).toBe(cecs);
  });

  test('"the online one" at the CEC prompt is not 1 CEC', async () => {
    const h = pathHarness();
    for (const line of ['check my status', 'March 3, 2025', 'online']) await h.say(line);
    expect(await h.sayText('the online one')).toMatch(/couldn't read a number of CECs/);
  });
});
