// The optimistic states replace BotState's load and save but must keep its contract: accessors read and write
// the same per-turn cache, unchanged state is not written, changed state is written with the eTag it was read
// with (a stale writer fails), clear() forces a save, and a state JSON cannot hold still fails loudly.
import { TestAdapter, TurnContext, type Activity, type Storage, type StoreItems } from 'botbuilder';
import { Keyv } from 'keyv';
import { fingerprint, OptimisticConversationState, OptimisticUserState } from '../../src/optimisticState';
import { ETagConflictError, KeyvStorage } from '../../src/storage/keyvStorage';

const activity = (conversation = 'c1', user = 'u1'): Partial<Activity> => ({
  type: 'message',
  text: 'hi',
  channelId: 'test',
  conversation: { id: conversation } as Activity['conversation'],
  from: { id: user, name: 'trainer' },
  recipient: { id: 'bot', name: 'bot' },
});

const turn = (a = activity()) => new TurnContext(new TestAdapter(), a);

/** Counts writes, so "nothing changed → nothing written" is observable. */
class CountingStorage extends KeyvStorage {
  writes = 0;
  override async writeTagged(changes: StoreItems): Promise<Record<string, string>> {
    this.writes++;
    return super.writeTagged(changes);
  }
}

describe('optimistic bot state', () => {
  let storage: CountingStorage;
  beforeEach(() => {
    storage = new CountingStorage(new Keyv({ serialize: JSON.stringify, deserialize: JSON.parse }));
  });

  it.each([
    ['conversation', (s: Storage) => new OptimisticConversationState(s)],
    ['user', (s: Storage) => new OptimisticUserState(s)],
  ])('%s state: accessors round-trip, unchanged state is not rewritten, a change is', async (_name, make) => {
    const state = make(storage);
    const counter = state.createProperty<{ n: number }>('counter');

    const first = turn();
    (await counter.get(first, { n: 0 }))!.n++;
    await state.saveChanges(first);
    expect(storage.writes).toBe(1);

    const second = turn();
    expect(await counter.get(second)).toEqual({ n: 1 });
    await state.saveChanges(second); // read only
    expect(storage.writes).toBe(1);

    (await counter.get(second))!.n = 5;
    await state.saveChanges(second);
    await state.saveChanges(second); // saved already: the fingerprint moved with the write
    expect(storage.writes).toBe(2);
    expect(await counter.get(turn())).toEqual({ n: 5 });
  });

  it('a turn that read a stale eTag fails instead of overwriting', async () => {
    const state = new OptimisticConversationState(storage);
    const counter = state.createProperty<number>('counter');
    const seed = turn();
    await counter.set(seed, 1);
    await state.saveChanges(seed);

    const [a, b] = [turn(), turn()];
    await counter.set(a, (await counter.get(a))! + 1);
    await counter.set(b, (await counter.get(b))! + 10);
    await state.saveChanges(a);
    await expect(state.saveChanges(b)).rejects.toBeInstanceOf(ETagConflictError);
    expect(await counter.get(turn())).toBe(2);
  });

  it('clear() is saved even though the cleared state looks empty; delete() drops the stored state', async () => {
    const state = new OptimisticConversationState(storage);
    const counter = state.createProperty<number>('counter');
    const first = turn();
    await counter.set(first, 3);
    await state.saveChanges(first);

    const second = turn();
    await state.load(second);
    await state.clear(second);
    await state.saveChanges(second);
    expect(await counter.get(turn())).toBeUndefined();

    const third = turn();
    await counter.set(third, 4);
    await state.saveChanges(third);
    await state.delete(turn());
    expect(await counter.get(turn())).toBeUndefined();
  });

  it('load(force) re-reads what another turn wrote', async () => {
    const state = new OptimisticConversationState(storage);
    const counter = state.createProperty<number>('counter');
    const reader = turn();
    expect(await counter.get(reader)).toBeUndefined();
    const writer = turn();
    await counter.set(writer, 7);
    await state.saveChanges(writer);
    await state.load(reader, true);
    expect(await counter.get(reader)).toBe(7);
  });

  it('the fingerprint ignores the eTag, sees nested changes, and survives a cycle', () => {
    const a = { eTag: 'x', dialog: { stack: [{ id: 'path', state: { step: 1 } }] } };
    const b = { eTag: 'y', dialog: { stack: [{ id: 'path', state: { step: 1 } }] } };
    expect(fingerprint(a)).toBe(fingerprint(b));
    b.dialog.stack[0].state.step = 2;
    expect(fingerprint(a)).not.toBe(fingerprint(b));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(typeof fingerprint(cyclic)).toBe('string');
  });
});
