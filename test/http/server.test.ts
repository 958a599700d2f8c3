// The HTTP contract of the foundation: health, the Bot Framework endpoint, and client mistakes as 4xx.
import type { Activity } from 'botbuilder';
import { startApp, message, send, type RunningApp } from '../support/app';
import { startRecorder, type Recorder } from '../support/recorder';
import { WELCOME_TEXT } from '../../dialogs/welcome';
import { MAX_BODY_BYTES } from '../../src/server';

let running: RunningApp;
let recorder: Recorder;

beforeAll(async () => {
  running = await startApp();
  recorder = await startRecorder();
});
afterAll(async () => {
  await running.close();
  await recorder.close();
});

const post = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(`${running.url}/api/messages`, { method: 'POST', headers, body });

describe('GET /healthz', () => {
  it('answers 200 with status, version and store kind once ready', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'memory', version: expect.any(String) });
  });
});

describe('client mistakes are 4xx with a stable code', () => {
  it.each([
    ['malformed JSON', () => post('{"type": "message",'), 400, 'BAD_JSON'],
    ['a JSON array', () => post('[1,2]'), 400, 'BAD_ACTIVITY'],
    ['an activity without conversation', () => post(JSON.stringify({ type: 'message', channelId: 'x', from: { id: 'u' }, deliveryMode: 'expectReplies' })), 400, 'BAD_ACTIVITY'],
    ['text that is not a string', () => post(JSON.stringify({ ...message('x', 'c1'), text: { a: 1 } })), 400, 'BAD_ACTIVITY'],
    ['no serviceUrl and no expectReplies', () => post(JSON.stringify({ ...message('hi', 'c2'), deliveryMode: undefined, serviceUrl: undefined })), 400, 'BAD_ACTIVITY'],
    ['a body over 256 KB', () => post(JSON.stringify({ ...message('x', 'c3'), text: 'a'.repeat(MAX_BODY_BYTES + 10) })), 413, 'BODY_TOO_LARGE'],
    ['the wrong method', () => fetch(`${running.url}/api/messages`), 405, 'METHOD_NOT_ALLOWED'],
    ['an unknown path', () => fetch(`${running.url}/nope`), 404, 'NOT_FOUND'],
  ])('%s', async (_name, request, status, code) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ code });
  });
});

describe('POST /api/messages', () => {
  it('ignores an unknown activity type (200, no replies)', async () => {
    const replies = await send(running.url, { ...message('', 'c4'), type: 'somethingNew' } as Partial<Activity>);
    expect(replies).toEqual([]);
  });

  it("welcomes a user who joins once, and not for the bot's own arrival", async () => {
    const base = { ...message('', 'c5'), type: 'conversationUpdate', text: undefined };
    const botJoins = await send(running.url, { ...base, membersAdded: [{ id: 'bot', name: 'bot' }] } as Partial<Activity>);
    expect(botJoins).toEqual([]);
    const userJoins = await send(running.url, { ...base, membersAdded: [{ id: 'user-c5', name: 'T' }] } as Partial<Activity>);
    expect(userJoins).toHaveLength(1);
    expect(userJoins[0].text).toBe(WELCOME_TEXT);
    expect(userJoins[0].suggestedActions?.actions.length).toBeGreaterThan(0);
  });

  it('answers inline with expectReplies', async () => {
    const replies = await send(running.url, message('hello', 'c6'));
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.some((a) => a.type === 'message' && a.text)).toBe(true);
  });

  it("sends replies over the connector to the activity's serviceUrl with normal delivery", async () => {
    const before = recorder.activities.length;
    const res = await post(JSON.stringify({ ...message('hello', 'c7'), deliveryMode: undefined, serviceUrl: recorder.url }));
    expect(res.status).toBe(200);
    const got = await recorder.waitFor(before + 1);
    const mine = got.slice(before);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0].conversation?.id).toBe('c7');
    expect(mine[0].replyToId).toBeDefined();
  });
});
