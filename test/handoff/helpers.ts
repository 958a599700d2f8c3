// Hand-off test kit: a channel stand-in that records what the bot sends (new conversations, messages,
// card updates), and Teams-shaped activities for agents.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { message, send, startApp, type RunningApp } from '../support/app';

export interface Sent {
  method: string;
  conversationId: string;
  activityId?: string;
  activity: Partial<Activity>;
}

export interface ChannelRecorder {
  url: string;
  sent: Sent[];
  created: Array<Record<string, unknown>>;
  /** Messages sent into one conversation (POSTs), text only. */
  texts(conversationId: string): string[];
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startChannel(): Promise<ChannelRecorder> {
  const sent: Sent[] = [];
  const created: Array<Record<string, unknown>> = [];
  let counter = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = decodeURIComponent(req.url ?? '');
      const json = body ? JSON.parse(body) : {};
      let answer: Record<string, unknown> = {};
      const create = /\/v3\/conversations\/?$/.exec(url);
      const activity = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url);
      if (create && req.method === 'POST') {
        // Teams names a channel thread after its first message: "<channel>;messageid=<id>".
        const activityId = `card-${++counter}`;
        const channel = (json.channelData?.channel?.id as string | undefined) ?? `personal-${counter}`;
        created.push(json);
        answer = { id: json.isGroup ? `${channel};messageid=${activityId}` : `a:${channel}`, activityId };
        if (json.activity) sent.push({ method: 'CREATE', conversationId: answer.id as string, activityId, activity: json.activity });
      } else if (activity) {
        const id = req.method === 'PUT' ? activity[2] : `sent-${++counter}`;
        sent.push({ method: req.method ?? '', conversationId: activity[1], activityId: id, activity: json });
        answer = { id };
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sent,
    created,
    texts: (conversationId) =>
      sent.filter((s) => s.method === 'POST' && s.conversationId === conversationId && s.activity.type === 'message').map((s) => s.activity.text ?? ''),
    async waitFor(predicate, what, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export const AGENT_KEY = 'test-agent-key-0123456789';
export const SUPPORT_CHANNEL = '19:support@thread.tacv2';
export const agents = {
  alex: { aadObjectId: 'aad-alex', id: '29:alex', name: 'Alex Smith' },
  sam: { aadObjectId: 'aad-sam', id: '29:sam', name: 'Sam Jones' },
};

export function handoffEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    AGENT_IDS: `${agents.alex.aadObjectId},${agents.sam.aadObjectId}`,
    AGENT_API_KEY: AGENT_KEY,
    SUPPORT_CHANNEL_ID: SUPPORT_CHANNEL,
    HANDOFF_TIMEOUT_MINUTES: '10',
    ...extra,
  };
}

/** A trainer on the web page (any non-Teams channel), talking with expectReplies; proactive messages go to `serviceUrl`. */
export function trainer(url: string, serviceUrl: string, id = `trainer-${randomUUID()}`) {
  return {
    conversationId: id,
    async say(text: string): Promise<string[]> {
      const replies = await send(url, message(text, id, { channelId: 'directline', serviceUrl, from: { id: `u-${id}`, name: 'Pat' } }));
      return replies.filter((r) => r.type === 'message').map((r) => r.text ?? '');
    },
    async raw(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
      return send(url, message('', id, { channelId: 'directline', serviceUrl, from: { id: `u-${id}`, name: 'Pat' }, ...activity }));
    },
  };
}

type Person = { aadObjectId: string; id: string; name: string };

/** Someone writing to the bot in Teams: a 1:1 chat, or the support channel. */
export function teamsUser(url: string, serviceUrl: string, person: Person) {
  const chatId = `a:chat-${person.id}`;
  const base = (conversation: Partial<Activity['conversation']>, extra: Partial<Activity> = {}) =>
    message('', chatId, {
      channelId: 'msteams',
      serviceUrl,
      from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
      recipient: { id: '28:bot', name: 'ACTION assistant' },
      conversation: conversation as Activity['conversation'],
      channelData: { tenant: { id: 'tenant-1' } },
      ...extra,
    });
  const texts = (replies: Partial<Activity>[]) => replies.filter((r) => r.type === 'message').map((r) => r.text ?? '');
  return {
    chatId,
    async say(text: string, extra: Partial<Activity> = {}): Promise<string[]> {
      return texts(await send(url, base({ id: chatId, conversationType: 'personal', isGroup: false }, { text, ...extra })));
    },
    /** Presses a card's button in the support channel thread (Action.Submit with msteams messageBack). */
    async pressInChannel(threadId: string, data: Record<string, unknown>, text?: string): Promise<string[]> {
      const conversation = { id: threadId, conversationType: 'channel', isGroup: true };
      return texts(await send(url, base(conversation, { text, value: data, channelData: { tenant: { id: 'tenant-1' }, channel: { id: SUPPORT_CHANNEL } } })));
    },
  };
}

/** What Teams sends when the bot is added to the team: the first activity telling the bot where Teams is. */
export async function installInTeam(url: string, serviceUrl: string): Promise<void> {
  await send(url, {
    ...message('', SUPPORT_CHANNEL, {
      type: 'conversationUpdate',
      channelId: 'msteams',
      serviceUrl,
      from: { id: agents.alex.id, name: agents.alex.name, aadObjectId: agents.alex.aadObjectId },
      recipient: { id: '28:bot', name: 'ACTION assistant' },
      conversation: { id: SUPPORT_CHANNEL, conversationType: 'channel', isGroup: true } as Activity['conversation'],
      channelData: { tenant: { id: 'tenant-1' }, team: { id: SUPPORT_CHANNEL }, eventType: 'teamMemberAdded' },
      membersAdded: [{ id: '28:bot', name: 'ACTION assistant' }],
    }),
    text: undefined,
  });
}

export async function api(url: string, method: string, path: string, body?: unknown, key: string | null = AGENT_KEY) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(key === null ? {} : { Authorization: `Bearer ${key}` }), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** One hand-off test's world: the real app, the channel recorder it posts to, and the clock the test moves. */
export interface HandoffScene {
  channel: ChannelRecorder;
  running: RunningApp;
  clock: Date;
}

/**
 * Gives every test of the file a fresh scene at 09:00 on 2 March 2026, the bot already installed in the team
 * (Teams' first activity tells the bot where Teams lives); the fields are filled in beforeEach.
 */
export function handoffScene(env: Record<string, string> = {}): HandoffScene {
  const scene = {} as HandoffScene;
  beforeEach(async () => {
    scene.clock = new Date('2026-03-02T09:00:00Z');
    scene.channel = await startChannel();
    scene.running = await startApp(handoffEnv(env), { now: () => scene.clock });
    await installInTeam(scene.running.url, scene.channel.url);
  });
  afterEach(async () => {
    await scene.running.close();
    await scene.channel.close();
  });
  return scene;
}
