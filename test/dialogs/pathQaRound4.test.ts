// Fourth black-box QA round of the path (today 2026-11-28): "certified on X" is the certification date whatever
// the word order (a date is the expiry only when its own clause says so); a count of programs is no CEC count;
// "it's X not Y" corrects the CECs at the confirmation. Real turns through MainConversation.run.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from './mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const TODAY = new Date('2026-11-28T15:00:00Z');
const AT_CECS = ['check my status', 'march 3 2025', 'online'];

describe('a date is the expiry only when its own clause says so', () => {
  test.each([
    ['when does my cert expire? I got certified on march 3 2025', 'March 3, 2025'],
    ['when does my cert expire I got certified on march 3 2025', 'March 3, 2025'],
    ['march 3 2025 is when I got certified, when does it expire?', 'March 3, 2025'],
    ['when does it expire, I passed the exam on jan 5 2025', 'January 5, 2025'],
  ])('"%s" → certified on %s', async (said, long) => {
    const h = mainHarness(stores, TODAY);
    const turn = await h.say(said);
    expect(turn.text).not.toMatch(/expired on|lapsed/);
    await h.say('online');
    const confirm = await h.say('1');
    expect(confirm.text).toMatch(new RegExp(`Certified on: ${long} \\(so it expires`));
  });

  test.each([
    ['it expires on march 3 2027', 'March 3, 2025'],
    ['I got certified a while back and it expires on march 3 2027', 'March 3, 2025'],
  ])('"%s" is still the expiry (certified on %s)', async (said, long) => {
    const h = mainHarness(stores, TODAY);
    await h.say(said);
    await h.say('online');
    const confirm = await h.say('1');
    expect(confirm.text).toMatch(new RegExp(`Certified on: ${long} \\(so it expires`));
  });
});

describe('a count of programs at the CEC prompt is no CEC count', () => {
  test.each([
    "I've done 3 of the self study ones, not sure how many CECs that is",
    'I did 2 online classes',
    'two courses so far',
    'I took 4 webinars',
  ])('"%s" → says so and asks for the CECs, a person offered', async (said) => {
    const h = mainHarness(stores, TODAY);
    for (const line of AT_CECS) await h.say(line);
    const turn = await h.say(said);
    expect(turn.text).toMatch(/number of programs rather than CECs[\s\S]*talk to a person[\s\S]*How many CECs have you earned/);
    expect(turn.text).not.toMatch(/CECs earned:|Is that right/);
    expect(turn.inPath).toBe(true);
    const next = await h.say('1.5');
    expect(next.text).toMatch(/CECs earned: 1\.5[\s\S]*Is that right/);
  });

  test('a CEC number said with the programs is the answer', async () => {
    const h = mainHarness(stores, TODAY);
    for (const line of AT_CECS) await h.say(line);
    const turn = await h.say('2 online classes, so 1 CEC');
    expect(turn.text).toMatch(/CECs earned: 1\b[\s\S]*Is that right/);
  });
});

describe('"X not Y" corrects the CECs', () => {
  test.each([
    ["oops actually it's 1.0 not 1.5", 1],
    ["it's 1 not 1.5", 1],
    ['0.5 instead of 1.5', 0.5],
    ['not 1.5, 2', 2],
  ])('at the confirmation, "%s" → %d CECs', async (said, cecs) => {
    const h = mainHarness(stores, TODAY);
    for (const line of [...AT_CECS, '1.5']) await h.say(line);
    const turn = await h.say(said);
    expect(turn.text).toMatch(new RegExp(`CECs earned: ${cecs}\\n[\\s\\S]*Is that right`));
    const result = await h.say('yes');
    expect(result.assessment).toMatchObject({ cecsEarned: cecs });
  });

  test('at the CEC prompt, "2 not 3" is 2', async () => {
    const h = mainHarness(stores, TODAY);
    for (const line of AT_CECS) await h.say(line);
    const turn = await h.say('2 not 3');
    expect(turn.text).toMatch(/CECs earned: 2\n/);
  });
});
