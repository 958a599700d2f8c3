// Real turns through MainConversation: (1) a trainer certified by the testing-center exam is never told the exam
// route (fee waived, no application, no CECs) applies to them, whether they say so in the message, said it earlier,
// or told the route check; (2) after a route result, own-situation follow-ups are answered from that result, with
// "Check again" to redo it, instead of the general rule or a new check.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from './mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const NOW = new Date('2026-11-28T12:00:00Z');
// The exam route's benefits stated as the trainer's own.
const EXAM_ROUTE_AS_THEIRS = /upgrades your certificate|fee is waived|you don't need CECs|Recertifying by exam is open to you/;
const TC_ANSWER = /Since you earned your certification through the NCCA-accredited exam at a testing center, you recertify by earning 2\.0 CECs/;

describe('testing-center trainers get the CEC route', () => {
  it.each([
    [["I'm fully certified (testing center exam). How do I recertify?"]],
    [["I'm fully certified (testing center exam). How do I recertify?", 'do I still pay the fee?']],
    [['can I take the testing center exam again instead of doing CECs?']],
    [['I passed the testing center exam', 'what if I take the online exam this time?']],
    [['can I recertify by exam?', 'I took the proctored one at Pearson']],
    // told the route check: the check's exam is theirs for the rest of the conversation
    [['I was certified on March 3 2025 at a testing center and have 0.5 CECs', 'yes', 'can I recertify by exam instead?']],
    [['I was certified on March 3 2025 at a testing center and have 0.5 CECs', 'yes', 'is the recertification fee waived for the exam']],
  ])('%j', async (turns) => {
    const bot = mainHarness(stores, NOW);
    let last = await bot.say(turns[0]);
    for (const t of turns.slice(1)) last = await bot.say(t);
    expect(last.text).toMatch(TC_ANSWER);
    expect(last.text).toMatch(/same exam twice/);
    expect(last.text).toMatch(/doesn't offer recertifying by the online exam/);
    expect(last.text).not.toMatch(EXAM_ROUTE_AS_THEIRS);
  });

  it.each([
    ['can I recertify by exam?', /Recertifying by exam is open to you if you previously passed the online exam/],
    ['I passed the online exam, can I recertify by exam?', /Recertifying by exam is open to you/],
    ['what do I get by recertifying by exam?', /fee is waived/],
  ])('an online-exam or unknown trainer still gets the exam route: %s', async (q, expected) => {
    const bot = mainHarness(stores, NOW);
    const reply = await bot.say(q);
    expect(reply.text).toMatch(expected);
    expect(reply.text).not.toMatch(TC_ANSWER);
  });

  it('a later online-exam check replaces the testing-center exam said earlier', async () => {
    const bot = mainHarness(stores, NOW);
    await bot.say('I passed the testing center exam');
    for (const t of ['I was certified on March 3 2025 through the online exam and have 0.5 CECs', 'yes']) await bot.say(t);
    const reply = await bot.say('what do I get by recertifying by exam?');
    expect(reply.text).toMatch(/fee is waived/);
    expect(reply.text).not.toMatch(TC_ANSWER);
  });
});

describe('follow-ups after a route result', () => {
  async function afterResult(exam: string, cecs: string) {
    const bot = mainHarness(stores, NOW);
    await bot.say(`I was certified on March 3 2025 ${exam} and have ${cecs} CECs`);
    const result = await bot.say('yes');
    expect(result.assessment).toBeDefined();
    return bot;
  }

  it.each([
    ['how many more CECs do I need?', /you have 0\.5 of the 2\.0 CECs, so you still need 1\.5/],
    ['when does mine expire?', /your certification expires on March 3, 2027\./],
    ['so what do I do next?', /two routes: \(1\) because you passed the online exam.*\(2\) earn the 1\.5 CECs you still need/],
    ["what's the deadline for me again?", /expires on March 3, 2027/],
  ])('%s → from the result, with Check again', async (q, expected) => {
    const bot = await afterResult('through the online exam', '0.5');
    const reply = await bot.say(q);
    expect(reply.text).toMatch(/^Based on your last check: /);
    expect(reply.text).toMatch(expected);
    expect(reply.text).not.toMatch(/every two years|requires 2\.0 CECs|Use the answers you gave last time|I'll work out your recertification route/);
    expect(reply.inPath).toBe(false);
    expect(reply.buttons).toEqual(['Check again']);
  });

  it('a testing-center result names only the CEC route', async () => {
    const bot = await afterResult('at a testing center', '0.5');
    const reply = await bot.say('so what do I do next?');
    expect(reply.text).toMatch(/your route is to earn the 1\.5 CECs you still need and submit the recertification application/);
    expect(reply.text).not.toMatch(/fee is waived/);
  });

  it('"Check again" starts the check, offering the saved answers', async () => {
    const bot = await afterResult('through the online exam', '0.5');
    await bot.say('how many more CECs do I need?');
    const again = await bot.say('Check again');
    expect(again.inPath).toBe(true);
    expect(again.text).toMatch(/Use the answers you gave last time \(certified March 3, 2025, the online exam, 0\.5 CECs\)/);
  });

  it('without a result in this conversation the question is answered as before', async () => {
    const bot = mainHarness(stores, NOW);
    const reply = await bot.say('when does mine expire?');
    expect(reply.text).not.toMatch(/Based on your last check/);
  });

  it('"start over" forgets the result', async () => {
    const bot = await afterResult('through the online exam', '0.5');
    await bot.say('start over');
    const reply = await bot.say('how many more CECs do I need?');
    expect(reply.text).not.toMatch(/Based on your last check/);
  });
});
