// Black-box QA round 3: link questions, picking from menus by position, the clarification after "No", and small
// talk that was read as something else. Each case drives real turns through the main conversation (mainHarness).
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from '../dialogs/mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const PORTAL = /on your trainer portal[\s\S]*doesn't give the portal's address; a person from our support team can send it/;
const UPLOAD = /your name in the file name[\s\S]*doesn't give the upload address; a person from our support team can send it/;
const GUIDE = /Download the Recertification Guide[\s\S]*doesn't include the guide's link; a person from our support team can send it/;
const AMBIGUOUS = 'classes and documents';

describe('a question for a link gets the answer that needs it, saying the article leaves the link out', () => {
  it.each([
    ["what's the portal link", PORTAL, /Recertification Guide/],
    ['where is the portal', PORTAL, /Sign in to your trainer portal to find it/],
    ['the upload link', UPLOAD, /doesn't cover that/],
    ['upload link?', UPLOAD, /doesn't cover that/],
    ['submission website', UPLOAD, /processing/],
    ['recert guide pdf', GUIDE, /file size/],
  ])('%j', async (question, says, never) => {
    const { say } = mainHarness(stores);
    const turn = await say(question);
    expect(turn.text).toMatch(says);
    expect(turn.text).not.toMatch(never);
    expect(turn.text).not.toMatch(/https?:\/\//);
  });
});

describe('"Did you mean" options and related questions are picked by position', () => {
  it.each([
    ['the first one', 0],
    ['the second one', 1],
    ['the last one', 2],
    ['2', 1],
  ])('%j picks that option of the menu', async (choice, index) => {
    const { say } = mainHarness(stores);
    const menu = await say(AMBIGUOUS);
    expect(menu.text).toMatch(/Did you mean/);
    const options = menu.buttons.filter((b) => b !== 'None of these' && b !== 'Talk to a person');
    expect(options).toHaveLength(3);
    const picked = await say(choice);
    expect(picked.text).toMatch(/From the help article/);
    const { say: direct } = mainHarness(stores);
    expect(picked.text.split('\n')[0]).toBe((await direct(options[index])).text.split('\n')[0]);
  });

  it('"yes please" to a menu asks which one, and the menu still works', async () => {
    const { say } = mainHarness(stores);
    await say(AMBIGUOUS);
    const again = await say('yes please');
    expect(again.text).toMatch(/Which one\?/);
    expect(again.text).not.toMatch(/doesn't cover/);
    expect(again.buttons).toContain('None of these');
    expect((await say('the first one')).text).toMatch(/From the help article/);
  });

  it('"the second one" after an answer is its second related question', async () => {
    const { say } = mainHarness(stores);
    // the access-code answer's related questions: upload, application, guide (knowledge/entries/faq.yaml)
    const answer = await say('whats the access code');
    expect(answer.text).toMatch(/Related questions[\s\S]*How do I send in my documents\?\nHow do I apply for recertification\?/);
    expect((await say('the second one')).text).toMatch(/^Submit the recertification application/);
  });
});

describe('what the trainer says after "No" is read against the answer that did not help', () => {
  it.each([
    ['whats the access code', /doesn't give the upload address/],
    ['where is the recertification guide', /doesn't include the guide's link/],
    ['where can i earn cecs', /doesn't give the portal's address/],
  ])('%j → No → "it didn\'t give me the link"', async (question, says) => {
    const { say } = mainHarness(stores);
    await say(question);
    expect((await say('No')).text).toMatch(/Sorry that didn't help/);
    const turn = await say("it didn't give me the link");
    expect(turn.text).toMatch(says);
    expect(turn.text).not.toMatch(/Did you mean/);
    expect(turn.buttons[0]).toBe('Talk to a person');
  });
});

describe('small talk read for what it is', () => {
  it.each([
    ['what else can you do', /I can:/, /You're welcome/],
    ['what about the time thing', /doesn't cover that|not sure/, /tell the time/],
    ['ok', /I can:/, /Glad to help/],
  ])('%j as the first message', async (words, says, never) => {
    const { say } = mainHarness(stores);
    const turn = await say(words);
    expect(turn.text).toMatch(says);
    expect(turn.text).not.toMatch(never);
  });

  it('"ok" after an answer is still acknowledged', async () => {
    const { say } = mainHarness(stores);
    await say('how many cecs do i need');
    await say('yes');
    expect((await say('ok')).text).toMatch(/Glad to help/);
  });

  it.each(['call me', 'email support', 'can someone call me'])('%j offers a person first, not a contact-details decline', async (words) => {
    const { say, handoffs } = mainHarness(stores);
    const turn = await say(words);
    expect(turn.text).toMatch(/can't phone or email you/);
    expect(turn.text).not.toMatch(/contact details|account details/);
    expect(turn.buttons[0]).toBe('Talk to a person');
    expect(handoffs).toEqual([]);
  });
});

describe('the access code is stated as the article states it', () => {
  it.each(['whats the access code', 'how do I send in my documents?'])('%j', async (question) => {
    const { say } = mainHarness(stores);
    const turn = await say(question);
    expect(turn.text).toMatch(/The access code is recertification\./);
    expect(turn.text).not.toMatch(/Enter it|When asked for the access code|enter:/);
  });
});
