// Thanks, goodbyes, questions and frustration said at a prompt of the status check (QA findings): "thanks" gets a
// short "You're welcome!" and the same prompt (no top-level "Anything else…?"); "bye" stops the check saying how to
// pick it up, instead of a goodbye followed by the question again; a question (also "and …?", "so …?", "…again?") is
// answered from the FAQ or, when the FAQ can't, said to be unanswerable here — never read as a bad answer; frustration
// gets an apology and a person offered. Real answers stay answers. Real turns through MainConversation.run.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { classifyCourtesy, looksLikeQuestion } from '../../dialogs/interruptibleDialog';
import { mainHarness } from './mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

// today 2026-05-15 (mainHarness): January 1, 2024 has expired, March 3, 2025 is active.
const PROMPTS: Array<[string, string[], RegExp]> = [
  ['the date prompt', ['check my status'], /When were you certified\?/],
  ['the exam prompt', ['check my status', 'March 3, 2025'], /Which exam did you pass/],
  ['the CECs prompt', ['check my status', 'March 3, 2025', 'online exam'], /How many CECs have you earned/],
  ['the confirmation', ['check my status', 'March 3, 2025', 'online exam', '2'], /Is that right\?/],
];
// The yes/no offer of a person after an expired result is the check's last question: anything but an answer ends
// the check and is handled at the top level (test/dialogs/afterLapsedResult.test.ts).
const REJECTED = /Please answer yes or no|Please say yes|couldn't read a number|didn't catch that|Please choose/;

async function at(before: string[]) {
  const trainer = mainHarness(stores);
  for (const text of before) await trainer.say(text);
  return trainer;
}

describe.each(PROMPTS)('at %s', (_where, before, prompt) => {
  test.each(['thanks', 'Thank you!', 'thank you so much'])('"%s" → "You\'re welcome!" and the same prompt', async (text) => {
    const turn = await (await at(before)).say(text);
    expect(turn.inPath).toBe(true);
    expect(turn.text).toMatch(/^You're welcome!/);
    expect(turn.text).not.toMatch(/Anything else/);
    expect(turn.text).toMatch(prompt);
  });

  test.each(['bye', 'ok bye', 'Goodbye!', 'gotta go', 'thanks, bye'])('"%s" stops the check politely, saying how to come back', async (text) => {
    const trainer = await at(before);
    const turn = await trainer.say(text);
    expect(turn.inPath).toBe(false);
    expect(turn.text).toMatch(/stopped checking your recertification/);
    expect(turn.text).toMatch(/say "check my status"/);
    expect(turn.text).toMatch(/Goodbye for now/);
    expect(turn.text).not.toMatch(prompt);
  });

  test.each([
    ["what's the code again?", /The access code is recertification/],
    ['and what is the access code?', /The access code is recertification/],
    ['so where do I upload?', /using your name in the file name, then upload them/],
  ])('the question "%s" is answered, then the same prompt', async (text, answer) => {
    const turn = await (await at(before)).say(text);
    expect(turn.inPath).toBe(true);
    expect(turn.text).toMatch(answer);
    expect(turn.text).toMatch(prompt);
    expect(turn.text).not.toMatch(REJECTED);
  });

  test.each(['this bot is useless', "you're not helping", 'you are not helping', 'this is stupid', 'what a waste of time'])(
    '"%s" → an apology, a person offered, and the same prompt',
    async (text) => {
      const turn = await (await at(before)).say(text);
      expect(turn.inPath).toBe(true);
      expect(turn.text).toMatch(/Sorry this has been frustrating/);
      expect(turn.text).toMatch(/say "talk to a person"/);
      expect(turn.text).toMatch(prompt);
      expect(turn.text).not.toMatch(/two-year interval/);
    },
  );
});

// A question the FAQ can't answer with confidence: a topic the article does not cover is named, with a person
// offered; anything else is said to be unanswerable here (the exam prompt explains its own choice instead) — never
// "please answer yes or no" / "couldn't read a number".
const UNANSWERED = /I can't answer that one for sure[^]*say "talk to a person"/;
const NAMED = /^Sorry, the help article doesn't[^]*"Talk to a person"[^]*Let's carry on:/;
const EXAM_HELP = /If the exam was taken online and gave a certificate, choose "Online exam"/;
describe.each<[string, string[], RegExp, RegExp, RegExp]>([
  ['the date prompt', PROMPTS[0][1], PROMPTS[0][2], UNANSWERED, NAMED],
  ['the exam prompt', PROMPTS[1][1], PROMPTS[1][2], EXAM_HELP, EXAM_HELP],
  ['the CECs prompt', PROMPTS[2][1], PROMPTS[2][2], UNANSWERED, NAMED],
  ['the confirmation', PROMPTS[3][1], PROMPTS[3][2], UNANSWERED, NAMED],
])('at %s, a question the FAQ cannot answer', (_where, before, prompt, unanswered, named) => {
  test.each<[string, 'unanswered' | 'named']>([
    ['so which one should I pick?', 'unanswered'],
    ['and how much is the fee?', 'named'],
    ['is there a late fee?', 'named'],
  ])('"%s" is not read as a bad answer', async (text, kind) => {
    const turn = await (await at(before)).say(text);
    expect(turn.inPath).toBe(true);
    expect(turn.text).toMatch(kind === 'named' ? named : unanswered);
    expect(turn.text).toMatch(prompt);
    expect(turn.text).not.toMatch(REJECTED);
  });
});

// Real answers are never taken for courtesy or questions ("great, thanks" confirms; "yes thanks" accepts the offer).
test.each<[string, string[], string, RegExp, boolean]>([
  ['a date', ['check my status'], 'and March 3, 2025', /Which exam did you pass/, true],
  ['an exam', ['check my status', 'March 3, 2025'], 'online', /How many CECs have you earned/, true],
  ['a number of CECs', ['check my status', 'March 3, 2025', 'online exam'], '2', /Is that right\?/, true],
  ['a number of CECs after "so"', ['check my status', 'March 3, 2025', 'online exam'], 'so 1.5', /CECs earned: 1\.5/, true],
  ['yes', ['check my status', 'March 3, 2025', 'online exam', '2'], 'yes', /Your certification expires on March 3, 2027/, false],
  ['"great, thanks" at the confirmation', ['check my status', 'March 3, 2025', 'online exam', '2'], 'great, thanks', /Your certification expires on March 3, 2027/, false],
])('%s stays an answer', async (_what, before, text, next, inPath) => {
  const trainer = await at(before);
  const turn = await trainer.say(text);
  expect(turn.text).toMatch(next);
  expect(turn.text).not.toMatch(/You're welcome|Goodbye|can't answer that one|frustrating/);
  expect(turn.inPath).toBe(inPath);
});

test.each<[string, number]>([
  ['yes thanks', 1],
  ['no thanks', 0],
])('"%s" at the offer of a person is an answer, not thanks', async (text, handoffs) => {
  const trainer = await at(['check my status', 'January 1, 2024', 'online exam', '2', 'yes']);
  const turn = await trainer.say(text);
  expect(turn.inPath).toBe(false);
  expect(turn.text).not.toMatch(/You're welcome|connect you with a person/);
  expect(trainer.handoffs).toHaveLength(handoffs);
});

describe('classifyCourtesy and looksLikeQuestion', () => {
  test.each([
    ['thanks', 'thanks'],
    ['Thank you so much!', 'thanks'],
    ['ok thanks', 'thanks'],
    ['bye', 'goodbye'],
    ['thanks, bye!', 'goodbye'],
    ['I have to go now', 'goodbye'],
    ['see you later', 'goodbye'],
    ['no thanks', undefined],
    ['yes', undefined],
    ['thanks, how many CECs do I need?', undefined],
  ])('courtesy: %s → %s', (text, kind) => expect(classifyCourtesy(text)).toBe(kind));

  test.each([
    ["what's the code again?", true],
    ['and how much is the fee?', true],
    ['so which one should I pick?', true],
    ['oh wait, whats the access code', true],
    ['so 1.5', false],
    ['and online', false],
    ['yes', false],
    ['2', false],
    ['May 5 2024', false],
  ])('question: %s → %s', (text, expected) => expect(looksLikeQuestion(text)).toBe(expected));
});
