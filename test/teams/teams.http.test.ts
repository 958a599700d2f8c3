// Teams-shaped activities through the real bot over HTTP (buildApp, POST /api/messages, expectReplies):
// the mention rule, mention stripping, threads, staff wording and Teams-safe cards, end to end.
import type { Activity } from 'botbuilder';
import { startApp, send, message, type RunningApp } from '../support/app';
import { teamsCardProblems } from '../../src/channels/teams/cards';
import { CHANNEL, messageId, teamsMessage } from './activities';
import { THANKS_FOR_FEEDBACK } from '../../dialogs/faqResponder';

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => running?.close());

const say = (activity: Partial<Activity>) => send(running.url, { ...activity, deliveryMode: 'expectReplies' });
const messages = (replies: Partial<Activity>[]) => replies.filter((r) => r.type === 'message');
const allText = (replies: Partial<Activity>[]) => messages(replies).map((r) => r.text ?? '').join('\n');
const CEC_QUESTION = 'How many CECs do I need?';
const CEC_ANSWER = /2\.0 CECs/;
const at = '<at>ACTION Help Desk</at>';

describe('the mention rule', () => {
  test.each([
    ['channel', 'channel'],
    ['group chat', 'groupChat'],
  ] as const)('%s without a mention: no reply', async (_name, scope) => {
    expect(await say(teamsMessage(scope, CEC_QUESTION))).toEqual([]);
  });

  test('mentioned twice: both mentions go, so the question is understood as in a personal chat', async () => {
    // With a mention left in ("what is a CEC <at>ACTION Help Desk</at>"), the FAQ takes it for a greeting.
    const question = 'What is a CEC?';
    const plain = messages(await say(teamsMessage('personal', question)))[0].text;
    const mentioned = messages(await say(teamsMessage('channel', `${at} ${question} ${at}`, { mentions: 2 })))[0].text;
    expect(plain).toMatch(/Continuing Education Credit/);
    expect(mentioned).toBe(plain);
  });

  test.each([
    ['channel, mentioned twice', 'channel', `${at} ${CEC_QUESTION} ${at}`, 2],
    ['group chat, mentioned once', 'groupChat', `${at} ${CEC_QUESTION}`, 1],
    ['personal chat, no mention needed', 'personal', CEC_QUESTION, 0],
    ['personal chat, mentioned anyway', 'personal', `${at} ${CEC_QUESTION}`, 1],
  ] as const)('%s: the FAQ answers', async (_name, scope, text, mentions) => {
    const replies = await say(teamsMessage(scope, text, { mentions }));
    expect(allText(replies)).toMatch(CEC_ANSWER);
    expect(JSON.stringify(replies)).not.toContain('<at>');
  });
});

describe('channels', () => {
  test('replies go to the thread of the post, and every card works in the channel', async () => {
    const id = messageId();
    const replies = messages(await say(teamsMessage('channel', `${at} ${CEC_QUESTION}`, { mentions: 1, id })));
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply.conversation?.id).toBe(`${CHANNEL.id};messageid=${id}`);
      expect(reply.replyToId).toBe(id);
      expect(reply.suggestedActions).toBeUndefined(); // Teams does not show them outside personal chats
      for (const attachment of reply.attachments ?? []) expect(teamsCardProblems(attachment)).toEqual([]);
    }
  });

  test('a reply inside an existing thread stays in that thread', async () => {
    const root = messageId();
    const replies = messages(await say(teamsMessage('channel', `${at} ${CEC_QUESTION}`, { mentions: 1, threadRoot: root })));
    expect(replies.map((r) => r.conversation?.id)).toEqual(replies.map(() => `${CHANNEL.id};messageid=${root}`));
  });

  test('a card button click (messageBack, no mention) is answered in the thread', async () => {
    const root = messageId();
    const first = messages(await say(teamsMessage('channel', `${at} ${CEC_QUESTION}`, { mentions: 1, id: root })));
    const feedbackCard = first.flatMap((r) => r.attachments ?? []).find((a) => JSON.stringify(a.content).includes('"Yes"'));
    const yes = (feedbackCard!.content.actions as Array<{ title: string; data: { msteams: { text: string } } }>).find((a) => a.title === 'Yes')!;
    // What Teams sends for a messageBack click: the messageBack text, the data as value, no mention entity.
    const click = teamsMessage('channel', yes.data.msteams.text, { threadRoot: root, value: yes.data });
    const replies = messages(await say(click));
    expect(replies.length).toBeGreaterThan(0);
    expect(allText(replies)).toBe(THANKS_FOR_FEEDBACK); // taken as the answer to "Was this helpful?"
    expect(replies[0].conversation?.id).toBe(`${CHANNEL.id};messageid=${root}`);
  });

  test('a bare @mention gets the welcome with card buttons', async () => {
    const replies = messages(await say(teamsMessage('channel', at, { mentions: 1 })));
    expect(replies).toHaveLength(1);
    expect(replies[0].attachments?.[0].content.actions.map((a: { title: string }) => a.title)).toContain('Check my recertification');
  });
});

describe('staff checking a trainer', () => {
  const ask = "check a trainer's recertification";

  test('in a personal chat the path speaks of "their" certification', async () => {
    const text = allText(await say(teamsMessage('personal', ask)));
    expect(text).toMatch(/their recertification/);
    expect(text).toMatch(/When were they certified/);
  });

  test('in a channel thread, the next mentioned answer continues the same path', async () => {
    const root = messageId();
    expect(allText(await say(teamsMessage('channel', `${at} ${ask}`, { mentions: 1, id: root })))).toMatch(/they/);
    const next = allText(await say(teamsMessage('channel', `${at} March 3, 2024`, { mentions: 1, threadRoot: root })));
    expect(next).not.toMatch(/couldn't read a date/);
    expect(next).toMatch(/\b(they|their)\b/);
    expect(next).not.toMatch(/\byour certification\b/i);
  });

  test('the whole path in a channel thread: card clicks work, the result speaks of "their" certification', async () => {
    const root = messageId();
    const turn = (text: string, opts: Parameters<typeof teamsMessage>[2] = {}) =>
      say(teamsMessage('channel', text, { threadRoot: root, ...opts })).then(messages);
    await turn(`${at} ${ask}`, { mentions: 1, id: root });
    await turn(`${at} March 3, 2024`, { mentions: 1 });
    await turn(`${at} 1`, { mentions: 1 }); // the online exam
    const confirm = await turn(`${at} 0.5`, { mentions: 1 });
    const buttons = confirm.flatMap((r) => r.attachments ?? []).flatMap((a) => (a.content.buttons ?? []) as Array<{ type: string; title: string; value: unknown; text: string }>);
    const yes = buttons.find((b) => b.title === 'Yes')!;
    expect(yes.type).toBe('messageBack'); // an imBack would arrive without the mention and be ignored
    const result = await turn(yes.text, { value: yes.value });
    // Teams draws cards, so the result is the card alone; its headline is also the activity's summary.
    expect(result[0].summary).toMatch(/^Their certification expire(s|d) on March 3, 2026/); // tense depends on today
    expect(JSON.stringify(result[0].attachments)).toMatch(/Their certification expire(s|d) on March 3, 2026/);
    for (const attachment of result.flatMap((r) => r.attachments ?? [])) expect(teamsCardProblems(attachment)).toEqual([]);
    expect(result.every((r) => r.conversation?.id === `${CHANNEL.id};messageid=${root}`)).toBe(true);
  });

  test('a trainer on the web chat asking for their own status gets "your"', async () => {
    const text = allText(await say(message('check my recertification', `web-${messageId()}`, { deliveryMode: 'expectReplies' })));
    expect(text).toMatch(/your recertification/);
  });

  test('staff checking their own status in Teams get "your"', async () => {
    expect(allText(await say(teamsMessage('personal', 'check my recertification')))).toMatch(/your recertification/);
  });
});
