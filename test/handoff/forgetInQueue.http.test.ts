// "forget me" typed while waiting in the hand-off queue is a privacy request, not a message for the agent: the request
// is withdrawn and the main dialog deletes what we store and confirms (over /api/messages, as a trainer would).
import { api, handoffScene, trainer } from './helpers';

jest.setTimeout(60_000);

const scene = handoffScene();

test.each(['forget me', 'Forget me.', 'delete my data', 'please erase my information'])(
  '%j while waiting withdraws the request and deletes, never "I\'ll pass that on"',
  async (words) => {
    const pat = trainer(scene.running.url, scene.channel.url);
    expect((await pat.say('talk to a person')).join('\n')).toMatch(/connecting you with a person/);
    const id = (await api(scene.running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs.at(-1).id as string;

    const reply = (await pat.say(words)).join('\n');
    expect(reply).toMatch(/deleted what I had stored about you/);
    expect(reply).toMatch(/request to our support team was withdrawn too/); // never withdrawn quietly
    expect(reply).not.toMatch(/pass that on/);
    const waiting = (await api(scene.running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs as Array<{ id: string }>;
    expect(waiting.map((h) => h.id)).not.toContain(id);
    // back with the assistant: the next question is answered, not relayed
    expect((await pat.say('how many CECs do I need?')).join('\n')).toMatch(/2\.0 CECs/);
  },
);

test('other words while waiting are still kept for the agent', async () => {
  const pat = trainer(scene.running.url, scene.channel.url);
  await pat.say('talk to a person');
  const id = (await api(scene.running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs.at(-1).id as string;
  expect((await pat.say('forget about the fee, my cert lapsed')).join('\n')).toMatch(/pass that on/);
  const messages = (await api(scene.running.url, 'GET', `/api/handoffs/${id}/messages?after=0`)).body.messages as Array<{ text: string }>;
  expect(messages.map((m) => m.text)).toContain('forget about the fee, my cert lapsed');
});

test.each(['help', 'Help!', 'menu', 'what now?'])('%j while waiting says where the trainer stands and what they can do, not "I\'ll pass that on"', async (words) => {
  const pat = trainer(scene.running.url, scene.channel.url);
  await pat.say('talk to a person');
  const id = (await api(scene.running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs.at(-1).id as string;
  const reply = (await pat.say(words)).join('\n');
  expect(reply).toMatch(/already waiting for a person[\s\S]*next in the queue[\s\S]*"cancel"/);
  expect(reply).not.toMatch(/pass that on/);
  const messages = (await api(scene.running.url, 'GET', `/api/handoffs/${id}/messages?after=0`)).body.messages as Array<{ text: string }>;
  expect(messages.map((m) => m.text)).not.toContain(words);
});
