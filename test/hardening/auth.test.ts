// With MicrosoftAppId set, only tokens the Bot Framework would issue for this app get a turn. Tokens are signed
// by a local RSA key; OpenID metadata and JWKS come from a local HTTP server (no network).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { buildEchoApp } from '../../scripts/bench/echoBot';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const ISSUER = 'https://api.botframework.com';
const KID = 'local-key';
const SERVICE_URL = 'http://127.0.0.1:1/';

const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });

let metadataServer: http.Server;
let metadataUrl = '';

beforeAll(async () => {
  const jwk = trusted.publicKey.export({ format: 'jwk' });
  metadataServer = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/jwks` }));
    else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [{ ...jwk, kid: KID, use: 'sig', alg: 'RS256' }] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => metadataServer.listen(0, '127.0.0.1', () => resolve()));
  metadataUrl = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}/openid`;
  // botframework-connector console.errors every rejected token; the assertions below are on the HTTP answers.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  await new Promise<void>((resolve) => metadataServer.close(() => resolve()));
  jest.restoreAllMocks();
});

const now = () => Math.floor(Date.now() / 1000);
function token(claims: Record<string, unknown>, key = trusted.privateKey, kid = KID): string {
  const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
  return jwt.sign({ iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, iat: now() - 60, exp: now() + 3600, ...claims }, pem, {
    algorithm: 'RS256',
    keyid: kid,
  });
}

const cases: Array<[string, () => string | undefined, number]> = [
  ['no token', () => undefined, 401],
  ['a token signed by another key (forged)', () => token({}, attacker.privateKey), 401],
  ['a token with an unknown key id', () => token({}, attacker.privateKey, 'other-key'), 401],
  ['an expired token', () => token({ iat: now() - 7200, exp: now() - 3600 }), 401],
  ['a token for another app id', () => token({ aud: 'another-app-id' }), 401],
  ['a token from another issuer', () => token({ iss: 'https://evil.example' }), 401],
  ['a token for another serviceUrl', () => token({ serviceurl: 'https://evil.example/' }), 401],
  ['a valid token', () => token({}), 200],
];

function activity(conversationId: string) {
  return {
    type: 'message',
    id: randomUUID(),
    text: 'hello',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    deliveryMode: 'expectReplies',
    from: { id: 'user-1' },
    recipient: { id: `28:${APP_ID}` },
    conversation: { id: conversationId },
  };
}

async function post(url: string, body: unknown, bearer?: string): Promise<number> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

const env = () => ({
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'not-used-with-expectReplies',
  ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
  STORAGE: 'memory',
  LOG_LEVEL: 'silent',
});

describe('auth on the echo stack (same server and adapter as the bot)', () => {
  it.each(cases)('%s → %s, and the bot runs only for a valid token', async (_name, makeToken, status) => {
    const echo = buildEchoApp(loadConfig(env()), pino({ level: 'silent' }));
    const url = await echo.listen();
    try {
      expect(await post(url, activity(`c-${randomUUID()}`), makeToken())).toBe(status);
      expect(echo.turns()).toBe(status === 200 ? 1 : 0);
    } finally {
      await echo.close();
    }
  });
});

describe('auth on the real app', () => {
  it.each(cases)('%s → %s, and the bot answers only a valid one', async (_name, makeToken, status) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startApp } = require('../support/app') as typeof import('../support/app');
    const running = await startApp(env());
    try {
      const conversationId = `c-${randomUUID()}`;
      const token = makeToken();
      const res = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(activity(conversationId)),
      });
      expect(res.status).toBe(status);
      const body = await res.text();
      if (status === 200) {
        // The bot ran: it answered the greeting.
        expect((JSON.parse(body) as { activities?: unknown[] }).activities?.length).toBeGreaterThan(0);
      } else {
        const key = `msteams/conversations/${conversationId}`;
        expect(key in (await running.app.stores.storage.read([key]))).toBe(false);
        expect(body).not.toContain('activities');
      }
    } finally {
      await running.close();
    }
  });
});
