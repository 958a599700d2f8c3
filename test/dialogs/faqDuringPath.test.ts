// FAQ answers point to "Check my recertification status" (a pathHint line and a related button) only at the top
// level: inside the route check (an interruption at a prompt) and in the
// general rule said just before the check starts, the check is already under way. Real turns through
// MainConversation.run.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from './mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const STATUS_CHECK = /Check my recertification status/;
const HOW_OFTEN = 'how often do I need to recertify?';

test('top level: the answer sends the trainer to the status check, with its button', async () => {
  const turn = await mainHarness(stores).say(HOW_OFTEN);
  expect(turn.inPath).toBe(false);
  expect(turn.text).toMatch(/every two years/);
  expect(turn.text).toMatch(/To work out your own dates, choose "Check my recertification status"/);
  // the line, and the related question's button
  expect(turn.text.match(new RegExp(STATUS_CHECK, 'g'))).toHaveLength(2);
});

describe('during the route check: the same answer without the status check', () => {
  test.each([
    ['at the date prompt', ['check my status']],
    ['at the exam prompt', ['check my status', 'March 3, 2025']],
    ['at the CEC prompt', ['check my status', 'March 3, 2025', 'online exam']],
  ])('%s', async (_where, before) => {
    const trainer = mainHarness(stores);
    for (const text of before) await trainer.say(text);
    const turn = await trainer.say(HOW_OFTEN);
    expect(turn.inPath).toBe(true);
    expect(turn.text).toMatch(/every two years/);
    expect(turn.text).not.toMatch(STATUS_CHECK);
    // The answer keeps its other related questions.
    expect(turn.text).toMatch(/How many CECs do I need\?/);
  });
});

// Expired: the result is out and the dialog asks whether to connect a person; a question instead of an answer ends
// the check and is answered at the top level (test/dialogs/afterLapsedResult.test.ts).
test('after an expired result, a question ends the check and is answered', async () => {
  const trainer = mainHarness(stores);
  for (const text of ['check my status', 'January 1, 2024', 'online exam', '2', 'yes']) await trainer.say(text);
  const turn = await trainer.say(HOW_OFTEN);
  expect(turn.inPath).toBe(false);
  expect(turn.text).toMatch(/every two years/);
  expect(turn.text).not.toMatch(/connect you with a person/);
});

test('the general rule said as the check starts leaves the status check out', async () => {
  const turn = await mainHarness(stores).say('I was certified on March 3, 2025 - how often do I need to recertify?');
  expect(turn.inPath).toBe(true);
  expect(turn.text).toMatch(/every two years/);
  expect(turn.text).not.toMatch(STATUS_CHECK);
});
