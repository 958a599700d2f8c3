// The FAQ side of the main conversation in real turns (TestAdapter → MainConversation.run, state saved between
// turns as the bot does): follow-ups that lean on the previous answer, honest "the article doesn't say" replies,
// frustration, and one classification per path-starting turn.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import type { FaqEngine } from '../../src/faq/engine';
import { TALK_TO_PERSON } from '../../dialogs/faqResponder';
import { mainHarness } from '../dialogs/mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

/** One fresh conversation (mainHarness gives each its own store: TestAdapter reuses one conversation id). */
const bot = () => mainHarness(stores);

const ACCESS_CODE = /access code is recertification/i;

describe('follow-ups lean on the answer just given', () => {
  it.each([
    ['where do i upload my documents', 'whats the password', ACCESS_CODE],
    ['what is the access code', 'whats the password', ACCESS_CODE],
    ['how do I apply for recertification', 'what password do i use', ACCESS_CODE],
    ['can i recertify by exam', 'do i still need cecs then', /don't need Continuing Education Credits/],
    ['how many cecs do i need', 'within what time frame', /applied to your current recertification application|two-year time frame/i],
    ['how often do i need to recertify', 'why so often', /Governing board/i],
  ])('%j then %j', async (first, followUp, expected) => {
    const { say } = bot();
    await say(first);
    const turn = await say(followUp);
    expect(turn.text).toMatch(expected);
    expect(turn.text).not.toMatch(/doesn't cover/);
  });

  it.each([
    ['what is the access code', 'renewal?', /in one of two ways/],
    ['where do i upload my documents', 'when do trainers have to renew their certifcation', /every two years/],
    ['what is the access code', 'ceus?', /CEC stands for Continuing Education Credit/],
  ])('a standalone question after %j is answered on its own: %j', async (first, question, expected) => {
    const { say } = bot();
    await say(first);
    const turn = await say(question);
    expect(turn.text).toMatch(expected);
    expect(turn.text).not.toMatch(ACCESS_CODE);
  });

  it('keeps the last answered entry in conversation state', async () => {
    const { say, faqState } = bot();
    await say('where do i upload my documents');
    expect(faqState()?.lastEntryId).toBe('upload');
    await say('whats the password');
    expect(faqState()?.lastEntryId).toBe('access_code');
  });

  it.each([
    // no previous answer: a password is an account login, which the article doesn't cover
    [undefined, 'whats the password', /doesn't cover account logins or passwords/],
    // a follow-up whose own words name another topic keeps that topic
    ['where do i upload my documents', 'who do i call', /doesn't list contact details/],
    ['where do i upload my documents', 'i forgot my password', /doesn't cover account logins or passwords/],
    // a typed question (file size) is judged on its own, context or not
    ['where do i upload my documents', 'is there a max file size', /doesn't cover file size/],
  ])('after %j, %j is still declined', async (first, followUp, expected) => {
    const { say } = bot();
    if (first) await say(first);
    const turn = await say(followUp);
    expect(turn.text).toMatch(expected);
    expect(turn.text).not.toMatch(ACCESS_CODE);
    expect(turn.buttons).toContain(TALK_TO_PERSON);
  });
});

describe('what the article does not say about a topic is said plainly, with a person offered', () => {
  it.each([
    ['is the access code case sensitive', /doesn't say whether the code is case sensitive/, ACCESS_CODE],
    ['does the code need capital letters', /doesn't say whether the code is case sensitive/, ACCESS_CODE],
    ['can i get an extension', /doesn't mention extensions/, /lapsed|expired/],
    ['is there a grace period', /doesn't mention extensions or grace periods/, /lapsed|expired/],
    ['whats NCCA', /uses that term without explaining/, /same exam twice/],
    ['what does NCCA stand for', /uses that term without explaining/, /Continuing Education Credits are/],
  ])('%j', async (question, says, never) => {
    const { say } = bot();
    const turn = await say(question);
    expect(turn.text).toMatch(says);
    expect(turn.text).not.toMatch(never);
    expect(turn.buttons).toContain(TALK_TO_PERSON);
  });

  it('after the access-code answer, "is it case sensitive" gets the same honest reply', async () => {
    const { say } = bot();
    await say('what is the access code');
    const turn = await say('is it case sensitive');
    expect(turn.text).toMatch(/doesn't say whether the code is case sensitive/);
    expect(turn.text).not.toMatch(ACCESS_CODE);
  });
});

describe('frustration gets a kind word, the menu and a person, not a decline', () => {
  it.each(['ugh this is confusing', 'this is useless', 'i dont understand', "you're not helping"])('%j', async (message) => {
    const { say, handoffs } = bot();
    const turn = await say(message);
    expect(turn.text).toMatch(/^Sorry, I know this can be confusing/);
    expect(turn.text).toContain('I can:');
    expect(turn.buttons).toEqual(expect.arrayContaining([TALK_TO_PERSON, 'Check my recertification']));
    expect(turn.text).not.toMatch(/doesn't cover/);
    expect(handoffs).toHaveLength(0);
  });

  it('a plain "help" still gets the menu without an apology', async () => {
    const { say } = bot();
    const turn = await say('help');
    expect(turn.text).toMatch(/^I can:/);
  });
});

describe('the right entry for two known confusions', () => {
  it.each([
    ['do I have to send an application if I recertify by exam', /don't need to apply for recertification/],
    ['do i need to apply if i go the exam route', /don't need to apply for recertification/],
    ['do i have to submit an application', /Submit the recertification application/],
  ])('%j', async (question, expected) => {
    const { say } = bot();
    expect((await say(question)).text).toMatch(expected);
  });
});

describe('a turn that starts the path dialog', () => {
  it('classifies the message once and still gives the general rule first', async () => {
    const { say, main } = bot();
    const engine = (main.faq as unknown as { deps: { engine: FaqEngine } }).deps.engine;
    const question = 'am I eligible to recertify by exam?';
    const classify = jest.spyOn(engine, 'classify');
    try {
      const turn = await say(question);
      expect(classify.mock.calls.filter(([text]) => text === question)).toHaveLength(1);
      expect(turn.text).toMatch(/NCCA[\s\S]*When were you certified/);
    } finally {
      classify.mockRestore();
    }
  });
});
