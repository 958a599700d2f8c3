// 1,200 generated hostile activities over HTTP: never a 5xx, never a failed turn, and afterwards the process is
// healthy and a normal conversation still works. Runs on the echo stack always and on the real app once it loads.
import { replyTexts } from '../support/app';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { TURN_ERROR_MESSAGE } from '../../src/adapter';
import { buildEchoApp } from '../../scripts/bench/echoBot';
import { baseActivity, generateCases, type FuzzCase } from './fuzzCases';

const COUNT = 1200;
const env = { STORAGE: 'memory', LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent', TURNS_PER_MINUTE_PER_CONVERSATION: '0' };

interface Outcome {
  label: string;
  status: number;
  body: string;
}

async function fire(url: string, c: FuzzCase): Promise<Outcome> {
  const raw = typeof c.body === 'string';
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': c.contentType ?? 'application/json' },
    body: raw ? (c.body as string) : JSON.stringify(c.body),
  });
  return { label: c.label, status: res.status, body: await res.text() };
}

async function fuzz(url: string): Promise<Outcome[]> {
  const conversations = Array.from({ length: 12 }, () => `fuzz-${randomUUID()}`);
  const cases = generateCases(COUNT, 20250303, conversations);
  const outcomes: Outcome[] = [];
  for (let i = 0; i < cases.length; i += 16) outcomes.push(...(await Promise.all(cases.slice(i, i + 16).map((c) => fire(url, c)))));
  return outcomes;
}


function expectSurvived(outcomes: Outcome[]): void {
  expect(outcomes).toHaveLength(COUNT);
  const serverErrors = outcomes.filter((o) => o.status >= 500).map((o) => `${o.status} ${o.label}: ${o.body.slice(0, 200)}`);
  expect(serverErrors).toEqual([]);
  const failedTurns = outcomes.filter((o) => o.body.includes(TURN_ERROR_MESSAGE.slice(0, 40))).map((o) => o.label);
  expect(failedTurns).toEqual([]);
  // The generator really did reach the bot, and really was refused sometimes.
  expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(COUNT / 4);
  expect(outcomes.filter((o) => o.status >= 400).length).toBeGreaterThan(COUNT / 10);
}

describe('fuzzing the echo stack', () => {
  it(`answers ${COUNT} hostile requests without a 5xx and keeps working`, async () => {
    const echo = buildEchoApp(loadConfig(env), pino({ level: 'silent' }));
    const url = await echo.listen();
    try {
      expectSurvived(await fuzz(url));
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(await replyTexts(url, `after-${randomUUID()}`, 'hello')).toEqual(['echo: hello']);
    } finally {
      await echo.close();
    }
  }, 120_000);
});

describe('fuzzing the real app', () => {
  it(`answers ${COUNT} hostile requests without a 5xx or a failed turn, then a normal conversation works`, async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startApp } = require('../support/app') as typeof import('../support/app');
    const running = await startApp(env);
    try {
      expectSurvived(await fuzz(running.url));
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      const conversationId = `after-${randomUUID()}`;
      const answer = (await replyTexts(running.url, conversationId, 'How many CECs do I need?')).join(' ');
      expect(answer).toMatch(/CEC/);
    } finally {
      await running.close();
    }
  }, 180_000);
});
