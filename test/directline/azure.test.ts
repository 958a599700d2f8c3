// Production mode: the secret is exchanged server-side with (a stand-in for) Azure Direct Line.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHarness, type Harness } from './harness';

const SECRET = 'azure-secret-value';

describe('Direct Line token exchange with Azure', () => {
  let upstream: http.Server;
  let upstreamUrl = '';
  const seen: { authorization?: string; body: string }[] = [];
  let h: Harness;

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ authorization: req.headers.authorization, body });
        if (req.url !== '/v3/directline/tokens/generate' || req.headers.authorization !== `Bearer ${SECRET}`) {
          res.writeHead(403);
          res.end();
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    h = await startHarness({ config: { DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: upstreamUrl } });
  });
  afterAll(async () => {
    await h.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  it('returns a conversation token and the Azure domain, and never the secret', async () => {
    const res = await fetch(`${h.baseUrl}/api/directline/token`, { method: 'POST' });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text)).toMatchObject({
      token: 'azure-token',
      conversationId: 'azure-conv',
      domain: `${upstreamUrl}/v3/directline`,
      webSocket: true,
    });
    expect(seen.at(-1)?.authorization).toBe(`Bearer ${SECRET}`);
    expect(JSON.parse(seen.at(-1)!.body).user.id).toMatch(/^dl_/);
    expect(h.directLine.mode).toBe('azure');
    expect(h.directLine.connectOrigins).toEqual([upstreamUrl, upstreamUrl.replace('http:', 'ws:')]);
  });

  it('does not host the embedded service in this mode', async () => {
    expect((await fetch(`${h.baseUrl}/directline/conversations`, { method: 'POST' })).status).toBe(404);
  });

  it('answers 502 when Azure refuses', async () => {
    const broken = await startHarness({ config: { DIRECT_LINE_SECRET: 'wrong', DIRECT_LINE_ENDPOINT: upstreamUrl } });
    try {
      const res = await fetch(`${broken.baseUrl}/api/directline/token`, { method: 'POST' });
      expect(res.status).toBe(502);
      expect(await res.text()).not.toContain('wrong');
    } finally {
      await broken.close();
    }
  });
});
