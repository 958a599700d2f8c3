// Frustration with the bot ("this bot is useless", "you're not helping") is rudeness for readChatter: the short
// apology with a person offered, not a "Did you mean" menu. "This is confusing" keeps the FAQ's frustration answer,
// and a question that only uses such a word ("is the online certificate useless at gyms?") is no chatter.
import pino from 'pino';
import { readChatter } from '../../src/faq/chatter';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from '../dialogs/mainHarness';

describe('readChatter: frustration with the bot', () => {
  test.each([
    ['this bot is useless', 'rude'],
    ['This bot is so useless!', 'rude'],
    ["you're not helping", 'rude'],
    ['you are not helping at all', 'rude'],
    ['useless', 'rude'],
    ['waste of time', 'rude'],
    ['what a waste of my time', 'rude'],
    ['this is a waste of time', 'rude'],
    ['this is stupid', 'rude'],
    ['this chatbot is pointless', 'rude'],
    ["you're no help", 'rude'],
    ['not helpful', 'rude'],
    // no frustration with the bot
    ['this is confusing', undefined],
    ['is the online certificate useless at gyms?', undefined],
    ['is it a waste of time to take CECs early?', undefined],
    ['how many CECs do I need?', undefined],
    ['that was helpful, thanks', undefined],
  ])('%s → %s', (text, chatter) => expect(readChatter(text)).toBe(chatter));
});

describe('at the top level', () => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
  });
  afterAll(() => stores.close());

  test.each(['this bot is useless', 'this chatbot is pointless', 'this is stupid', 'ugh, this bot is no help'])(
    '"%s" → the apology and a person offered, no "Did you mean"',
    async (text) => {
      const turn = await mainHarness(stores).say(text);
      expect(turn.text).toMatch(/^Sorry this has been frustrating/);
      expect(turn.buttons).toEqual(['Talk to a person']);
      expect(turn.text).not.toMatch(/Did you mean/);
    },
  );

  test('"this is confusing" keeps the frustration answer (what the bot can do, and a person)', async () => {
    const turn = await mainHarness(stores).say('this is confusing');
    expect(turn.text).toMatch(/Sorry, I know this can be confusing/);
    expect(turn.buttons).toContain('Talk to a person');
  });
});

// Outside a check, a complaint that asks nothing is answered with the apology even when its words match an answer
// confidently; a question using the same words stays a question.
describe('complaints at the top level', () => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'unused' }, pino({ level: 'silent' }));
  });
  afterAll(() => stores.close());

  test.each(['you are not helping', 'not helpful', 'this is useless'])('%p → an apology and a person', async (text) => {
    const { say } = mainHarness(stores);
    const turn = await say(text);
    expect(turn.buttons).toContain('Talk to a person');
    expect(turn.text).toMatch(/sorry/i);
    expect(turn.text).not.toMatch(/every two years/i);
  });

  test('a question with such a word is still answered', async () => {
    const { say } = mainHarness(stores);
    expect((await say('why is recertifying every two years not pointless?')).text).not.toMatch(/^sorry/i);
  });
});
