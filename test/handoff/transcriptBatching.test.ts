// The transcript logger writes a turn's activities in one read-append-write, in order, and keeps only string card
// types (a number in `attachments[].contentType` once failed the hand-off request schema and every queue listing).
import type { Activity } from 'botbuilder';
import { Keyv } from 'keyv';
import pino from 'pino';
import { KeyvTranscriptLogger, slimActivity, TRANSCRIPT_LIMIT } from '../../src/handoff/transcriptLogger';

const message = (text: string, role: 'user' | 'bot' = 'user', extra: Partial<Activity> = {}): Activity =>
  ({ type: 'message', text, channelId: 'test', conversation: { id: 'c1' }, from: { id: role, role }, ...extra }) as Activity;

describe('KeyvTranscriptLogger', () => {
  it('writes the activities of one turn (logged in the same tick) in one read-append-write, in order', async () => {
    const keyv = new Keyv();
    const transcripts = new KeyvTranscriptLogger(keyv, 1, pino({ level: 'silent' }));
    const setSpy = jest.spyOn(keyv, 'set');
    await Promise.all(['question', 'answer', 'buttons'].map((t, i) => transcripts.logActivity(message(t, i ? 'bot' : 'user'))));
    expect(setSpy).toHaveBeenCalledTimes(1);
    // A later turn appends to what is stored, whether it arrives while a write is under way or after.
    const later = transcripts.logActivity(message('next question'));
    await Promise.resolve();
    await Promise.all([later, transcripts.logActivity(message('next answer', 'bot'))]);
    expect((await transcripts.recent('test', 'c1')).map((e) => [e.role, e.text])).toEqual([
      ['user', 'question'],
      ['bot', 'answer'],
      ['bot', 'buttons'],
      ['user', 'next question'],
      ['bot', 'next answer'],
    ]);
  });

  it(`keeps the last ${TRANSCRIPT_LIMIT} entries`, async () => {
    const transcripts = new KeyvTranscriptLogger(new Keyv(), 1, pino({ level: 'silent' }));
    for (let i = 0; i < TRANSCRIPT_LIMIT + 5; i++) await transcripts.logActivity(message(`m${i}`));
    const recent = await transcripts.recent('test', 'c1');
    expect(recent).toHaveLength(TRANSCRIPT_LIMIT);
    expect(recent[0].text).toBe('m5');
  });
});

describe('slimActivity keeps only string card types', () => {
  test.each([
    [[{ contentType: 'application/vnd.microsoft.card.adaptive' }], ['application/vnd.microsoft.card.adaptive']],
    [[{ contentType: 42 }, { contentType: '' }, null, {}], undefined],
    [[{ contentType: { nested: 'junk' } }, { contentType: 'image/png' }], ['image/png']],
  ])('%j → %j', (attachments, expected) => {
    const entry = slimActivity(message('hi', 'user', { attachments: attachments as unknown as Activity['attachments'] }));
    expect(entry?.attachments).toEqual(expected);
  });
});
