// The hand-off as the trainer and a busy agent live it, on the real app over HTTP: what each is told at
// every step, words that must never reach the wrong person, files, the timeout's answers, and the logs.
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Activity } from 'botbuilder';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { agents, api, handoffEnv, handoffScene, installInTeam, teamsUser, trainer } from './helpers';

jest.setTimeout(60_000);

const scene = handoffScene();

type Trainer = ReturnType<typeof trainer>;

/** Asks for a person and returns the new request's id (the newest waiting one). */
async function askForPerson(t: Trainer, words = 'talk to a person'): Promise<string> {
  expect((await t.say(words)).join('\n')).toMatch(/connecting you with a person/);
  return (await api(scene.running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs.at(-1).id;
}

const said = (t: Trainer) => scene.channel.texts(t.conversationId);
const waitForTrainer = (t: Trainer, pattern: RegExp, what: string) => scene.channel.waitFor(() => said(t).some((x) => pattern.test(x)), what);
const trainerMessages = async (id: string) =>
  ((await api(scene.running.url, 'GET', `/api/handoffs/${id}/messages?after=0`)).body.messages as Array<{ text: string }>).map((m) => m.text);

describe('agent commands typed the way people type', () => {
  // Each must act as the command and never be relayed to the trainer Alex is talking to.
  const typed: Array<[string, (kimId: string) => string, RegExp]> = [
    ['a trailing full stop', (id) => `Claim ${id}.`, /connected with the trainer/],
    ['"please"', (id) => `claim ${id} please`, /connected with the trainer/],
    ['a hash before the id', (id) => `claim #${id}`, /connected with the trainer/],
    ['"switch to"', (id) => `switch to ${id}`, /You don't hold request/],
    ['"Resolve." on its own', () => 'Resolve.', /is resolved/],
    ['"please resolve"', () => 'please resolve', /is resolved/],
  ];

  test.each(typed)('with %s', async (_how, words, reply) => {
    const alex = teamsUser(scene.running.url, scene.channel.url, agents.alex);
    const pat = trainer(scene.running.url, scene.channel.url);
    const kim = trainer(scene.running.url, scene.channel.url);
    const patId = await askForPerson(pat);
    const kimId = await askForPerson(kim);
    await alex.say(`claim ${patId}`);
    const text = words(kimId);
    expect((await alex.say(text)).join('\n')).toMatch(reply);
    await new Promise((r) => setTimeout(r, 100));
    expect(said(pat)).not.toContain(`Alex: ${text}`);
    expect(await trainerMessages(patId)).toEqual([]);
  });

  test('claiming a request one already holds switches to it instead of "already claimed by" oneself', async () => {
    const alex = teamsUser(scene.running.url, scene.channel.url, agents.alex);
    const [patId, kimId] = [await askForPerson(trainer(scene.running.url, scene.channel.url)), await askForPerson(trainer(scene.running.url, scene.channel.url))];
    await alex.say(`claim ${patId}`);
    await alex.say(`claim ${kimId}`);
    expect(await alex.say(`claim ${patId}`)).toEqual([`Now talking in request ${patId}.`]);
  });
});

test('after the last conversation ends, the agent’s next words are not answered by the FAQ as if sent: told once, then the assistant answers', async () => {
  const alex = teamsUser(scene.running.url, scene.channel.url, agents.alex);
  const pat = trainer(scene.running.url, scene.channel.url);
  const id = await askForPerson(pat);
  await alex.say(`claim ${id}`);
  expect((await alex.say('resolve')).join('\n')).toMatch(/You hold no other requests: type "queue"/);
  expect(await alex.say('Pat, one more thing about your CECs')).toEqual([expect.stringMatching(new RegExp(`^Not sent: request ${id} is closed`))]);
  expect(said(pat)).not.toContain('Alex: Pat, one more thing about your CECs');
  expect((await alex.say('How many CECs do I need to recertify?')).join('\n')).toMatch(/2\.0/);
});

test('the trainer cancels while an agent is talking: the trainer hears whose chat ended, the agent where their words go now', async () => {
  const alex = teamsUser(scene.running.url, scene.channel.url, agents.alex);
  const pat = trainer(scene.running.url, scene.channel.url);
  const kim = trainer(scene.running.url, scene.channel.url);
  const [patId, kimId] = [await askForPerson(pat), await askForPerson(kim)];
  await alex.say(`claim ${kimId}`);
  await alex.say(`claim ${patId}`); // current
  expect(await pat.say('cancel')).toEqual(["OK, I've ended your chat with Alex. You're back with the assistant."]);
  await scene.channel.waitFor(
    () => scene.channel.texts(alex.chatId).includes(`[${patId}] The trainer cancelled and went back to the assistant. You're now talking in request ${kimId}.`),
    'the agent told the trainer left',
  );
  await alex.say('Hi Kim');
  await waitForTrainer(kim, /^Alex: Hi Kim$/, 'agent → kim');
});

test('mid-route hand-off: the agent sees the answers so far and the conversation; the trainer is told who left and how to finish', async () => {
  const alex = teamsUser(scene.running.url, scene.channel.url, agents.alex);
  const pat = trainer(scene.running.url, scene.channel.url);
  await pat.say('check my status');
  await pat.say('I was certified on March 1 2025');
  const id = await askForPerson(pat);
  await scene.channel.waitFor(() => scene.channel.sent.some((s) => s.method === 'CREATE'), 'the support card');
  const card = JSON.stringify(scene.channel.sent.find((s) => s.method === 'CREATE')!.activity.attachments);
  expect(card).toContain('"title":"Certified on","value":"2025-03-01"');

  expect(await pat.say('I think I also have 1 CEC')).toEqual(["Got it, I'll pass that on when someone joins. You're next in the queue."]);
  const briefing = (await alex.say(`claim ${id}`)).join('\n');
  expect(briefing.split('\n')).toEqual([
    expect.stringContaining(`connected with the trainer of request ${id}`),
    'Why: Asked for a person',
    'Route check (unfinished): certified on 2025-03-01',
    'Before the hand-off:',
    '- Trainer: check my status',
    expect.stringMatching(/^- Assistant: .*When were you certified\?/),
    '- Trainer: I was certified on March 1 2025',
    expect.stringMatching(/^- Assistant: Which exam did you pass.*…$/),
    '- Trainer: talk to a person',
    'While waiting they wrote:',
    '- I think I also have 1 CEC',
  ]);
  await alex.say('resolve');
  await waitForTrainer(pat, /left the chat/, 'the hand-back');
  expect(said(pat).at(-1)).toBe(
    'Alex from support has left the chat. You\'re back with the assistant. Say "check my status" to finish working out your recertification route, or ask me anything.',
  );
});

test('the queue tells a busy agent why, how long and what about — never just "talk to a person"', async () => {
  const alex = teamsUser(scene.running.url, scene.channel.url, agents.alex);
  const pat = trainer(scene.running.url, scene.channel.url);
  await pat.say("what's the fee to recertify?");
  const patId = await askForPerson(pat);
  scene.clock = new Date(scene.clock.getTime() + 4 * 60_000);
  const kim = trainer(scene.running.url, scene.channel.url);
  const kimId = await askForPerson(kim);
  await kim.say('I need my certificate reissued');
  expect(await alex.say('queue')).toEqual([
    [
      'Waiting:',
      `1. ${patId} · Asked for a person · waiting 4 min · "what's the fee to recertify?"`,
      `2. ${kimId} · Asked for a person · waiting 0 min · "I need my certificate reissued"`,
    ].join('\n'),
  ]);
});

describe('files while waiting or talking: the trainer is asked for words, the agent learns a file was tried', () => {
  const file = { contentType: 'image/png', contentUrl: 'https://example.invalid/cert.png', name: 'cert.png' };
  const cases: Array<[string, boolean]> = [
    ['waiting', false],
    ['talking with an agent', true],
  ];
  test.each(cases)('%s', async (_state, claimed) => {
    const pat = trainer(scene.running.url, scene.channel.url);
    const id = await askForPerson(pat);
    if (claimed) await api(scene.running.url, 'POST', `/api/handoffs/${id}/claim`, { agentName: 'Alex' });
    const replies = await pat.raw({ text: 'here is my certificate', attachments: [file] });
    expect(replies.filter((r) => r.type === 'message').map((r) => r.text)).toEqual([expect.stringMatching(/can't pass files or pictures on/)]);
    expect(await trainerMessages(id)).toEqual([
      expect.stringMatching(/^\[tried to send a file, cert\.png: files can't be passed on/),
      'here is my certificate',
    ]);
  });

  test('Teams’ own text/html copy of a typed message is not a file', async () => {
    const staff = teamsUser(scene.running.url, scene.channel.url, { aadObjectId: 'aad-robin', id: '29:robin', name: 'Robin Staff' });
    expect((await staff.say('talk to a person')).join('\n')).toMatch(/connecting you/);
    const id = (await api(scene.running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs.at(-1).id;
    const replies = await staff.say('is anyone there?', { attachments: [{ contentType: 'text/html', content: '<p>is anyone there?</p>' }] });
    expect(replies).toEqual([expect.stringMatching(/pass that on/)]);
    expect(await trainerMessages(id)).toEqual(['is anyone there?']);
  });
});

test('asking for a person again while waiting says where one stands (the words are still kept for the agent)', async () => {
  const pat = trainer(scene.running.url, scene.channel.url);
  await askForPerson(trainer(scene.running.url, scene.channel.url));
  const id = await askForPerson(pat);
  expect(await pat.say('can I speak to a human about my fee')).toEqual([
    "You're already waiting for a person from our support team. You're number 2 in the queue.",
  ]);
  expect(await trainerMessages(id)).toEqual(['can I speak to a human about my fee']);
});

describe('the answers to the timeout offer', () => {
  async function timedOut(): Promise<{ pat: Trainer; id: string }> {
    const pat = trainer(scene.running.url, scene.channel.url);
    const id = await askForPerson(pat);
    scene.clock = new Date(scene.clock.getTime() + 11 * 60_000);
    const replies = await pat.raw({ text: 'anyone?' });
    const offer = replies.find((r) => r.type === 'message')!;
    expect(offer.text).toMatch(/Sorry, everyone from support is busy/);
    expect(offer.suggestedActions?.actions.map((a) => a.value)).toEqual(['Keep waiting', 'No thanks']);
    return { pat, id };
  }

  const answers: Array<[string, RegExp, string | undefined]> = [
    ['Keep waiting', /^OK, you stay in the queue\. You're next in the queue\./, undefined],
    ["ok I'll wait", /^OK, you stay in the queue/, undefined],
    ['No thanks', /^OK, no follow-up\. I've cancelled your request/, 'cancelled'],
    ['no', /^OK, no follow-up/, 'cancelled'],
    ['what happens now?', /need an email address.*"keep waiting".*"no thanks"/, undefined],
  ];

  test.each(answers)('"%s"', async (words, reply, outcome) => {
    const { pat, id } = await timedOut();
    expect(await pat.say(words)).toEqual([expect.stringMatching(reply)]);
    const { body } = await api(scene.running.url, 'GET', `/api/handoffs/${id}`);
    expect(body.outcome).toBe(outcome);
    expect(body.status).toBe(outcome ? 'resolved' : 'waiting');
    if (outcome) expect((await pat.say('How many CECs do I need to recertify?')).join('\n')).toMatch(/2\.0/);
  });

  test('the sweep’s offer carries the same buttons', async () => {
    const pat = trainer(scene.running.url, scene.channel.url);
    await askForPerson(pat);
    scene.clock = new Date(scene.clock.getTime() + 11 * 60_000);
    expect(await scene.running.app.handoff.sweep()).toBe(1);
    await waitForTrainer(pat, /busy/, 'the offer');
    const offer = scene.channel.sent.find((s) => s.conversationId === pat.conversationId && /busy/.test(s.activity.text ?? ''))!;
    expect((offer.activity as Partial<Activity>).suggestedActions?.actions.map((a) => a.title)).toEqual(['Keep waiting', 'No thanks']);
  });

  test('a follow-up left is in the agent’s briefing', async () => {
    const { pat, id } = await timedOut();
    await pat.say('pat@example.com please call me about my lapsed certificate');
    const briefing = (await teamsUser(scene.running.url, scene.channel.url, agents.alex).say(`claim ${id}`)).join('\n');
    expect(briefing).toContain('Left for follow-up: pat@example.com ("please call me about my lapsed certificate")');
  });
});

describe('the agent API says what went wrong in words an agent can act on', () => {
  test('writing before claiming, and after the trainer left; the poll says the trainer cancelled', async () => {
    const pat = trainer(scene.running.url, scene.channel.url);
    const id = await askForPerson(pat);
    expect((await api(scene.running.url, 'POST', `/api/handoffs/${id}/messages`, { text: 'Hi' })).body).toEqual({
      code: 'CONFLICT',
      message: `Request ${id} is still waiting: claim it before writing to the trainer.`,
    });
    await api(scene.running.url, 'POST', `/api/handoffs/${id}/claim`, { agentName: 'Alex' });
    await pat.say('cancel');
    expect((await api(scene.running.url, 'POST', `/api/handoffs/${id}/messages`, { text: 'Hi' })).body.message).toBe(
      `Request ${id} is closed (the trainer is back with the assistant), so nothing was sent.`,
    );
    expect((await api(scene.running.url, 'GET', `/api/handoffs/${id}/messages?after=0&wait=5`)).body).toMatchObject({ status: 'resolved', outcome: 'cancelled' });
  });

  // Never a 5xx: every bad input is a catalogue 4xx.
  const bad: Array<[string, string, string, unknown, number, string]> = [
    ['no text', 'POST', '/messages', {}, 400, 'BAD_REQUEST'],
    ['blank text', 'POST', '/messages', { text: '   ' }, 400, 'BAD_REQUEST'],
    ['text over 4,000 characters', 'POST', '/messages', { text: 'x'.repeat(4001) }, 400, 'BAD_REQUEST'],
    ['a body over 256 KB', 'POST', '/messages', { text: 'x'.repeat(300_000) }, 413, 'BODY_TOO_LARGE'],
    ['an array body', 'POST', '/messages', [1, 2], 400, 'BAD_REQUEST'],
    ['a numeric agent name', 'POST', '/claim', { agentName: 7 }, 400, 'BAD_REQUEST'],
    ['a negative cursor', 'GET', '/messages?after=-1', undefined, 400, 'BAD_REQUEST'],
    ['an infinite cursor', 'GET', '/messages?after=1e400', undefined, 400, 'BAD_REQUEST'],
    ['a wait over 25 s', 'GET', '/messages?wait=26', undefined, 400, 'BAD_REQUEST'],
    ['DELETE on a request', 'DELETE', '', undefined, 405, 'METHOD_NOT_ALLOWED'],
  ];
  test.each(bad)('%s: a clear 4xx', async (_what, method, suffix, body, status, code) => {
    const id = await askForPerson(trainer(scene.running.url, scene.channel.url));
    const res = await api(scene.running.url, method, `/api/handoffs/${id}${suffix}`, body);
    expect([res.status, res.body?.code]).toEqual([status, code]);
  });
});

test('info logs of a whole hand-off carry no names, words, email addresses or raw conversation ids', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'info', HOST: '127.0.0.1', ...handoffEnv() });
  const app = await buildApp(config, pino({ level: 'info' }, sink), { now: () => scene.clock });
  const url = await app.listen(0, '127.0.0.1');
  try {
    await installInTeam(url, scene.channel.url);
    const pat = trainer(url, scene.channel.url, 'conversation-of-pat-quinn');
    await pat.say("what's the fee to recertify?");
    await pat.say('talk to a person');
    const id = (await api(url, 'GET', '/api/handoffs?status=waiting')).body.handoffs[0].id;
    await pat.say('my certificate number is 12345');
    const alex = teamsUser(url, scene.channel.url, agents.alex);
    await alex.say(`claim ${id}`);
    await alex.say('Hello Pat Quinn');
    await pat.raw({ text: 'photo', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/q.png', name: 'quinn-cert.png' }] });
    await alex.say('resolve');
    const kim = trainer(url, scene.channel.url, 'conversation-of-kim');
    await kim.say('talk to a person');
    scene.clock = new Date(scene.clock.getTime() + 11 * 60_000);
    await kim.say('anyone?');
    await kim.say('kim.lee@example.com call me');
    await app.handoff.service.settled();
  } finally {
    await app.close();
  }
  const log = lines.join('');
  expect(log).toMatch(/hand-off: requested/);
  expect(log).toMatch(/hand-off: follow-up message left/);
  for (const secret of ['Pat', 'Quinn', 'Alex', 'kim.lee@example.com', '12345', 'fee to recertify', 'quinn-cert', 'conversation-of-pat-quinn', 'conversation-of-kim', agents.alex.aadObjectId]) {
    expect([secret, log.includes(secret)]).toEqual([secret, false]);
  }
});
