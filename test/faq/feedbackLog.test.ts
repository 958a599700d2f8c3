import { Keyv } from 'keyv';
import { FeedbackLog } from '../../src/faq/feedbackLog';
import { hashId } from '../../src/logger';
import { createStores, type Stores } from '../../src/storage/createStores';
import { backendCases, removeTempDirs, silentLogger } from '../storage/helpers';

describe('FeedbackLog', () => {
  it('counts answers, feedback and misses, ranks unanswered questions, and stores only hashed conversation ids', async () => {
    const keyv = new Keyv();
    const log = new FeedbackLog(keyv, 30);
    await log.recordAnswer({ conversationId: 'conv-1', entryId: 'cec_count', score: 0.9 });
    await log.recordFeedback({ conversationId: 'conv-1', entryId: 'cec_count', helpful: true });
    await log.recordFeedback({ conversationId: 'conv-1', entryId: 'pace', helpful: false });
    for (const q of ['How much is the fee?', 'how much is the fee', 'Is pizza healthy?'])
      await log.recordMiss({ conversationId: 'conv-2', question: q, candidates: [], band: 'low' });
    const s = await log.summary();
    expect(s).toMatchObject({ answered: 1, unanswered: 3, helpful: 1, notHelpful: 1, helpfulRate: 0.5 });
    expect(s.topUnanswered[0]).toEqual({ question: 'how much is the fee', count: 2 });
    expect(s.notHelpfulEntries).toEqual([{ entryId: 'pace', count: 1 }]);
    const records = await log.list();
    expect(records.map((r) => r.conversation)).toContain(hashId('conv-2'));
    expect(JSON.stringify(records)).not.toContain('conv-2');
  });

  it('lists records from earlier days within retention and forgets them after the TTL', async () => {
    let now = new Date('2025-03-01T12:00:00Z');
    const keyv = new Keyv();
    const log = new FeedbackLog(keyv, 2, () => now);
    await log.recordMiss({ question: 'refund?', candidates: [], band: 'low' });
    now = new Date('2025-03-02T12:00:00Z');
    expect((await log.summary()).unanswered).toBe(1);
    // keyv's memory store expires by wall clock; check the TTL it was given instead of waiting two days.
    const setSpy = jest.spyOn(keyv, 'set');
    await log.recordAnswer({ entryId: 'how_often' });
    expect(setSpy.mock.calls[0][2]).toBe(2 * 24 * 60 * 60 * 1000);
  });
});

describe.each(backendCases)('FeedbackLog on the $name store', ({ storage }) => {
  let stores: Stores;
  beforeEach(async () => {
    stores = await createStores({ STORAGE: storage(), DATA_DIR: 'unused' }, silentLogger());
  });
  afterEach(() => stores.close());
  afterAll(removeTempDirs);

  it('lists what was recorded, and recording writes one record of constant size however many came before', async () => {
    // A namespace of its own: a shared Redis may hold other runs' records.
    const keyv = stores.keyv(`feedback-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    const log = new FeedbackLog(keyv, 30);
    const setSpy = jest.spyOn(keyv, 'set');
    for (let i = 0; i < 50; i++) await log.recordAnswer({ conversationId: `conv-${i}`, entryId: 'cec_count' });
    await log.recordMiss({ question: 'refund?', candidates: [], band: 'low' });
    expect(setSpy).toHaveBeenCalledTimes(51);
    const sizes = setSpy.mock.calls.slice(0, 50).map((call) => JSON.stringify(call[1]).length);
    expect(Math.max(...sizes)).toBe(Math.min(...sizes));
    expect(await log.summary()).toMatchObject({ answered: 50, unanswered: 1 });
  });
});
