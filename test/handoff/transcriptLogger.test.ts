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
