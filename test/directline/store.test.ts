import { ConversationStore } from '../../src/channels/directline/store';

describe('ConversationStore', () => {
  let clock = 0;
  const store = () => new ConversationStore({ idleMs: 1_000, maxConversations: 3, maxActivitiesPerConversation: 4 }, () => clock);
  beforeEach(() => {
    clock = 0;
  });

  it('hands out activities after a watermark, and all of them without one', () => {
    const s = store();
    const { conversation } = s.open('a', 'u')!;
    for (const text of ['one', 'two', 'three']) s.append(conversation, { id: text, type: 'message', text });
    expect(s.since(conversation, undefined)).toEqual({ activities: expect.any(Array), watermark: '3' });
    expect(s.since(conversation, undefined).activities.map((a) => a.text)).toEqual(['one', 'two', 'three']);
    expect(s.since(conversation, '2').activities.map((a) => a.text)).toEqual(['three']);
    expect(s.since(conversation, '3').activities).toEqual([]);
    expect(s.since(conversation, 'junk').activities).toHaveLength(3);
  });

  it('keeps only the newest activities but never reuses a watermark', () => {
    const s = store();
    const { conversation } = s.open('a', 'u')!;
    for (let i = 1; i <= 6; i++) s.append(conversation, { id: `${i}`, type: 'message', text: `${i}` });
    const all = s.since(conversation, undefined);
    expect(all.activities.map((a) => a.text)).toEqual(['3', '4', '5', '6']);
    expect(all.watermark).toBe('6');
  });

  it('re-delivers an updated activity at a new watermark and forgets a deleted one', () => {
    const s = store();
    const { conversation } = s.open('a', 'u')!;
    s.append(conversation, { id: 'x', type: 'message', text: 'old' });
    s.append(conversation, { id: 'y', type: 'message', text: 'other' });
    expect(s.update(conversation, 'x', { type: 'message', text: 'new' })).toBe(true);
    expect(s.since(conversation, '2').activities).toEqual([{ id: 'x', type: 'message', text: 'new' }]);
    expect(s.remove(conversation, 'y')).toBe(true);
    expect(s.since(conversation, undefined).activities.map((a) => a.id)).toEqual(['x']);
    expect(s.update(conversation, 'missing', { type: 'message' })).toBe(false);
    expect(s.remove(conversation, 'missing')).toBe(false);
  });

  it('expires conversations idle longer than the limit, and keeps used ones', () => {
    const s = store();
    s.open('idle', 'u');
    s.open('busy', 'u');
    clock = 900;
    expect(s.get('busy')).toBeDefined();
    clock = 1_500;
    expect(s.sweep()).toBe(1);
    expect(s.get('idle')).toBeUndefined();
    expect(s.get('busy')).toBeDefined();
  });

  it('refuses new conversations when full, after sweeping expired ones', () => {
    const s = store();
    for (const id of ['a', 'b', 'c']) expect(s.open(id, 'u')?.created).toBe(true);
    expect(s.open('d', 'u')).toBeUndefined();
    expect(s.open('a', 'u')?.created).toBe(false);
    clock = 2_000;
    expect(s.open('d', 'u')?.created).toBe(true);
    expect(s.size).toBe(1);
  });
});
