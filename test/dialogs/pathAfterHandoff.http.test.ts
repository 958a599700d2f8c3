// Pat's conversation on the real app over HTTP: half-way through the route check Pat asks for a person; the agent
// claims and resolves through the agent API; back with the assistant, Pat answers the question that was open
// ("online exam") — or says "check my status" — and the check goes on from the date already given.
import { startApp, type RunningApp } from '../support/app';
import { api, handoffEnv, startChannel, trainer, type ChannelRecorder } from '../handoff/helpers';

jest.setTimeout(60_000);

let channel: ChannelRecorder;
let running: RunningApp;

beforeEach(async () => {
  channel = await startChannel();
  running = await startApp(handoffEnv(), { now: () => new Date('2026-03-02T09:00:00Z') });
});

afterEach(async () => {
  await running.close();
  await channel.close();
});

test.each([
  ['the open question answered straight away', 'online exam', /Picking up where we left off: certified March 1, 2025 and the online exam[\s\S]*How many CECs/],
  ['"check my status"', 'check my status', /Picking up where we left off: certified March 1, 2025\b[\s\S]*Which exam did you pass/],
])('after the agent hands back: %s', async (_how, firstWords, reply) => {
  const pat = trainer(running.url, channel.url);
  await pat.say('check my status');
  expect((await pat.say('I was certified on March 1 2025')).join('\n')).toMatch(/Which exam did you pass/);
  expect((await pat.say('talk to a person')).join('\n')).toMatch(/connecting you with a person/);
  const id = (await api(running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs.at(-1).id as string;
  expect((await api(running.url, 'POST', `/api/handoffs/${id}/claim`, { agentName: 'Alex' })).status).toBe(200);
  expect((await api(running.url, 'POST', `/api/handoffs/${id}/resolve`)).status).toBe(200);
  await channel.waitFor(() => channel.texts(pat.conversationId).some((t) => /back with the assistant/.test(t)), 'the hand-back');

  const back = (await pat.say(firstWords)).join('\n');
  expect(back).toMatch(reply);
  expect(back).not.toMatch(/From the help article|When were you certified/);
});
