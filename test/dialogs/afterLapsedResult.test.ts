// After a lapsed result the bot offers a person once. A message that doesn't answer the offer ends the check and is
// handled as any message at the top level (a follow-up answered from the result, thanks, a new question); the offer
// is not repeated after it. "yes" still hands off for the lapse, "no" ends with a reply.
import pino from 'pino';
import { createStores, type Stores } from '../../src/storage/createStores';
import { mainHarness } from './mainHarness';

let stores: Stores;
beforeAll(async () => {
  stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'data' }, pino({ level: 'silent' }));
});
afterAll(() => stores.close());

const TODAY = new Date('2026-11-28T15:00:00Z');
const LAPSED = ['check my status', 'June 1 2024', 'online', '1', 'yes'];
const OFFER = /connect you with a person/;

async function atOffer() {
  const h = mainHarness(stores, TODAY);
  let last;
  for (const line of LAPSED) last = await h.say(line);
  expect(last!.text).toMatch(OFFER);
  return h;
}

test.each<[string, RegExp]>([
  ['thanks!', /welcome/i],
  ['so how many more do I need?', /Based on your last check[\s\S]*lapsed/],
  ['how many CECs do I need?', /2\.0 CECs/],
])('%p at the offer: answered as a new message, and the offer is not repeated', async (text, reply) => {
  const h = await atOffer();
  const turn = await h.say(text);
  expect(turn.inPath).toBe(false);
  expect(turn.text).toMatch(reply);
  expect(turn.text).not.toMatch(OFFER);
  expect((await h.say('thanks')).text).not.toMatch(OFFER);
  expect(h.handoffs).toEqual([]);
});

test('"yes" at the offer hands off for the lapse; "no" ends the check with a reply', async () => {
  const yes = await atOffer();
  await yes.say('yes');
  expect(yes.handoffs.map((r) => r.reason)).toEqual(['lapsed']);

  const no = await atOffer();
  const turn = await no.say('no');
  expect(turn.inPath).toBe(false);
  expect(turn.text).toMatch(/Anything else/);
  expect(no.handoffs).toEqual([]);
});
