// The embedded Direct Line over real HTTP, used as botframework-directlinejs uses it, against an echo bot.
import type { Activity } from 'botbuilder';
import { openStream, startHarness, type Harness } from './harness';

interface Grant { token: string; conversationId: string; domain: string; userId: string; streamUrl?: string }

const json = async (res: Response) => ({ status: res.status, body: (await res.json().catch(() => undefined)) as any });

function client(h: Harness) {
  const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(path.startsWith('http') ? path : `${h.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    call,
    async start(): Promise<Grant> {
      const grant = (await json(await call('POST', '/api/directline/token'))).body as Grant;
      const started = await call('POST', `${grant.domain}/conversations`, grant.token);
      expect(started.status).toBe(201);
      return { ...grant, streamUrl: ((await started.json()) as { streamUrl: string }).streamUrl };
    },
    async activities(g: Grant, watermark = ''): Promise<{ activities: Partial<Activity>[]; watermark: string }> {
      const res = await json(await call('GET', `${g.domain}/conversations/${g.conversationId}/activities?watermark=${watermark}`, g.token));
      expect(res.status).toBe(200);
      return res.body;
    },
    async waitFor(g: Grant, predicate: (a: Partial<Activity>) => boolean): Promise<Partial<Activity>> {
      for (let i = 0; i < 100; i++) {
        const found = (await this.activities(g)).activities.find(predicate);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('activity never arrived');
    },
    say: (g: Grant, text: string, extra: Record<string, unknown> = {}) =>
      call('POST', `${g.domain}/conversations/${g.conversationId}/activities`, g.token, { type: 'message', text, ...extra }),
  };
}

describe('embedded Direct Line (HTTP)', () => {
  let h: Harness;
  let c: ReturnType<typeof client>;
  let clock = Date.now();
  beforeAll(async () => {
    h = await startHarness({ now: () => clock });
    c = client(h);
  });
  afterAll(() => h.close());

  it('issues a local token and domain, never a secret', async () => {
    const res = await json(await c.call('POST', '/api/directline/token'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ domain: '/directline', webSocket: true, expires_in: 1800 });
    expect(res.body.token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(res.body.userId).toMatch(/^u_/);
  });

  it('greets on start, echoes the user and the reply, and stamps what the bot receives', async () => {
    const g = await c.start();
    await c.waitFor(g, (a) => a.text === 'Hello from the echo bot.');
    const posted = await json(await c.say(g, 'hi there', { channelData: { clientActivityID: 'client-1' }, from: { id: 'someone-else' } }));
    expect(posted.status).toBe(200);
    const reply = await c.waitFor(g, (a) => a.text === 'echo: hi there');
    expect(reply).toMatchObject({ replyToId: posted.body.id, from: { role: 'bot' }, recipient: { id: g.userId } });
    const { activities } = await c.activities(g);
    const mine = activities.find((a) => a.id === posted.body.id);
    // Web Chat matches its own message by clientActivityID and shows it on the user's side by role.
    expect(mine).toMatchObject({ channelData: { clientActivityID: 'client-1' }, from: { id: g.userId, role: 'user' } });
    const delivered = h.delivered.find((a) => a.id === posted.body.id)!;
    expect(delivered).toMatchObject({
      channelId: 'webchat',
      conversation: { id: g.conversationId },
      from: { id: g.userId, role: 'user' },
      recipient: { id: 'action-recert-bot', role: 'bot' },
      serviceUrl: expect.stringMatching(new RegExp(`^${h.baseUrl}/directline/bot/`)),
    });
    expect(delivered.timestamp).toBeDefined();
  });

  it('hands out only what is new after a watermark', async () => {
    const g = await c.start();
    await c.waitFor(g, (a) => a.type === 'message');
    const first = await c.activities(g);
    await c.say(g, 'again');
    await c.waitFor(g, (a) => a.text === 'echo: again');
    const next = await c.activities(g, first.watermark);
    expect(next.activities.map((a) => a.text)).toEqual(['again', 'echo: again']);
    expect((await c.activities(g, next.watermark)).activities).toEqual([]);
  });

  it('shows suggested actions and cards as the bot sent them', async () => {
    const g = await c.start();
    await c.say(g, 'buttons');
    const buttons = await c.waitFor(g, (a) => a.text === 'Pick a colour');
    expect(buttons.suggestedActions?.actions.map((a) => a.title)).toEqual(['Red', 'Blue']);
    await c.say(g, 'card');
    const card = await c.waitFor(g, (a) => !!a.attachments?.length);
    expect(card.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.hero');
  });

  it('applies the bot’s updates and deletes', async () => {
    const g = await c.start();
    await c.say(g, 'edit me');
    await c.waitFor(g, (a) => a.text === 'second version');
    await c.say(g, 'delete me');
    await new Promise((r) => setTimeout(r, 100));
    const texts = (await c.activities(g)).activities.map((a) => a.text);
    expect(texts).not.toContain('first version');
    expect(texts).not.toContain('soon gone');
  });

  it('reconnects (page reload) and refreshes tokens for the same conversation', async () => {
    const g = await c.start();
    const again = await json(await c.call('GET', `${g.domain}/conversations/${g.conversationId}?watermark=`, g.token));
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(g.conversationId);
    const refreshed = await json(await c.call('POST', `${g.domain}/tokens/refresh`, g.token));
    expect(refreshed.status).toBe(200);
    expect((await c.activities({ ...g, token: refreshed.body.token })).watermark).toBeDefined();
    // Starting again with the same token does not open a second conversation.
    expect((await c.call('POST', `${g.domain}/conversations`, g.token)).status).toBe(200);
  });

  it('keeps conversations apart: a token reads and posts only its own conversation', async () => {
    const [a, b] = await Promise.all([c.start(), c.start()]);
    const crossed = { ...b, token: a.token };
    expect((await c.call('GET', `${b.domain}/conversations/${b.conversationId}/activities`, a.token)).status).toBe(403);
    expect((await c.say(crossed, 'intruder')).status).toBe(403);
    expect((await c.call('GET', `${b.domain}/conversations/${b.conversationId}`, a.token)).status).toBe(403);
    expect((await c.activities(b)).activities.map((x) => x.text)).not.toContain('intruder');
  });

  it('serves many conversations at once, each its own echo', async () => {
    const grants = await Promise.all(Array.from({ length: 20 }, () => c.start()));
    await Promise.all(grants.map((g, i) => c.say(g, `number ${i}`)));
    await Promise.all(grants.map((g, i) => c.waitFor(g, (a) => a.text === `echo: number ${i}`)));
    for (const [i, g] of grants.entries()) {
      const echoes = (await c.activities(g)).activities.filter((a) => a.text?.startsWith('echo:')).map((a) => a.text);
      expect(echoes).toEqual([`echo: number ${i}`]);
    }
  });

  it('delivers proactive messages (a hand-off agent) through the connector routes', async () => {
    const g = await c.start();
    await c.say(g, 'hello');
    const delivered = h.delivered.find((a) => a.conversation?.id === g.conversationId && a.text === 'hello')!;
    const reference = { ...delivered, bot: delivered.recipient, user: delivered.from, activityId: delivered.id } as any;
    await h.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('An agent has joined.');
    });
    await c.waitFor(g, (a) => a.text === 'An agent has joined.');
  });

  it.each([
    ['no token', undefined, 401],
    ['a tampered token', 'abc.def', 403],
  ])('refuses a request with %s', async (_name, token, status) => {
    const g = await c.start();
    expect((await c.call('GET', `${g.domain}/conversations/${g.conversationId}/activities`, token)).status).toBe(status);
  });

  it.each([
    ['an unknown type', { type: 'conversationUpdate' }, 400],
    ['text that is not a string', { type: 'message', text: 42 }, 400],
    ['text that is too long', { type: 'message', text: 'x'.repeat(4001) }, 400],
    ['too many attachments', { type: 'message', attachments: Array.from({ length: 11 }, () => ({})) }, 400],
    ['a body over the limit', { type: 'message', value: 'x'.repeat(40 * 1024) }, 413],
    ['broken JSON', '{"type":', 400],
  ])('answers 4xx to a user activity with %s', async (_name, body, status) => {
    const g = await c.start();
    const res = await c.call('POST', `${g.domain}/conversations/${g.conversationId}/activities`, g.token, body);
    expect(res.status).toBe(status);
  });

  it('refuses connector calls without the bot key, and bad bot activities', async () => {
    const g = await c.start();
    const path = `/directline/bot/wrong-key/v3/conversations/${g.conversationId}/activities`;
    expect((await c.call('POST', path, undefined, { type: 'message', text: 'spoof' })).status).toBe(404);
    const serviceUrl = h.directLine.serviceUrl();
    const bad = await c.call('POST', `${serviceUrl}/v3/conversations/${g.conversationId}/activities`, undefined, { text: 'no type' });
    expect(bad.status).toBe(400);
    const unknown = await c.call('POST', `${serviceUrl}/v3/conversations/nope/activities`, undefined, { type: 'message' });
    expect(unknown.status).toBe(404);
  });

  it('ends conversations after inactivity', async () => {
    const g = await c.start();
    await c.waitFor(g, (a) => a.text === 'Hello from the echo bot.');
    const before = h.directLine.store!.size;
    clock += 31 * 60_000;
    // The token lapses with the conversation: the client is told to renew (403), and renewal fails.
    expect((await c.call('GET', `${g.domain}/conversations/${g.conversationId}/activities`, g.token)).status).toBe(403);
    expect(h.directLine.store!.sweep()).toBeGreaterThan(0);
    expect(h.directLine.store!.size).toBeLessThan(before);
    const fresh = (await json(await c.call('POST', '/api/directline/token'))).body as Grant;
    expect((await c.call('GET', `${fresh.domain}/conversations/${g.conversationId}`, fresh.token)).status).toBe(403);
  });

  it('limits messages per conversation with 429 and Retry-After, without touching other conversations', async () => {
    const noisy = await c.start();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 25; i++) {
      const res = await c.say(noisy, `message ${i}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const quiet = await c.start();
    expect((await c.say(quiet, 'hello')).status).toBe(200);
  });
});

// Its own server: the tests above use up the per-client budget for new conversations.
describe('embedded Direct Line: activity stream (WebSocket, what Web Chat uses)', () => {
  let h: Harness;
  let c: ReturnType<typeof client>;
  beforeAll(async () => {
    h = await startHarness();
    c = client(h);
  });
  afterAll(() => h.close());
  it('pushes the greeting, the user’s own message and the reply, each once, with rising watermarks', async () => {
    const g = await c.start();
    expect(g.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/directline/conversations/${g.conversationId}/stream\\?t=`));
    const stream = await openStream(g.streamUrl!);
    try {
      expect(stream.status).toBe(101);
      await stream.waitFor((a) => a.text === 'Hello from the echo bot.');
      await c.say(g, 'over the socket');
      await stream.waitFor((a) => a.text === 'echo: over the socket');
      const texts = stream.groups.flatMap((group) => group.activities).map((a) => a.text);
      expect(texts.filter((t) => t === 'over the socket')).toHaveLength(1);
      expect(texts.filter((t) => t === 'echo: over the socket')).toHaveLength(1);
      const watermarks = stream.groups.map((group) => Number(group.watermark));
      expect(watermarks).toEqual([...watermarks].sort((x, y) => x - y));
      // An update is pushed again under its id, so Web Chat replaces it.
      await c.say(g, 'edit me');
      const edited = await stream.waitFor((a) => a.text === 'second version');
      const firstVersion = stream.groups.flatMap((group) => group.activities).find((a) => a.text === 'first version');
      expect(edited.id).toBe(firstVersion?.id);
    } finally {
      stream.destroy();
    }
  });

  it('after a dropped connection, the reconnect URL carries the watermark and the new stream sends only what was missed', async () => {
    const g = await c.start();
    const first = await openStream(g.streamUrl!);
    await first.waitFor((a) => a.text === 'Hello from the echo bot.');
    const seen = first.groups.at(-1)!.watermark;
    first.destroy(); // the network blip
    await c.say(g, 'while offline');
    await c.waitFor(g, (a) => a.text === 'echo: while offline');
    // What botframework-directlinejs does next: GET the conversation with its watermark, open the new stream.
    const again = await json(await c.call('GET', `${g.domain}/conversations/${g.conversationId}?watermark=${seen}`, g.token));
    expect(again.status).toBe(200);
    expect(again.body.streamUrl).toContain(`watermark=${seen}`);
    const second = await openStream(again.body.streamUrl);
    try {
      await second.waitFor((a) => a.text === 'echo: while offline');
      expect(second.groups.flatMap((group) => group.activities).map((a) => a.text)).toEqual(['while offline', 'echo: while offline']);
    } finally {
      second.destroy();
    }
  });

  it('answers pings and closes when the browser closes', async () => {
    const g = await c.start();
    const stream = await openStream(g.streamUrl!);
    stream.sendFrame(0x1); // Web Chat's keep-alive: an empty text message
    stream.sendFrame(0x9, Buffer.from('are you there'));
    for (let i = 0; i < 100 && stream.pongs.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(stream.pongs.map(String)).toEqual(['are you there']);
    stream.sendFrame(0x8, Buffer.from([0x03, 0xe8]));
    await expect(stream.closed).resolves.toBe(1000);
  });

  it('closes a stream whose client sends more than keep-alives (1009)', async () => {
    const g = await c.start();
    const stream = await openStream(g.streamUrl!);
    stream.sendFrame(0x1, Buffer.alloc(5000, 'x'));
    await expect(stream.closed).resolves.toBe(1009);
  });

  it('builds the stream URL from the address the browser used (behind a TLS proxy too), never from a malformed host', async () => {
    const g = await c.start();
    const viaProxy = await json(
      await c.call('GET', `${g.domain}/conversations/${g.conversationId}`, g.token, undefined, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'help.example.org' }),
    );
    expect(viaProxy.body.streamUrl).toMatch(/^wss:\/\/help\.example\.org\/directline\/conversations\//);
    const odd = await json(await c.call('GET', `${g.domain}/conversations/${g.conversationId}`, g.token, undefined, { 'X-Forwarded-Host': 'evil.example/<script>' }));
    expect(odd.body.streamUrl.startsWith(h.baseUrl.replace('http:', 'ws:'))).toBe(true);
  });

  it.each([
    ['a tampered token', (g: Grant) => g.streamUrl!.replace(/t=[^&]+/, 't=abc.def'), 403],
    ['another conversation’s token', (g: Grant, other: Grant) => g.streamUrl!.replace(/t=[^&]+/, new URL(other.streamUrl!).search.slice(1)), 403],
    ['an unknown conversation', (g: Grant) => g.streamUrl!.replace(g.conversationId, 'nope'), 403],
    ['a path that is not a stream', (g: Grant) => g.streamUrl!.replace('/stream', '/activities'), 404],
  ])('refuses a stream with %s', async (_name, url, status) => {
    const [g, other] = await Promise.all([c.start(), c.start()]);
    const stream = await openStream(url(g, other));
    expect(stream.status).toBe(status);
  });

  it('refuses the stream of a conversation that ended (the client then learns it ended)', async () => {
    const g = await c.start();
    const url = g.streamUrl!;
    h.directLine.store!.clear();
    expect((await openStream(url)).status).toBe(404);
  });
});
