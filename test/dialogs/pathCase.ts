// One table row of a path QA test: the turns before, what the trainer says, what the reply must (and must not)
// say, and optionally the turns after and the assessment they end with. Played through MainConversation.run.
import type { Stores } from '../../src/storage/createStores';
import { mainHarness } from './mainHarness';

export interface PathCase {
  name: string;
  before: string[];
  said: string;
  /** the reply to `said` */
  reply: RegExp;
  notSaid?: RegExp;
  /** then these turns, and the assessment they end with */
  after?: string[];
  expected?: Record<string, unknown>;
}

/** A path turn is never answered with an FAQ article answer in these tables. */
const FAQ_ANSWER = /From the help article/;

export async function playPath(stores: Stores, today: Date, c: PathCase) {
  const h = mainHarness(stores, today);
  for (const line of c.before) await h.say(line);
  const turn = await h.say(c.said);
  let last = turn;
  for (const line of c.after ?? []) last = await h.say(line);
  return { turn, last };
}

export function checkPath(c: PathCase, turn: { text: string }, last: { assessment?: Record<string, unknown> }): void {
  expect(turn.text).toMatch(c.reply);
  expect(turn.text).not.toMatch(FAQ_ANSWER);
  if (c.notSaid) expect(turn.text).not.toMatch(c.notSaid);
  if (c.expected) expect(last.assessment).toMatchObject(c.expected);
}
