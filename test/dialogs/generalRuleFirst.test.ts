// The article's general rule before the path starts: only when the FAQ is confident AND the message asks that
// rule's question; a message about the trainer's own situation that merely resembles a rule gets none (the path
// works out their case). And every message is classified once per turn, FAQ turns included.
// Real turns through MainConversation.run.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import type { FaqEngine } from '../../src/faq/engine';
import { mainHarness } from './mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const ARTICLE = /From the help article/;
const DATE_QUESTION = /When were you certified\?|Which exam did you pass/;

describe('own situation, no general question asked: no article answer, straight to the path', () => {
  test.each([
    'how much time do i have left before my certification expires',
    'where am I at with my recertification',
    'I need to renew my certification, where do I start?',
    'I need to renew my ACTION certification, where do I start?',
    'what do I need to do to recertify?',
  ])('%j', async (message) => {
    const turn = await mainHarness(stores).say(message);
    expect(turn.inPath).toBe(true);
    expect(turn.text).toMatch(DATE_QUESTION);
    expect(turn.text).not.toMatch(ARTICLE);
  });
});

describe('own situation with the general question in it: the rule, then the path', () => {
  test.each([
    ['am I eligible to recertify by exam?', /NCCA-accredited exam at a testing center/],
    ['What are my options for recertifying?', /one of two ways/],
    ['I was certified on March 3, 2025 - how often do I need to recertify?', /every two years/],
    ['how many more CECs do I need?', /requires 2\.0 CECs/],
  ])('%j', async (message, rule) => {
    const turn = await mainHarness(stores).say(message);
    expect(turn.inPath).toBe(true);
    expect(turn.text).toMatch(rule);
    expect(turn.text).toMatch(ARTICLE);
    expect(turn.text).toMatch(DATE_QUESTION);
    // the rule comes first
    expect(turn.text.search(ARTICLE)).toBeLessThan(turn.text.search(DATE_QUESTION));
  });
});

describe('one classification per message', () => {
  test.each([
    ['an FAQ answer', 'how many CECs do I need?', /requires 2\.0 CECs/],
    ['"Did you mean"', 'cecs', /Did you mean|2\.0 CECs|What is a CEC/],
    ['a decline', 'how much is the recertification fee?', /doesn't|Talk to a person/],
    ['a path turn', 'am I eligible to recertify by exam?', /When were you certified/],
  ])('%s: %j', async (_what, message, reply) => {
    const bot = mainHarness(stores);
    const engine = (bot.main.faq as unknown as { deps: { engine: FaqEngine } }).deps.engine;
    const classify = jest.spyOn(engine, 'classify');
    try {
      const turn = await bot.say(message);
      expect(turn.text).toMatch(reply);
      expect(classify.mock.calls.filter(([text]) => text === message)).toHaveLength(1);
    } finally {
      classify.mockRestore();
    }
  });
});
