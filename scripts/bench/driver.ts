// The load driver: N virtual trainers, each holding one conversation at a time and posting its turns one
// after another with deliveryMode expectReplies (the reply is in the HTTP response, so latency is the turn).
import http from 'node:http';
import { randomUUID } from 'node:crypto';

export type TurnKind = 'faq' | 'smalltalk' | 'path';

/** A realistic mix: FAQ questions, small talk, and path conversations answered prompt by prompt. */
export const SCRIPTS: Array<{ kind: TurnKind; turns: string[] }> = [
  { kind: 'faq', turns: ['How many CECs do I need?', 'Can I recertify by exam?', 'Where can I earn CECs?'] },
  { kind: 'path', turns: ['Check my recertification status', 'March 3, 2025', 'online', '1.5', 'yes'] },
  { kind: 'smalltalk', turns: ['Hello', 'Thank you', 'Goodbye'] },
  { kind: 'faq', turns: ['How do I apply for recertification?', 'What is a CEC?', 'how often do i need to recertify'] },
  { kind: 'path', turns: ['what do I need to do to recertify', 'June 15 2024', 'testing center', '0', 'yes'] },
];

export interface TurnSample {
  kind: TurnKind;
  ms: number;
  status: number;
}

export function postActivity(agent: http.Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A well-formed trainer message for /api/messages, answered inline (expectReplies). */
export function messageActivity(conversationId: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    text,
    channelId: 'emulator',
    deliveryMode: 'expectReplies',
    locale: 'en-US',
    from: { id: `user-${conversationId}` },
    recipient: { id: 'bot' },
    conversation: { id: conversationId },
  };
}

export function activity(conversationId: string, text: string): string {
  return JSON.stringify(messageActivity(conversationId, text));
}

export interface LoadResult {
  samples: TurnSample[];
  seconds: number;
}

/** Runs `concurrency` trainers for warmupMs (not recorded) then durationMs (recorded), each cycling the scripts. */
export async function runLoad(base: string, concurrency: number, durationMs: number, warmupMs = 500): Promise<LoadResult> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const samples: TurnSample[] = [];
  const start = Date.now();
  const recordFrom = start + warmupMs;
  const end = recordFrom + durationMs;
  let next = 0;
  const trainer = async () => {
    while (Date.now() < end) {
      const script = SCRIPTS[next++ % SCRIPTS.length];
      const conversationId = `bench-${randomUUID()}`;
      for (const text of script.turns) {
        if (Date.now() >= end) break;
        const t0 = process.hrtime.bigint();
        const status = await postActivity(agent, url, activity(conversationId, text));
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (Date.now() >= recordFrom) samples.push({ kind: script.kind, ms, status });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, trainer));
  agent.destroy();
  return { samples, seconds: durationMs / 1000 };
}

/** One single-turn conversation per id, `concurrency` at a time (for memory growth per conversation). */
export async function distinctConversations(base: string, count: number, concurrency: number): Promise<number> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let sent = 0;
  let failed = 0;
  const worker = async () => {
    while (sent < count) {
      sent++;
      const status = await postActivity(agent, url, activity(`rss-${randomUUID()}`, 'How many CECs do I need?'));
      if (status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return failed;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** 100 KB answers at the date prompt (the same shapes test/hardening/longInput.test.ts checks for behaviour). */
export const HUGE_DATE_ANSWERS: Array<[string, string]> = [
  ['repeated dates', 'March 3, 2025 '.repeat(8000)],
  ['digits and slashes', '1/'.repeat(51_200)],
  ['one long word', 'a'.repeat(102_400)],
  ['unicode', '𝟛 мар 2025 '.repeat(8000)],
];

/** Milliseconds for each 100 KB answer at the date prompt of a fresh path conversation (best of `tries`). */
export async function hugeDateAnswerMs(base: string, tries = 3): Promise<Array<{ name: string; ms: number; status: number }>> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const results: Array<{ name: string; ms: number; status: number }> = [];
  for (const [name, text] of HUGE_DATE_ANSWERS) {
    let best = { name, ms: Infinity, status: 0 };
    for (let i = 0; i < tries; i++) {
      const conversationId = `huge-${randomUUID()}`;
      await postActivity(agent, url, activity(conversationId, 'Check my recertification status'));
      const t0 = process.hrtime.bigint();
      const status = await postActivity(agent, url, activity(conversationId, text));
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (ms < best.ms || status !== 200) best = { name, ms, status };
    }
    results.push(best);
  }
  agent.destroy();
  return results;
}
