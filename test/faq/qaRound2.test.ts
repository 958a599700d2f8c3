// A black-box QA round over /api/messages found these misreadings; each is driven as a real turn through the main
// conversation (mainHarness: TestAdapter → MainConversation.run, state saved between turns).
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from '../dialogs/mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const ACCESS_CODE = /access code is recertification/i;
const CEC_COUNT = /requires 2\.0 CECs/;
const NOT_COVERED = /doesn't cover|doesn't say|doesn't mention/;

describe('two questions in one message are both answered, in order', () => {
  it.each([
    ['how many CECs do i need and whats the access code?', CEC_COUNT, ACCESS_CODE],
    ["what's the access code? and how many CECs?", ACCESS_CODE, CEC_COUNT],
  ])('%j', async (question, first, second) => {
    const { say } = mainHarness(stores);
    const turn = await say(question);
    expect(turn.text).toMatch(first);
    expect(turn.text).toMatch(second);
    expect(turn.text.search(first)).toBeLessThan(turn.text.search(second));
    expect(turn.text).not.toMatch(/how to pay|discounts/);
  });

  it('a second question the article does not answer keeps the whole message declined (no half answer)', async () => {
    const { say } = mainHarness(stores);
    const turn = await say('whats the access code and is it case sensitive?');
    expect(turn.text).toMatch(/doesn't say whether the code is case sensitive/);
  });
});

describe('chat filler before a question changes nothing', () => {
  it.each(['wait what\'s a CEC?', 'hmm whats a cec', 'ok so whats a cec', 'quick question, what is a CEC', 'btw whats a cec'])('%j', async (question) => {
    const { say } = mainHarness(stores);
    expect((await say(question)).text).toMatch(/CEC stands for Continuing Education Credit/);
  });
});

describe('an explicit ask for a person starts the hand-off whatever the topic', () => {
  it.each(['I need to talk to someone about my lapsed cert', 'can i speak with an agent about a refund', 'connect me to someone about my invoice'])(
    '%j',
    async (words) => {
      const { say, handoffs } = mainHarness(stores);
      const turn = await say(words);
      expect(handoffs).toEqual([expect.objectContaining({ reason: 'asked', question: words })]);
      expect(turn.text).not.toMatch(NOT_COVERED);
    },
  );

  it('a question that only mentions support is not a hand-off', async () => {
    const { say, handoffs } = mainHarness(stores);
    await say('how many CECs do I need');
    expect(handoffs).toEqual([]);
  });
});

describe('question types the article does not answer are declined, not answered beside the point', () => {
  it.each([
    ['what happens after i submit', /how long processing takes/, /further two years/],
    ['how many hours is 2.0 CECs', NOT_COVERED, CEC_COUNT],
    ['how many hours are in one CEC', NOT_COVERED, CEC_COUNT],
    ['does a CPR course count as CEC?', NOT_COVERED, /applied to your current recertification application/],
    ['do first aid classes count toward recertification', NOT_COVERED, /applied to your current recertification application/],
    ['wats the deadline to submit my recert app', /how early or late you can recertify/, /need to renew \(recertify\) their certification every two years/],
  ])('%j', async (question, says, never) => {
    const { say } = mainHarness(stores);
    const turn = await say(question);
    expect(turn.text).toMatch(says);
    expect(turn.text).not.toMatch(never);
    expect(turn.buttons).toContain('Talk to a person');
  });

  it.each([
    ['how many hours of continuing education do i need', CEC_COUNT],
    ['whats the recertification deadline', /every two years/],
    ['i passed the NCCA exam at a test center last yr, can i recert by exam?', /same exam twice/],
  ])('still answers %j', async (question, says) => {
    const { say } = mainHarness(stores);
    expect((await say(question)).text).toMatch(says);
  });
});

describe('small talk and messages that are no question', () => {
  it.each([
    ['👍', /I can:/], // first message: nothing helped yet, so the menu
    ['ok', /I can:/], // first message: nothing helped yet, so the menu
    ['cool', /I can:/], // first message: nothing helped yet, so the menu
    ['lol', /I can:/], // first message: nothing helped yet, so the menu
    ['asdkjh qwpoeiru zxmc', /didn't catch that — could you rephrase\?[\s\S]*I can:/],
    ['¿Cuántos CEC necesito para recertificarme?', /only answer in English/],
    ['Combien de CEC faut-il pour la recertification ?', /only answer in English/],
    ["you're a stupid bot", /Sorry this has been frustrating[\s\S]*Talk to a person/],
  ])('%j', async (words, says) => {
    const { say } = mainHarness(stores);
    const turn = await say(words);
    expect(turn.text).toMatch(says);
    expect(turn.text).not.toMatch(/doesn't cover that/);
  });

  it.each(['¿Cuántos CEC necesito?', "you're a stupid bot"])('after %j a bare "yes" accepts the person offered', async (words) => {
    const { say, handoffs } = mainHarness(stores);
    await say(words);
    await say('yes');
    expect(handoffs).toHaveLength(1);
  });

  it('a named out-of-scope topic keeps its own decline ("CPR")', async () => {
    const { say } = mainHarness(stores);
    expect((await say('CPR certification requirement')).text).toMatch(/doesn't cover CPR/);
  });
});

describe('answers to a bare topic word do not answer a question nobody asked', () => {
  it.each(['NCCA', 'guidelines', 'exam', 'can i recertify by exam'])('%j', async (words) => {
    const { say } = mainHarness(stores);
    const turn = await say(words);
    expect(turn.text).toMatch(/NCCA/);
    expect(turn.text).not.toMatch(/^No —|There is one exam route/);
  });
});
