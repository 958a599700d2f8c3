// The token-bucket limiter and its restify middleware: bursts, refill, Retry-After, per-key isolation, bounded memory.
import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { createServer } from '../../src/server';
import { clientKey, conversationKey, rateLimit, RateLimiter } from '../../src/rateLimit';

describe('RateLimiter', () => {
  it('allows a burst, refuses the next request and says when to retry', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 3, perMinute: 6, now: () => now }); // one token per 10 s
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10, remaining: 0 });
    now = 4_000;
    expect(limiter.take('a').retryAfterSeconds).toBe(6);
    now = 10_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1, now: () => 0 });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('never refills past the burst', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perMinute: 60, now: () => now });
    limiter.take('a');
    now = 3_600_000;
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });

  it('forgets the least recently used keys beyond maxKeys', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1, maxKeys: 2, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('a'); // a is now the most recent
    limiter.take('c'); // evicts b
    expect(limiter.size).toBe(2);
    expect(limiter.take('a').allowed).toBe(false); // a was kept, its bucket still empty
    expect(limiter.take('b').allowed).toBe(true); // b was forgotten, so it starts with a full bucket
  });

  it.each([
    [{ burst: 0, perMinute: 1 }],
    [{ burst: 1, perMinute: 0 }],
    [{ burst: Number.NaN, perMinute: 1 }],
  ])('rejects a nonsensical configuration %j', (options) => {
    expect(() => new RateLimiter(options)).toThrow();
  });
});

describe('rateLimit middleware over HTTP', () => {
  const server = createServer(pino({ level: 'silent' }), { ready: () => true, details: () => ({}) });
  let base = '';
  server.post(
    '/limited',
    rateLimit({ burst: 2, perMinute: 1, key: clientKey, scope: 'client' }),
    rateLimit({ burst: 1, perMinute: 1, key: conversationKey, scope: 'conversation' }),
    (_req, res, next) => {
      res.send(200, { ok: true });
      next();
    },
  );

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (body: unknown) =>
    fetch(`${base}/limited`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('limits per conversation, then per client, with 429 RATE_LIMITED and Retry-After', async () => {
    expect((await post({ conversation: { id: 'c1' } })).status).toBe(200);
    const sameConversation = await post({ conversation: { id: 'c1' } });
    expect(sameConversation.status).toBe(429);
    expect(Number(sameConversation.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await sameConversation.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // The client's bucket (2) was spent by the two requests above; another conversation is still refused.
    const otherConversation = await post({ conversation: { id: 'c2' } });
    expect(otherConversation.status).toBe(429);
    expect(otherConversation.headers.get('retry-after')).toBe('60');
  });
});
