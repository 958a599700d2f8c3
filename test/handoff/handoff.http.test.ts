// The hand-off end to end over HTTP on the real app: a trainer on the web channel, agents through the API
// and through Teams-shaped activities, and a local channel recorder receiving every proactive message.
import type { Activity } from 'botbuilder';
import { startApp } from '../support/app';
import { AGENT_KEY, SUPPORT_CHANNEL, agents, api, handoffEnv, handoffScene, teamsUser, trainer } from './helpers';

jest.setTimeout(60_000);

const scene = handoffScene({ LOG_LEVEL: process.env.TEST_LOG ?? 'silent' });

const cardOf = (activity: Partial<Activity>) => JSON.stringify(activity.attachments?.[0]?.content ?? {});

async function requestPerson(t: ReturnType<typeof trainer>): Promise<string> {
  await t.say('how long is my certification valid?');
  const replies = await t.say('talk to a person');
  expect(replies.join('\n')).toMatch(/connecting you with a person/);
  const { body } = await api(scene.running.url, 'GET', '/api/handoffs?status=waiting');
  const mine = (body.handoffs as Array<{ id: string; question?: string }>).at(-1)!;
  return mine.id;
}

test('trainer asks for a person, an agent claims through the API, messages flow both ways, resolve hands back', async () => {
  const pat = trainer(scene.running.url, scene.channel.url);
  await pat.say('how long is my certification valid?');
  const replies = await pat.raw({ text: 'talk to a person' });
  const texts = replies.filter((r) => r.type === 'message').map((r) => r.text).join('\n');
  expect(texts).toMatch(/You're next in the queue/);
  expect(texts).toMatch(/keep typing.*"cancel"/s);
  const initiate = replies.find((r) => r.type === 'event' && r.name === 'handoff.initiate');
  expect(initiate?.attachments?.[0]?.contentType).toBe('application/json');

  const { body: queue } = await api(scene.running.url, 'GET', '/api/handoffs?status=waiting');
  expect(queue.handoffs).toHaveLength(1);
  const id = queue.handoffs[0].id as string;
  expect((initiate?.value as { id?: string }).id).toBe(id);

  // The support channel got a card with the summary and a Claim button.
  await scene.channel.waitFor(() => scene.channel.sent.some((s) => s.method === 'CREATE'), 'the support card');
  const card = scene.channel.sent.find((s) => s.method === 'CREATE')!;
  expect(card.conversationId.startsWith(SUPPORT_CHANNEL)).toBe(true);
  expect(cardOf(card.activity)).toContain('"action":"handoff.claim"');
  expect(cardOf(card.activity)).toContain(`"id":"${id}"`);
  expect(cardOf(card.activity)).toContain('"version":"1.5"');

  expect(await pat.say('My certificate number is 12345')).toEqual([expect.stringMatching(/pass that on when someone joins/)]);

  const { body: detail } = await api(scene.running.url, 'GET', `/api/handoffs/${id}`);
  expect(detail).toMatchObject({ id, status: 'waiting', channelId: 'directline', summary: { reason: 'asked', question: 'talk to a person' } });
  expect(detail.transcript.map((e: { text?: string }) => e.text)).toEqual(
    expect.arrayContaining(['how long is my certification valid?', 'talk to a person']),
  );
  expect(detail.trainer).toBeUndefined(); // the conversation reference stays internal

  expect((await api(scene.running.url, 'POST', `/api/handoffs/${id}/claim`, { agentName: 'Alex' })).status).toBe(200);
  await scene.channel.waitFor(() => scene.channel.texts(pat.conversationId).includes('Alex from support has joined.'), 'the join message');
  await scene.channel.waitFor(() => scene.channel.sent.some((s) => s.method === 'PUT' && cardOf(s.activity).includes('Claimed by Alex')), 'card update (claimed)');

  const waited = await api(scene.running.url, 'GET', `/api/handoffs/${id}/messages?after=0`);
  expect(waited.body.messages.map((m: { text: string }) => m.text)).toEqual(['My certificate number is 12345']);

  expect((await api(scene.running.url, 'POST', `/api/handoffs/${id}/messages`, { text: 'Hi Pat, let me check.' })).status).toBe(201);
  await scene.channel.waitFor(() => scene.channel.texts(pat.conversationId).includes('Alex: Hi Pat, let me check.'), 'the agent message');

  expect(await pat.say('Thanks!')).toEqual([]); // goes to the agent, not answered by the bot
  const next = await api(scene.running.url, 'GET', `/api/handoffs/${id}/messages?after=${waited.body.cursor}`);
  expect(next.body.messages.map((m: { text: string }) => m.text)).toEqual(['Thanks!']);

  // Long-poll: the request waits until the trainer writes.
  const started = Date.now();
  const poll = api(scene.running.url, 'GET', `/api/handoffs/${id}/messages?after=${next.body.cursor}&wait=10`);
  await new Promise((r) => setTimeout(r, 200));
  await pat.say('Are you still there?');
  const polled = await poll;
  expect(polled.body.messages.map((m: { text: string }) => m.text)).toEqual(['Are you still there?']);
  expect(Date.now() - started).toBeLessThan(5000);

  expect((await api(scene.running.url, 'POST', `/api/handoffs/${id}/resolve`)).status).toBe(200);
  await scene.channel.waitFor(() => scene.channel.texts(pat.conversationId).some((t) => /back with the assistant/.test(t)), 'the hand-back');
  await scene.channel.waitFor(() => scene.channel.sent.some((s) => s.method === 'PUT' && cardOf(s.activity).includes('Resolved by Alex')), 'card update (resolved)');
  expect((await api(scene.running.url, 'POST', `/api/handoffs/${id}/messages`, { text: 'too late' })).status).toBe(409);

  const answer = (await pat.say('How many CECs do I need to recertify?')).join('\n');
  expect(answer).toMatch(/2\.0/);
  const { body: resolved } = await api(scene.running.url, 'GET', '/api/handoffs?status=resolved');
  expect(resolved.handoffs.map((h: { id: string }) => h.id)).toContain(id);
});

test('an agent works two trainers from Teams: queue, claim, relay both ways, switch, resolve', async () => {
  const alex = teamsUser(scene.running.url, scene.channel.url, agents.alex);
  const pat = trainer(scene.running.url, scene.channel.url);
  const kim = trainer(scene.running.url, scene.channel.url);
  const patId = await requestPerson(pat);
  const kimId = await requestPerson(kim);
  expect(await kim.say('hello?')).toEqual([expect.stringMatching(/number 2 in the queue/)]);

  const queue = (await alex.say('queue')).join('\n');
  expect(queue.indexOf(patId)).toBeGreaterThan(-1);
  expect(queue.indexOf(kimId)).toBeGreaterThan(queue.indexOf(patId)); // oldest first

  const briefing = (await alex.say(`claim ${patId}`)).join('\n');
  expect(briefing).toContain(`connected with the trainer of request ${patId}`);
  // What was said before the hand-off, so the agent does not ask the trainer to repeat it.
  expect(briefing).toContain('Why: Asked for a person');
  expect(briefing).toMatch(/Before the hand-off:\n- Trainer: how long is my certification valid\?\n- Assistant: .*two years.*\n- Trainer: talk to a person/);
  await scene.channel.waitFor(() => scene.channel.texts(pat.conversationId).includes('Alex from support has joined.'), 'join (pat)');
  // Kim moved up and was told.
  await scene.channel.waitFor(() => scene.channel.texts(kim.conversationId).some((t) => /you're next in the queue/i.test(t)), 'position update (kim)');

  expect(await alex.say('Hi Pat, how can I help?')).toEqual([]);
  await scene.channel.waitFor(() => scene.channel.texts(pat.conversationId).includes('Alex: Hi Pat, how can I help?'), 'agent → pat');
  await pat.say('I missed my deadline');
  await scene.channel.waitFor(() => scene.channel.texts(alex.chatId).includes(`[${patId}] Trainer: I missed my deadline`), 'pat → agent chat');

  await alex.say(`claim ${kimId}`); // now current
  await alex.say('Hi Kim!');
  await scene.channel.waitFor(() => scene.channel.texts(kim.conversationId).includes('Alex: Hi Kim!'), 'agent → kim');
  expect(await alex.say(`switch ${patId}`)).toEqual([`Now talking in request ${patId}.`]);
  await alex.say('Back to you, Pat.');
  await scene.channel.waitFor(() => scene.channel.texts(pat.conversationId).includes('Alex: Back to you, Pat.'), 'agent → pat after switch');
  expect(scene.channel.texts(kim.conversationId)).not.toContain('Alex: Back to you, Pat.');

  // Told where their next words go: back to Kim, whom Alex still holds.
  expect((await alex.say('resolve')).join('\n')).toBe(`Request ${patId} is resolved; the trainer is back with the assistant. You're now talking in request ${kimId}.`);
  await scene.channel.waitFor(() => scene.channel.texts(pat.conversationId).some((t) => /back with the assistant/.test(t)), 'pat handed back');
  expect((await pat.say('How many CECs do I need to recertify?')).join('\n')).toMatch(/2\.0/);

  // After resolving Pat, Alex is back on Kim.
  await alex.say('Still with me, Kim?');
  await scene.channel.waitFor(() => scene.channel.texts(kim.conversationId).includes('Alex: Still with me, Kim?'), 'agent → kim after resolve');
});

test('the Claim button on the support card claims for the agent who pressed it', async () => {
  const pat = trainer(scene.running.url, scene.channel.url);
  const id = await requestPerson(pat);
  await scene.channel.waitFor(() => scene.channel.sent.some((s) => s.method === 'CREATE'), 'the support card');
  const thread = scene.channel.sent.find((s) => s.method === 'CREATE')!.conversationId;

  const sam = teamsUser(scene.running.url, scene.channel.url, agents.sam);
  await sam.pressInChannel(thread, { action: 'handoff.claim', id }, `claim ${id}`);
  await scene.channel.waitFor(() => scene.channel.texts(pat.conversationId).includes('Sam from support has joined.'), 'join (sam)');
  await scene.channel.waitFor(() => scene.channel.sent.some((s) => s.method === 'PUT' && cardOf(s.activity).includes('Claimed by Sam')), 'card claimed by Sam');
  // Sam never wrote to the bot 1:1: the bot opened that chat and briefed Sam there.
  await scene.channel.waitFor(() => scene.channel.created.some((c) => c.isGroup === false), 'a 1:1 chat with Sam');
  await scene.channel.waitFor(() => scene.channel.sent.some((s) => s.method === 'POST' && /connected with the trainer/.test(s.activity.text ?? '')), 'briefing');

  const alex = teamsUser(scene.running.url, scene.channel.url, agents.alex);
  expect((await alex.say(`claim ${id}`)).join('\n')).toContain('already claimed by Sam');
});

test('a lapsed trainer who accepts the offer arrives with the assessment: in the request, the card and the agent briefing', async () => {
  const pat = trainer(scene.running.url, scene.channel.url);
  for (const line of ['check my recertification', 'I was certified on March 1, 2023', 'online exam', '0', 'yes']) await pat.say(line);
  expect((await pat.say('yes')).join('\n')).toMatch(/connecting you with a person/);
  const id = (await api(scene.running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs[0].id;
  const { body } = await api(scene.running.url, 'GET', `/api/handoffs/${id}`);
  expect(body.summary).toMatchObject({
    reason: 'lapsed',
    assessment: { certifiedOn: '2023-03-01', expiresOn: '2025-03-01', status: 'expired', earnedVia: 'online-exam', cecsEarned: 0 },
  });
  await scene.channel.waitFor(() => scene.channel.sent.some((s) => s.method === 'CREATE'), 'the support card');
  const card = cardOf(scene.channel.sent.find((s) => s.method === 'CREATE')!.activity);
  expect(card).toContain('Certification has lapsed');
  expect(card).toContain('2025-03-01');
  const briefing = (await teamsUser(scene.running.url, scene.channel.url, agents.alex).say(`claim ${id}`)).join('\n');
  expect(briefing).toContain('Why: Certification has lapsed');
  expect(briefing).toContain('Assessment: expired, certified 2023-03-01 (online-exam), expires 2025-03-01, 0/2 CECs');
});

test('the timeout: the sweep apologises and offers a follow-up; an email left with consent is kept on the request', async () => {
  const pat = trainer(scene.running.url, scene.channel.url);
  const id = await requestPerson(pat);
  scene.clock = new Date(scene.clock.getTime() + 9 * 60_000);
  expect(await scene.running.app.handoff.sweep()).toBe(0);
  scene.clock = new Date(scene.clock.getTime() + 2 * 60_000);
  expect(await scene.running.app.handoff.sweep()).toBe(1);
  await scene.channel.waitFor(() => scene.channel.texts(pat.conversationId).some((t) => /Sorry, everyone from support is busy/.test(t)), 'timeout apology');
  const apology = scene.channel.texts(pat.conversationId).find((t) => /busy/.test(t))!;
  expect(apology).toMatch(/Consent: by sending your email address you agree/);
  expect(await scene.running.app.handoff.sweep()).toBe(0); // said once

  expect(await pat.say('what do you mean?')).toEqual([expect.stringMatching(/need an email address/)]);
  const saved = await pat.say('pat@example.com please call me about my lapsed certificate');
  expect(saved.join('\n')).toMatch(/someone from support will write to pat@example.com/);

  const { body } = await api(scene.running.url, 'GET', `/api/handoffs/${id}`);
  expect(body.status).toBe('waiting'); // still in the queue for an agent to pick up
  expect(body.followUp).toMatchObject({ email: 'pat@example.com', message: 'please call me about my lapsed certificate' });
  expect(body.followUp.consentedAt).toBe(scene.clock.toISOString());

  expect((await pat.say('How many CECs do I need to recertify?')).join('\n')).toMatch(/2\.0/); // back with the bot
});

test('the timeout is also noticed on the trainer’s next message, without the sweep', async () => {
  const pat = trainer(scene.running.url, scene.channel.url);
  await requestPerson(pat);
  scene.clock = new Date(scene.clock.getTime() + 10 * 60_000);
  expect((await pat.say('anyone?')).join('\n')).toMatch(/Sorry, everyone from support is busy/);
});

test('two agents claiming at once: one 200, one 409', async () => {
  const id = await requestPerson(trainer(scene.running.url, scene.channel.url));
  const results = await Promise.all([
    api(scene.running.url, 'POST', `/api/handoffs/${id}/claim`, { agentName: 'Alex' }),
    api(scene.running.url, 'POST', `/api/handoffs/${id}/claim`, { agentName: 'Sam' }),
  ]);
  expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  const winner = results.find((r) => r.status === 200)!.body.agent.name;
  expect(results.find((r) => r.status === 409)!.body.message).toContain(`already claimed by ${winner}`);
});

test('cancel takes the trainer back; the next in line hears the new position', async () => {
  const pat = trainer(scene.running.url, scene.channel.url);
  const kim = trainer(scene.running.url, scene.channel.url);
  const patId = await requestPerson(pat);
  await requestPerson(kim);
  expect(await pat.say('cancel')).toEqual([expect.stringMatching(/cancelled your request/)]);
  await scene.channel.waitFor(() => scene.channel.texts(kim.conversationId).some((t) => /you're next in the queue/i.test(t)), 'position update');
  const { body } = await api(scene.running.url, 'GET', `/api/handoffs/${patId}`);
  expect(body).toMatchObject({ status: 'resolved', outcome: 'cancelled' });
  expect((await pat.say('How many CECs do I need to recertify?')).join('\n')).toMatch(/2\.0/);
});

test.each(['actually never mind', 'forget it', 'I changed my mind, thanks'])('"%s" while waiting withdraws the request', async (words) => {
  const pat = trainer(scene.running.url, scene.channel.url);
  const id = await requestPerson(pat);
  expect(await pat.say(words)).toEqual([expect.stringMatching(/cancelled your request/)]);
  expect((await api(scene.running.url, 'GET', `/api/handoffs/${id}`)).body).toMatchObject({ status: 'resolved', outcome: 'cancelled' });
});

test('"never mind, I found it" is only a message while waiting, not a withdrawal', async () => {
  const pat = trainer(scene.running.url, scene.channel.url);
  const id = await requestPerson(pat);
  expect((await pat.say('never mind I found the answer in the article')).join('\n')).not.toMatch(/cancelled your request/);
  expect((await api(scene.running.url, 'GET', `/api/handoffs/${id}`)).body.status).toBe('waiting');
  await pat.say('cancel');
});

test('handoff.status events from an agent hub: accepted, then completed', async () => {
  const pat = trainer(scene.running.url, scene.channel.url);
  const id = await requestPerson(pat);
  const accepted = await pat.raw({ type: 'event', name: 'handoff.status', value: { state: 'accepted' }, text: undefined });
  expect(accepted.map((a) => a.text)).toContain('An agent from support has joined.');
  expect((await api(scene.running.url, 'GET', `/api/handoffs/${id}`)).body.status).toBe('active');
  const completed = await pat.raw({ type: 'event', name: 'handoff.status', value: { state: 'completed' }, text: undefined });
  expect(completed.map((a) => a.text).join('\n')).toMatch(/back with the assistant/);
  expect((await api(scene.running.url, 'GET', `/api/handoffs/${id}`)).body).toMatchObject({ status: 'resolved', outcome: 'resolved' });
});

describe('only agents', () => {
  // Every row has three cells: with two, jest would hand the test a `done` callback as the third argument.
  const endpoints: Array<[string, string, unknown]> = [
    ['GET', '/api/handoffs', undefined],
    ['GET', '/api/handoffs?status=waiting', undefined],
    ['GET', '/api/handoffs/habcdefg', undefined],
    ['POST', '/api/handoffs/habcdefg/claim', { agentName: 'Mallory' }],
    ['POST', '/api/handoffs/habcdefg/messages', { text: 'I am an agent' }],
    ['GET', '/api/handoffs/habcdefg/messages?after=0', undefined],
    ['POST', '/api/handoffs/habcdefg/resolve', undefined],
  ];
  const keys: Array<[string, string | null]> = [
    ['no key', null],
    ['a wrong key', 'not-the-key'],
    ['the key with a suffix', `${AGENT_KEY}x`],
    ['an empty key', ''],
  ];

  test.each(endpoints)('%s %s refuses a missing or wrong key with 401', async (method, path, body) => {
    for (const [, key] of keys) {
      const res = await api(scene.running.url, method, path, body, key);
      expect([key, res.status, res.body?.code]).toEqual([key, 401, 'UNAUTHORIZED']);
    }
    expect((await api(scene.running.url, method, path, body)).status).not.toBe(401);
  });

  test('the API is closed when no key is configured', async () => {
    const closed = await startApp({ ...handoffEnv(), AGENT_API_KEY: '' });
    try {
      expect((await api(closed.url, 'GET', '/api/handoffs', undefined, '')).status).toBe(401);
      expect((await api(closed.url, 'GET', '/api/handoffs', undefined, 'undefined')).status).toBe(401);
    } finally {
      await closed.close();
    }
  });

  test('bad input is a 400, an unknown request a 404', async () => {
    expect((await api(scene.running.url, 'GET', '/api/handoffs?status=lost')).status).toBe(400);
    expect((await api(scene.running.url, 'POST', '/api/handoffs/habcdefg/claim', {})).status).toBe(400);
    expect((await api(scene.running.url, 'POST', '/api/handoffs/habcdefg/claim', { agentName: 'Alex' })).status).toBe(404);
    expect((await api(scene.running.url, 'GET', '/api/handoffs/NOT-AN-ID')).status).toBe(400);
  });

  const impostors: Array<[string, (url: string, serviceUrl: string) => { say(text: string): Promise<string[]> }]> = [
    ['a Teams user not in AGENT_IDS', (url, s) => teamsUser(url, s, { aadObjectId: 'aad-mallory', id: '29:mallory', name: 'Mallory' })],
    ['a web trainer using an agent id', (url, s) => trainer(url, s, agents.alex.aadObjectId)],
  ];

  test.each(impostors)('%s typing agent commands gets ordinary bot answers', async (_who, make) => {
    const id = await requestPerson(trainer(scene.running.url, scene.channel.url));
    const mallory = make(scene.running.url, scene.channel.url);
    for (const command of ['queue', `claim ${id}`, `switch ${id}`, 'resolve']) {
      const reply = (await mallory.say(command)).join('\n');
      expect(reply).not.toMatch(/Waiting:|connected with the trainer|Now talking|is resolved|Nobody is waiting|You have no active/);
    }
    expect((await api(scene.running.url, 'GET', `/api/handoffs/${id}`)).body.status).toBe('waiting');
  });
});
