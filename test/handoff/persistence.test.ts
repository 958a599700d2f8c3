// Hand-off state lives in the store: a restart on the on-disk store loses nothing, and two app instances
// on one Redis share the queue with an atomic claim.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../support/app';
import { agents, api, handoffEnv, installInTeam, startChannel, trainer, type ChannelRecorder } from './helpers';

jest.setTimeout(60_000);

let channel: ChannelRecorder;
beforeEach(async () => {
  channel = await startChannel();
});
afterEach(async () => {
  await channel.close();
});

test('a restart in the middle of a hand-off on the on-disk store loses nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-'));
  const env = handoffEnv({ STORAGE: `sqlite://${join(dir, 'bot.sqlite')}` });
  let running: RunningApp = await startApp(env);
  try {
    await installInTeam(running.url, channel.url);
    let pat = trainer(running.url, channel.url);
    await pat.say('how long is my certification valid?');
    await pat.say('talk to a person');
    let kim = trainer(running.url, channel.url);
    await kim.say('talk to a person');
    const [first, second] = (await api(running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs as Array<{ id: string }>;
    await pat.say('my certificate number is 12345');
    expect((await api(running.url, 'POST', `/api/handoffs/${first.id}/claim`, { agentName: 'Alex' })).status).toBe(200);
    await channel.waitFor(() => channel.sent.filter((s) => s.method === 'CREATE').length === 2, 'both cards');
    const before = (await api(running.url, 'GET', `/api/handoffs/${first.id}`)).body;

    await running.close();
    running = await startApp(env);
    // The same conversations, now talking to the new process.
    pat = trainer(running.url, channel.url, pat.conversationId);
    kim = trainer(running.url, channel.url, kim.conversationId);

    const after = (await api(running.url, 'GET', `/api/handoffs/${first.id}`)).body;
    expect(after).toEqual(before);
    expect((await api(running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs.map((h: { id: string }) => h.id)).toEqual([second.id]);

    // The stored conversation reference still reaches the trainer; the trainer is still linked to the agent.
    await api(running.url, 'POST', `/api/handoffs/${first.id}/messages`, { text: 'Sorry, we restarted. Still here.' });
    await channel.waitFor(() => channel.texts(pat.conversationId).includes('Alex: Sorry, we restarted. Still here.'), 'agent → trainer after restart');
    expect(await pat.say('no problem')).toEqual([]);
    const messages = (await api(running.url, 'GET', `/api/handoffs/${first.id}/messages?after=0`)).body.messages;
    expect(messages.map((m: { text: string }) => m.text)).toEqual(['my certificate number is 12345', 'no problem']);

    // The waiting trainer is still waiting, and the card can still be updated after the restart.
    expect((await kim.say('still waiting?')).join('\n')).toMatch(/You're next in the queue/);
    await api(running.url, 'POST', `/api/handoffs/${first.id}/resolve`);
    await channel.waitFor(() => channel.sent.some((s) => s.method === 'PUT' && JSON.stringify(s.activity.attachments).includes('Resolved by Alex')), 'card resolved');
    expect((await pat.say('How many CECs do I need to recertify?')).join('\n')).toMatch(/2\.0/);
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const redisUrl = process.env.REDIS_URL;
const onRedis = redisUrl ? test : test.skip;
if (!redisUrl) console.warn('REDIS_URL is not set: skipping the two-instance hand-off test on Redis');

onRedis('two instances on one Redis: a request made on one is claimed on the other; simultaneous claims → one 200, one 409', async () => {
  const env = handoffEnv({ STORAGE: redisUrl! });
  const [a, b] = [await startApp(env), await startApp(env)];
  try {
    const pat = trainer(a.url, channel.url);
    await pat.say('talk to a person');
    const waiting = (await api(b.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs as Array<{ id: string; createdAt: string }>;
    const id = waiting.at(-1)!.id;
    expect((await api(b.url, 'GET', `/api/handoffs/${id}`)).body.summary.question).toBe('talk to a person');

    for (let round = 0; round < 5; round++) {
      // A fresh request each round, claimed at the same moment through both instances.
      const t = trainer(a.url, channel.url);
      await t.say('talk to a person');
      const list = (await api(a.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs as Array<{ id: string }>;
      const target = list.at(-1)!.id;
      const results = await Promise.all([
        api(a.url, 'POST', `/api/handoffs/${target}/claim`, { agentName: 'Alex' }),
        api(b.url, 'POST', `/api/handoffs/${target}/claim`, { agentName: 'Sam' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      await api(a.url, 'POST', `/api/handoffs/${target}/resolve`);
    }

    // Claimed on b, the agent's message reaches the trainer whose turn ran on a.
    expect((await api(b.url, 'POST', `/api/handoffs/${id}/claim`, { agentName: 'Alex' })).status).toBe(200);
    await api(b.url, 'POST', `/api/handoffs/${id}/messages`, { text: 'Hello from instance b' });
    await channel.waitFor(() => channel.texts(pat.conversationId).includes('Alex: Hello from instance b'), 'cross-instance relay');
    await pat.say('hi from a');
    const messages = (await api(b.url, 'GET', `/api/handoffs/${id}/messages?after=0&wait=2`)).body.messages;
    expect(messages.map((m: { text: string }) => m.text)).toEqual(['hi from a']);
    await api(b.url, 'POST', `/api/handoffs/${id}/resolve`);
  } finally {
    await a.close();
    await b.close();
  }
});
