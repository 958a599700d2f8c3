// Black-box QA round 4: terse status-check openers, a "remind me" "again", small talk with "today", and a check
// left half-way for a person picked up again. Each case drives real turns through the main conversation.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from '../dialogs/mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const TODAY = new Date('2026-11-28T12:00:00Z');
const NOT_COVERED = /doesn't cover that|Did you mean/;
const CEC_RULE = /requires 2\.0 CECs/;
const SAME_EXAM = /same exam twice/;

describe('a terse statement of their own certification date starts the status check', () => {
  it.each([
    ['certified 02/14/25', /Which exam did you pass/],
    ['certified on the 5th of December 2024', /Which exam did you pass/],
    ["certified Dec '24", /Which day in December 2024/],
    ['certified 2025', /I need at least the month and the year/],
    ['certified last summer', /season or part of a year is too rough/],
    ['got certified in march 2025', /Which day in March 2025/],
  ])('%j', async (opener, asks) => {
    const { say } = mainHarness(stores, TODAY);
    const turn = await say(opener);
    expect(turn.inPath).toBe(true);
    expect(turn.text).toMatch(asks);
    expect(turn.text).not.toMatch(NOT_COVERED);
  });

  it('"certified trainers need how many CECs?" is still the general rule', async () => {
    const { say } = mainHarness(stores, TODAY);
    const turn = await say('certified trainers need how many CECs?');
    expect(turn.inPath).toBe(false);
    expect(turn.text).toMatch(CEC_RULE);
  });
});

describe('"again" as "remind me" is not a retake; a retake question keeps the same-exam rule', () => {
  it.each([
    ['wait, how many CECs do I need again?', CEC_RULE, SAME_EXAM],
    ['how many CECs do I need again', CEC_RULE, SAME_EXAM],
    ['how many CECs do I need?', CEC_RULE, SAME_EXAM],
    ['can I take the exam again?', SAME_EXAM, CEC_RULE],
    ['how many times can I retake it again?', SAME_EXAM, /requires 2\.0 CECs \(/],
  ])('%j at top level', async (question, says, never) => {
    const { say } = mainHarness(stores, TODAY);
    const turn = await say(question);
    expect(turn.text).toMatch(says);
    expect(turn.text).not.toMatch(never);
  });

  it('at the day prompt of a status check', async () => {
    const { say } = mainHarness(stores, TODAY);
    expect((await say('March 2025')).text).toMatch(/Which day in March 2025/);
    const turn = await say('wait, how many CECs do I need again?');
    expect(turn.text).toMatch(CEC_RULE);
    expect(turn.text).not.toMatch(SAME_EXAM);
  });
});

describe('small talk with "today" and the date question', () => {
  it.each([
    ['how are you today?', /^I'm doing well, thanks! How can I help with your recertification\?$/],
    ['how are you?', /^I'm doing well, thanks! How can I help with your recertification\?$/],
    ["what's the date today?", /^Today is Saturday, November 28, 2026\b/],
    ['what day is it', /^Today is Saturday, November 28, 2026\b/],
  ])('%j', async (message, says) => {
    const { say } = mainHarness(stores, TODAY);
    const turn = await say(message);
    expect(turn.text).toMatch(says);
    expect(turn.text).not.toMatch(/can't tell the time or date/);
  });
});

describe('a check left half-way for a person goes on when asked', () => {
  it.each([
    ['where were we?'],
    ['continue'],
    ['go on'],
    ["ok let's continue"],
  ])('"March 2025" → person → cancel → %j asks the open question again', async (resume) => {
    const { say } = mainHarness(stores, TODAY);
    expect((await say('March 2025')).text).toMatch(/Which day in March 2025/);
    await say('talk to a person');
    await say('cancel');
    const turn = await say(resume);
    expect(turn.inPath).toBe(true);
    expect(turn.text).toMatch(/^We were checking your status\.\nWhich day in March 2025 were you certified\?/);
    expect((await say('15')).text).toMatch(/Which exam did you pass/);
  });

  it('after the date was kept, "where were we?" goes on from the exam question', async () => {
    const { say } = mainHarness(stores, TODAY);
    await say('certified March 3 2025');
    await say('talk to a person');
    const turn = await say('where were we?');
    expect(turn.text).toMatch(/^We were checking your status\.[\s\S]*certified March 3, 2025[\s\S]*Which exam did you pass/);
    expect((await say('online exam')).text).toMatch(/How many CECs/);
  });

  it('a finished check is not picked up again', async () => {
    const { say } = mainHarness(stores, TODAY);
    await say('certified March 3 2025');
    await say('online exam');
    let done = await say('1.5');
    // the check may confirm the answers before its result
    if (done.inPath) done = await say('yes');
    expect(done.inPath).toBe(false);
    expect(done.assessment).toBeDefined();
    const turn = await say('where were we?');
    expect(turn.text).not.toMatch(/We were checking your status/);
    expect(turn.inPath).toBe(false);
  });
});
