// 32 turns of one conversation at once: serialised in-process, so none fails and none is lost; across two
// instances on one Redis the eTag contract makes a racing turn fail instead of overwriting (never a lost update).
import { replyTexts } from '../support/app';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { TURN_ERROR_MESSAGE } from '../../src/adapter';
import { createStores, type Stores } from '../../src/storage/createStores';
import { baseActivity } from './fuzzCases';
import { startCounterApp, type CounterApp } from './counterApp';

const TURNS = 32;
const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn('REDIS_URL is unset: the two-instances-on-Redis hardening test is SKIPPED');

async function say(url: string, conversationId: string, text: string): Promise<string> {
  return (await replyTexts(url, conversationId, text)).join('\n');
}

const countOf = (reply: string) => Number(/^count (\d+)$/.exec(reply)?.[1]);

describe(`${TURNS} concurrent turns on one conversation, one instance`, () => {
  it.each(['memory', 'sqlite'])('on %s: every turn runs, in turn, and the counter ends at 32', async (kind) => {
    const dir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'conc-'));
    const stores = await createStores({ STORAGE: kind === 'memory' ? 'memory' : `sqlite://${dir}/s.sqlite`, DATA_DIR: dir }, pino({ level: 'silent' }));
    const app = await startCounterApp(stores);
    try {
      const conversationId = `c-${randomUUID()}`;
      const replies = await Promise.all(Array.from({ length: TURNS }, () => say(app.url, conversationId, 'next')));
      expect(replies.map(countOf).sort((a, b) => a - b)).toEqual(Array.from({ length: TURNS }, (_, i) => i + 1));
      expect(await say(app.url, conversationId, 'next')).toBe(`count ${TURNS + 1}`);
    } finally {
      await app.close();
      await stores.close();
    }
  });
});

(redisUrl ? describe : describe.skip)('two instances on one Redis (REDIS_URL)', () => {
  let stores: Stores[] = [];
  let apps: CounterApp[] = [];
  beforeAll(async () => {
    stores = await Promise.all([0, 1].map(() => createStores({ STORAGE: redisUrl!, DATA_DIR: 'unused' }, pino({ level: 'silent' }))));
    apps = await Promise.all(stores.map((s) => startCounterApp(s, 5)));
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await Promise.all(stores.map((s) => s.close()));
  });

  // The conversation exists before the race: a state's very first write is unconditional (no eTag to compare).
  async function race(optimisticApps: CounterApp[]): Promise<{ replies: string[]; conversationId: string }> {
    const conversationId = `c-${randomUUID()}`;
    expect(await say(optimisticApps[0].url, conversationId, 'next')).toBe('count 1');
    const replies = await Promise.all(Array.from({ length: TURNS }, (_, i) => say(optimisticApps[i % 2].url, conversationId, 'next')));
    return { replies, conversationId };
  }

  it(`${TURNS} turns split over both instances: no update is lost (racing turns fail visibly, the count equals the successes)`, async () => {
    const { replies, conversationId } = await race(apps);
    const succeeded = replies.filter((r) => /^count \d+$/.test(r));
    const failed = replies.filter((r) => r.includes(TURN_ERROR_MESSAGE));
    expect(succeeded.length + failed.length).toBe(TURNS);
    expect(failed.length).toBeGreaterThan(0); // the instances really raced (each serialises only its own turns)
    const counts = succeeded.map(countOf).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: succeeded.length }, (_, i) => i + 2)); // no count reported twice
    expect(countOf(await say(apps[0].url, conversationId, 'next'))).toBe(succeeded.length + 2);
  });

  it("with botbuilder's own ConversationState (eTag '*') the same race loses updates — why src/optimisticState exists", async () => {
    const plain = await Promise.all(stores.map((s) => startCounterApp(s, 5, false)));
    try {
      const { replies } = await race(plain);
      const counts = replies.map(countOf);
      expect(new Set(counts).size).toBeLessThan(counts.length); // two turns reported the same count
    } finally {
      await Promise.all(plain.map((a) => a.close()));
    }
  });
});

describe('the real bot: 32 concurrent turns on one conversation', () => {
  it('answers every one without a failed turn, and the conversation carries on', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startApp } = require('../support/app') as typeof import('../support/app');
    const running = await startApp({ TURNS_PER_MINUTE_PER_CONVERSATION: '0' });
    try {
      const conversationId = `c-${randomUUID()}`;
      const questions = ['How many CECs do I need?', 'Hello', 'What is a CEC?', 'Can I recertify by exam?'];
      const replies = await Promise.all(Array.from({ length: TURNS }, (_, i) => say(running.url, conversationId, questions[i % 4])));
      expect(replies.filter((r) => r.includes(TURN_ERROR_MESSAGE))).toEqual([]);
      expect(replies.every((r) => r.length > 0)).toBe(true);
      expect(await say(running.url, conversationId, 'How many CECs do I need?')).toMatch(/CEC/);
    } finally {
      await running.close();
    }
  });
});

describe('the per-conversation turn limit on /api/messages', () => {
  it('answers 429 with Retry-After once a conversation exceeds its burst, other conversations unaffected', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startApp } = require('../support/app') as typeof import('../support/app');
    const running = await startApp({ TURNS_PER_MINUTE_PER_CONVERSATION: '60' }); // burst 10
    try {
      const conversationId = `c-${randomUUID()}`;
      const post = (id: string) =>
        fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(baseActivity(id, 'Hello')) });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await post(conversationId)).status);
      expect(statuses).toEqual([...Array(10).fill(200), 429]);
      const limited = await post(conversationId);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await post(`c-${randomUUID()}`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
