// Withdrawing a request for a person, on the real app over HTTP: "forget me" in every state of a hand-off withdraws
// and scrubs it (and the agent side is told), clear "stop waiting" words cancel, an unclear "never mind" to an agent
// is asked about rather than guessed.
import type { Activity } from 'botbuilder';
import { agents, api, handoffScene, teamsUser, trainer } from './helpers';

jest.setTimeout(60_000);

const scene = handoffScene();

type Trainer = ReturnType<typeof trainer>;

async function askForPerson(t: Trainer): Promise<string> {
  expect((await t.say('talk to a person')).join('\n')).toMatch(/connecting you with a person/);
  return (await api(scene.running.url, 'GET', '/api/handoffs?status=waiting')).body.handoffs.at(-1).id;
}

const said = (t: Trainer) => scene.channel.texts(t.conversationId);
const record = async (id: string) => (await api(scene.running.url, 'GET', `/api/handoffs/${id}`)).body;
const claimByApi = (id: string) => api(scene.running.url, 'POST', `/api/handoffs/${id}/claim`, { agentName: 'Alex' });

describe('"forget me" withdraws the hand-off and deletes what the trainer told support', () => {
  // Each state leaves personal content in the request: relayed words, and in the follow-up case an email and message.
  const states: Array<[string, (pat: Trainer, id: string) => Promise<void>]> = [
    ['waiting', async (pat) => {
      expect((await pat.say('my cert number is 12345')).join('\n')).toMatch(/pass that on/);
    }],
    ['active (an agent is talking)', async (pat, id) => {
      expect((await claimByApi(id)).status).toBe(200);
      await pat.say('my cert number is 12345');
    }],
    ['left for follow-up after the timeout', async (pat) => {
      await pat.say('my cert number is 12345');
      scene.clock = new Date(scene.clock.getTime() + 11 * 60_000);
      expect((await pat.say('anyone?')).join('\n')).toMatch(/busy/);
      expect((await pat.say('jo@example.com please call me about 12345')).join('\n')).toMatch(/someone from support will write to jo@example\.com/);
    }],
  ];

  test.each(states)('%s', async (_state, reach) => {
    const pat = trainer(scene.running.url, scene.channel.url);
    const id = await askForPerson(pat);
    await reach(pat, id);
    expect(JSON.stringify(await record(id))).toMatch(/12345/); // the content is there before

    const reply = (await pat.say('forget me')).join('\n');
    expect(reply).toMatch(/deleted what I had stored about you/);
    expect(reply).toMatch(/request to our support team was withdrawn too/);

    const after = await record(id);
    expect(after).toMatchObject({ status: 'resolved', outcome: 'withdrawn', trainerAttached: false, messages: [], transcript: [], summary: { reason: 'asked' } });
    expect(after.followUp).toBeUndefined();
    expect(JSON.stringify(after)).not.toMatch(/12345|jo@example\.com|Pat/);
    const poll = (await api(scene.running.url, 'GET', `/api/handoffs/${id}/messages?after=0`)).body;
    expect(poll).toMatchObject({ status: 'resolved', outcome: 'withdrawn', messages: [] });

    // The agent side: claims and writes are refused with the outcome; nothing reaches the trainer.
    const claim = await claimByApi(id);
    expect([claim.status, claim.body.outcome]).toEqual([409, 'withdrawn']);
    const write = await api(scene.running.url, 'POST', `/api/handoffs/${id}/messages`, { text: 'Hi Jo, Alex here' });
    expect([write.status, write.body.outcome]).toEqual([409, 'withdrawn']);
    expect(write.body.message).toMatch(/withdrawn by the trainer/);
    await new Promise((r) => setTimeout(r, 100));
    expect(said(pat)).not.toContain('Alex: Hi Jo, Alex here');

    // The trainer is with the assistant: the next question is answered, not relayed.
    expect((await pat.say('How many CECs do I need to recertify?')).join('\n')).toMatch(/2\.0/);
  });

  test('a Teams agent talking with the trainer is told the request was withdrawn, and the support card forgets the details', async () => {
    const alex = teamsUser(scene.running.url, scene.channel.url, agents.alex);
    const pat = trainer(scene.running.url, scene.channel.url);
    const id = await askForPerson(pat);
    await alex.say(`claim ${id}`);
    await pat.say('my cert number is 12345');
    await pat.say('forget me');
    await scene.channel.waitFor(
      () => scene.channel.texts(alex.chatId).some((t) => t.includes(`[${id}] The trainer withdrew the request`)),
      'the withdrawal notice',
    );
    expect((await alex.say('Hi Jo, still there?')).join('\n')).not.toMatch(/^Alex:/);
    expect(said(pat)).not.toContain('Alex: Hi Jo, still there?');
    const cards = scene.channel.sent.filter((s) => s.method === 'PUT');
    expect(JSON.stringify(cards.at(-1)?.activity)).toMatch(/Withdrawn by the trainer/);
  });

  test('without an open request the confirmation does not mention support', async () => {
    const pat = trainer(scene.running.url, scene.channel.url);
    const reply = (await pat.say('forget me')).join('\n');
    expect(reply).toMatch(/deleted what I had stored about you/);
    expect(reply).not.toMatch(/support team was withdrawn/);
  });
});

describe('clear "stop waiting" words cancel, whether or not an agent has joined', () => {
  const clear = ['stop waiting', 'never mind, cancel', "never mind, I don't want to wait", 'I don’t want to wait any more', 'cancel my request', 'forget it'];
  const cases = clear.flatMap((words) => [[words, 'waiting'] as const, [words, 'active'] as const]);

  test.each(cases)('%j while %s', async (words, state) => {
    const pat = trainer(scene.running.url, scene.channel.url);
    const id = await askForPerson(pat);
    if (state === 'active') await claimByApi(id);
    const reply = (await pat.say(words)).join('\n');
    expect(reply).toMatch(state === 'active' ? /ended your chat with Alex/ : /cancelled your request for a person/);
    expect(reply).not.toMatch(/pass that on/);
    expect(await record(id)).toMatchObject({ status: 'resolved', outcome: 'cancelled', messages: [] });
  });
});

describe('an unclear "never mind" while an agent is talking is asked about', () => {
  async function asked(): Promise<{ pat: Trainer; id: string }> {
    const pat = trainer(scene.running.url, scene.channel.url);
    const id = await askForPerson(pat);
    await claimByApi(id);
    const replies = await pat.raw({ text: 'never mind' });
    const question = replies.find((r) => r.type === 'message') as Partial<Activity>;
    expect(question.text).toBe('Do you want to end your chat with support?');
    expect(question.suggestedActions?.actions.map((a) => a.value)).toEqual(['Yes', 'No']);
    expect((await record(id)).status).toBe('active');
    return { pat, id };
  }
  const relayed = async (id: string) =>
    ((await api(scene.running.url, 'GET', `/api/handoffs/${id}/messages?after=0`)).body.messages as Array<{ text: string }>).map((m) => m.text);

  test('"Yes" ends the chat', async () => {
    const { pat, id } = await asked();
    expect(await pat.say('Yes')).toEqual(["OK, I've ended your chat with Alex. You're back with the assistant."]);
    expect(await record(id)).toMatchObject({ status: 'resolved', outcome: 'cancelled' });
    expect(await relayed(id)).toEqual([]);
  });

  test('"No" keeps it, and the words were for the agent after all', async () => {
    const { pat, id } = await asked();
    expect((await pat.say('No')).join('\n')).toMatch(/still talking with Alex/);
    expect((await record(id)).status).toBe('active');
    expect(await relayed(id)).toEqual(['never mind']);
  });

  test('another message instead of an answer goes to the agent with the held words', async () => {
    const { pat, id } = await asked();
    expect(await pat.say('my renewal date is in May')).toEqual([]);
    expect(await relayed(id)).toEqual(['never mind', 'my renewal date is in May']);
  });

  test('while still waiting, "never mind" alone withdraws at once', async () => {
    const pat = trainer(scene.running.url, scene.channel.url);
    const id = await askForPerson(pat);
    expect((await pat.say('never mind')).join('\n')).toMatch(/cancelled your request/);
    expect((await record(id)).outcome).toBe('cancelled');
  });
});
