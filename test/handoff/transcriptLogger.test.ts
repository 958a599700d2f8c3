// The transcript logger keeps the last 50 messages per conversation, slimmed, in order even when the
// middleware fires writes without waiting, and drops them after the retention period.
import type { Activity } from 'botbuilder';
import { Keyv } from 'keyv';
import pino from 'pino';
import { KeyvTranscriptLogger, slimActivity, TRANSCRIPT_LIMIT } from '../../src/handoff/transcriptLogger';

const logger = pino({ level: 'silent' });
const at = '2026-03-02T09:00:00.000Z';
const base = { channelId: 'directline', conversation: { id: 'c1' }, timestamp: new Date(at) } as Partial<Activity>;

test.each<[string, Partial<Activity>, unknown]>([
  ['a trainer message', { type: 'message', text: 'hi', from: { id: 'u', name: 'Pat', role: 'user' } }, { type: 'message', role: 'user', name: 'Pat', text: 'hi', at }],
  ['a bot message with a card', { type: 'message', from: { id: 'b', name: 'bot', role: 'bot' }, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { secret: 1 } }] }, { type: 'message', role: 'bot', name: 'bot', attachments: ['application/vnd.microsoft.card.adaptive'], at }],
  ['a card sent alone, with its headline as summary', { type: 'message', summary: 'Your certification expires on March 3, 2027.', from: { id: 'b', name: 'bot', role: 'bot' }, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }] }, { type: 'message', role: 'bot', name: 'bot', text: 'Your certification expires on March 3, 2027.', attachments: ['application/vnd.microsoft.card.adaptive'], at }],
  ['typing', { type: 'typing', from: { id: 'b', name: 'bot', role: 'bot' } }, undefined],
  ['an event', { type: 'event', name: 'handoff.initiate', from: { id: 'b', name: 'bot', role: 'bot' } }, undefined],
  ['an empty message', { type: 'message', text: '', from: { id: 'u', name: '' } }, undefined],
])('%s', (_what, activity, expected) => {
  expect(slimActivity({ ...base, ...activity })).toEqual(expected);
});

test('keeps the last 50 messages in order when writes are fired without waiting', async () => {
  const transcripts = new KeyvTranscriptLogger(new Keyv(), 30, logger);
  for (let i = 1; i <= 70; i++) void transcripts.logActivity({ ...base, type: 'message', text: `m${i}`, from: { id: 'u', name: 'Pat' } } as Activity);
  const recent = await transcripts.recent('directline', 'c1');
  expect(recent).toHaveLength(TRANSCRIPT_LIMIT);
  expect(recent.map((e) => e.text)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 21}`));
  expect(await transcripts.recent('directline', 'other')).toEqual([]);
});

test('entries expire after the retention period', async () => {
  const transcripts = new KeyvTranscriptLogger(new Keyv(), 20 / 86_400_000, logger); // 20 ms
  await transcripts.logActivity({ ...base, type: 'message', text: 'soon gone', from: { id: 'u', name: 'Pat' } } as Activity);
  expect(await transcripts.recent('directline', 'c1')).toHaveLength(1);
  await new Promise((r) => setTimeout(r, 40));
  expect(await transcripts.recent('directline', 'c1')).toEqual([]);
});

test('settled() waits for every write fired without waiting, across conversations (shutdown closes the store after it)', async () => {
  const store = new Map<string, unknown>();
  // A store whose writes take a while, like a remote one.
  const slow = {
    get: (k: string) => store.get(k),
    delete: (k: string) => store.delete(k),
    clear: () => store.clear(),
    set: async (k: string, v: unknown) => {
      await new Promise((r) => setTimeout(r, 5));
      store.set(k, v);
      return true;
    },
  };
  const transcripts = new KeyvTranscriptLogger(new Keyv({ store: slow }), 30, logger);
  for (const id of ['c1', 'c2', 'c3']) {
    for (let i = 1; i <= 3; i++) void transcripts.logActivity({ ...base, conversation: { id }, type: 'message', text: `m${i}`, from: { id: 'u' } } as Activity);
  }
  expect(store.size).toBe(0); // nothing written yet
  await transcripts.settled();
  expect(store.size).toBe(3);
  for (const id of ['c1', 'c2', 'c3']) expect((await transcripts.recent('directline', id)).map((e) => e.text)).toEqual(['m1', 'm2', 'm3']);
});
