// Generated hostile input for /api/messages: a seeded generator, so a failure names a reproducible case.
import { messageActivity } from '../../scripts/bench/driver';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_TEXT = [
  '', ' ', '\u0000', '\uD800', '\uDFFF\uD800', '\u202Eevil', 'e\u0301\u0301\u0301\u0301', '\u200B\u200C\u200D\uFEFF',
  '🤖'.repeat(500), 'ﷺ'.repeat(300), '𝕄𝕒𝕣𝕔𝕙 𝟛, 𝟚𝟘𝟚𝟝', '<script>alert(1)</script>', '{{7*7}}', '${process.exit()}',
  '../../etc/passwd', "'; DROP TABLE state; --", '%s%s%s%n', 'March 3, 2025'.repeat(50), '1'.repeat(5000),
  '999999999999999999999999 CECs', '-1.5', 'NaN', 'Infinity', '1e309', 'yes'.repeat(1000), 'a'.repeat(100_000),
  'Check my recertification status', 'March 3, 2025', 'online', 'testing center', '1.5', 'yes', 'cancel', 'forget me',
  'talk to a person', 'start over', 'How many CECs do I need?', 'Hello',
];

const JUNK: unknown[] = [null, 0, -1, 1.5, 'x', true, [], {}, [null], { a: { b: { c: [1, '2', null] } } }, Number.MAX_SAFE_INTEGER];

function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? { v } : [v];
  return v;
}

export interface FuzzCase {
  label: string;
  /** A string is sent as the raw body (malformed JSON, wrong content); anything else as JSON. */
  body: unknown;
  contentType?: string;
}

/** A well-formed message (with a display name); the generator then breaks it in one or more ways. */
export function baseActivity(conversationId: string, text: string): Record<string, unknown> {
  return { ...messageActivity(conversationId, text), from: { id: `user-${conversationId}`, name: 'Trainer' } };
}

export function generateCases(count: number, seed: number, conversations: string[]): FuzzCase[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const mutations: Array<[string, (a: Record<string, unknown>) => unknown]> = [
    ['odd text', (a) => ({ ...a, text: pick(ODD_TEXT) })],
    ['text not a string', (a) => ({ ...a, text: pick(JUNK) })],
    ['wrong type', (a) => ({ ...a, type: pick<unknown>([123, null, [], {}, '', 'invoke', 'event', 'typing', 'endOfConversation', 'conversationUpdate', 'messageReaction', 'installationUpdate', 'x'.repeat(65), 'Message']) })],
    ['missing field', (a) => {
      const b = { ...a };
      delete b[pick(['type', 'from', 'conversation', 'channelId', 'recipient', 'text', 'id', 'deliveryMode'])];
      return b;
    }],
    ['numbers as strings / ids as numbers', (a) => ({ ...a, conversation: { id: pick<unknown>([5, '', null, '5']) }, from: { id: pick<unknown>([7, '7', '']) }, locale: pick<unknown>([1, 'xx-YY', 'en_GB', ''.padEnd(40, 'z')]) })],
    ['junk in value', (a) => ({ ...a, text: undefined, value: pick<unknown>([...JUNK, deep(200), deep(2000), { text: 5 }, { text: { text: 'yes' } }, { action: 'path', data: [] }, { msteams: { type: 'messageBack', text: 42 } }, { choice: 'online', cecs: '1.5' }, { __proto__: { admin: true } }, { constructor: { prototype: { polluted: true } } }]) })],
    ['card submit with unexpected data', (a) => ({ ...a, text: undefined, value: { text: pick(ODD_TEXT) }, channelData: pick<unknown>([null, 'x', { postBack: true }, { postback: 1 }, { msteams: null }]) })],
    ['odd attachments / entities', (a) => ({ ...a, attachments: pick<unknown>([[{}], [{ contentType: 5 }], 'x', [{ content: deep(100) }]]), entities: pick<unknown>([[{ type: 'ClientInfo', timezone: 'Mars/Olympus' }], [{ type: 'clientInfo', locale: 5 }], [null], 'x']) })],
    ['bad timezone', (a) => ({ ...a, localTimezone: pick<unknown>(['Mars/Olympus', '', 5, 'UTC+99', 'America/New_York']), localTimestamp: pick<unknown>(['x', 5, '2025-13-45T99:99:99Z']), timestamp: pick<unknown>(['x', -1, null]) })],
    ['members added junk', (a) => ({ ...a, type: 'conversationUpdate', membersAdded: pick<unknown>([[{ id: 'user' }], [{}], [{ id: 5 }], 'x', Array.from({ length: 101 }, (_, i) => ({ id: `m${i}` }))]) })],
    ['malformed JSON', () => pick(['{', '{"type":"message",', 'null', '[]', '"just a string"', '123', 'true', '{"type":"message"}}', '\u0000', '{"a":' + '['.repeat(5000)])],
    ['wrong content type', (a) => JSON.stringify(a)],
    ['oversized body', (a) => ({ ...a, text: 'x'.repeat(300 * 1024) })],
    ['prototype keys', (a) => JSON.parse(JSON.stringify(a).replace('"text"', '"__proto__":{"type":"invoke"},"text"'))],
  ];
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const conversationId = pick(conversations);
    let body: unknown = baseActivity(conversationId, pick(ODD_TEXT));
    const labels: string[] = [];
    const rounds = 1 + Math.floor(rnd() * 2);
    for (let r = 0; r < rounds && typeof body === 'object' && body !== null; r++) {
      const [label, mutate] = pick(mutations);
      labels.push(label);
      body = mutate(body as Record<string, unknown>);
    }
    const contentType = labels.includes('wrong content type') ? pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) : undefined;
    cases.push({ label: `#${i} ${labels.join(' + ')}`, body, contentType });
  }
  return cases;
}
