// botbuilder's StorageBaseTests cases (the suite MemoryStorage passes), plus the eTag contract
// details, run against every backend createStores offers.
import { AutoSaveStateMiddleware, ConversationState, MemoryStorage, MessageFactory, TestAdapter } from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { createStores, Stores, STATE_NAMESPACE } from '../../src/storage/createStores';
import { ETagConflictError } from '../../src/storage/keyvStorage';
import { noticeRedisSkipped, backendCases, keyPrefix, removeTempDirs, silentLogger } from './helpers';

noticeRedisSkipped();

afterAll(removeTempDirs);

describe.each(backendCases)('KeyvStorage on $name', ({ storage: storageValue }) => {
  let stores: Stores;
  let k: (name: string) => string; // per-test key namespace (Redis is shared)

  beforeEach(async () => {
    stores = await createStores({ STORAGE: storageValue(), DATA_DIR: 'unused' }, silentLogger());
    const prefix = keyPrefix();
    k = (name) => prefix + name;
  });
  afterEach(() => stores.close());

  test('reading an unknown key returns an empty object', async () => {
    expect(await stores.storage.read([k('unknown')])).toEqual({});
  });

  test.each([
    ['read', (s: Stores) => s.storage.read(null as unknown as string[]), 'Keys are required when reading.'],
    ['write', (s: Stores) => s.storage.write(null as unknown as object), 'Changes are required when writing.'],
    ['delete', (s: Stores) => s.storage.delete(null as unknown as string[]), 'Keys are required when deleting.'],
  ])('%s without keys rejects with a ReferenceError', async (_op, call, message) => {
    await expect(call(stores)).rejects.toThrow(new ReferenceError(message));
  });

  test('writing no items does not throw', async () => {
    await expect(stores.storage.write({})).resolves.toBeUndefined();
  });

  test('createObject: written items read back with an eTag', async () => {
    await stores.storage.write({ [k('createPoco')]: { id: 1 }, [k('createPocoStoreItem')]: { id: 2 } });
    const read = await stores.storage.read([k('createPoco'), k('createPocoStoreItem')]);
    expect(read[k('createPoco')]).toEqual({ id: 1, eTag: expect.any(String) });
    expect(read[k('createPocoStoreItem')]).toEqual({ id: 2, eTag: expect.any(String) });
  });

  test('handleCrazyKeys', async () => {
    const key = k('!@#$%^&*()~/\\><,.?\';"`~ %_ ::é');
    await stores.storage.write({ [key]: { id: 1 } });
    expect((await stores.storage.read([key]))[key].id).toBe(1);
  });

  test('updateObject: eTag-less and wildcard writes win, stale eTags lose', async () => {
    const [poco, storeItem] = [k('pocoItem'), k('pocoStoreItem')];
    await stores.storage.write({ [poco]: { id: 1, count: 1 }, [storeItem]: { id: 1, count: 1 } });

    const loaded = await stores.storage.read([poco, storeItem]);
    delete loaded[poco].eTag; // an item without eTag always writes
    const staleETag = loaded[storeItem].eTag;
    loaded[poco].count++;
    loaded[storeItem].count++;
    await stores.storage.write(loaded);

    const reloaded = await stores.storage.read([poco, storeItem]);
    expect(reloaded[poco].eTag).toEqual(expect.any(String));
    expect(reloaded[storeItem].eTag).not.toBe(staleETag); // every write gets a new eTag
    expect([reloaded[poco].count, reloaded[storeItem].count]).toEqual([2, 2]);

    loaded[poco].count = 123;
    await expect(stores.storage.write({ [poco]: loaded[poco] })).resolves.toBeUndefined();
    loaded[storeItem].count = 123;
    await expect(stores.storage.write({ [storeItem]: loaded[storeItem] })).rejects.toThrow(
      `Storage: error writing "${storeItem}" due to eTag conflict.`,
    );

    const afterConflict = await stores.storage.read([poco, storeItem]);
    expect([afterConflict[poco].count, afterConflict[storeItem].count]).toEqual([123, 2]);

    await stores.storage.write({
      [poco]: { ...afterConflict[poco], count: 100 },
      [storeItem]: { ...afterConflict[storeItem], count: 100, eTag: '*' },
    });
    const final = await stores.storage.read([poco, storeItem]);
    expect([final[poco].count, final[storeItem].count]).toEqual([100, 100]);
  });

  test('a write carrying the current eTag succeeds and gets a new one', async () => {
    await stores.storage.write({ [k('current')]: { n: 1 } });
    const first = (await stores.storage.read([k('current')]))[k('current')];
    await stores.storage.write({ [k('current')]: { ...first, n: 2 } });
    const second = (await stores.storage.read([k('current')]))[k('current')];
    expect(second).toEqual({ n: 2, eTag: expect.any(String) });
    expect(second.eTag).not.toBe(first.eTag);
  });

  test('writeTagged returns the eTags a read then returns, and a write with them succeeds', async () => {
    const tags = await stores.storage.writeTagged({ [k('t1')]: { n: 1 }, [k('t2')]: { n: 1, eTag: '*' } });
    const read = await stores.storage.read([k('t1'), k('t2')]);
    expect(tags).toEqual({ [k('t1')]: read[k('t1')].eTag, [k('t2')]: read[k('t2')].eTag });
    const again = await stores.storage.writeTagged({ [k('t1')]: { n: 2, eTag: tags[k('t1')] } });
    expect((await stores.storage.read([k('t1')]))[k('t1')]).toEqual({ n: 2, eTag: again[k('t1')] });
    await expect(stores.storage.writeTagged({ [k('t1')]: { n: 3, eTag: tags[k('t1')] } })).rejects.toBeInstanceOf(ETagConflictError);
  });

  test('a write with an eTag to a missing key creates it (as MemoryStorage does)', async () => {
    await stores.storage.write({ [k('missing')]: { n: 1, eTag: 'from-a-deleted-item' } });
    expect((await stores.storage.read([k('missing')]))[k('missing')].n).toBe(1);
  });

  test('a conflict on one key still writes the other keys of the batch', async () => {
    await stores.storage.write({ [k('a')]: { n: 1 } });
    await expect(
      stores.storage.write({ [k('a')]: { n: 2, eTag: 'stale' }, [k('b')]: { n: 2 } }),
    ).rejects.toBeInstanceOf(ETagConflictError);
    const read = await stores.storage.read([k('a'), k('b')]);
    expect([read[k('a')].n, read[k('b')].n]).toEqual([1, 2]);
  });

  test('deleteObject', async () => {
    await stores.storage.write({ [k('delete1')]: { id: 1, count: 1 } });
    expect((await stores.storage.read([k('delete1')]))[k('delete1')].count).toBe(1);
    await stores.storage.delete([k('delete1')]);
    expect((await stores.storage.read([k('delete1')]))[k('delete1')]).toBeUndefined();
  });

  test('deleteUnknownObject does not reject', async () => {
    await expect(stores.storage.delete([k('unknown_key')])).resolves.toBeUndefined();
  });

  test('performBatchOperations', async () => {
    const keys = [k('batch1'), k('batch2'), k('batch3')];
    await stores.storage.write({ [keys[0]]: { count: 10 }, [keys[1]]: { count: 20 }, [keys[2]]: { count: 30 } });
    const read = await stores.storage.read(keys);
    expect(keys.map((key) => read[key].count)).toEqual([10, 20, 30]);
    expect(keys.every((key) => typeof read[key].eTag === 'string')).toBe(true);
    await stores.storage.delete(keys);
    expect(await stores.storage.read(keys)).toEqual({});
  });

  test('never mutates or shares the caller\'s objects', async () => {
    const change = { nested: { list: [1, 2] }, eTag: '*' };
    const keys = [k('own')];
    await stores.storage.write({ [keys[0]]: change });
    expect(change).toEqual({ nested: { list: [1, 2] }, eTag: '*' });
    change.nested.list.push(3); // must not reach the store

    const read = await stores.storage.read(keys);
    expect(keys).toEqual([k('own')]);
    read[keys[0]].nested.list.push(4); // must not reach the store either
    expect((await stores.storage.read(keys))[keys[0]].nested.list).toEqual([1, 2]);
  });

  test('state stays readable through keyv(STATE_NAMESPACE)', async () => {
    await stores.storage.write({ [k('plain')]: { answer: 42, empty: [], when: '2025-01-01' } });
    const viaStorage = (await stores.storage.read([k('plain')]))[k('plain')];
    expect(await stores.keyv(STATE_NAMESPACE).get(k('plain'))).toEqual(viaStorage);
  });

  test('32 concurrent writers with the same eTag: exactly one wins', async () => {
    const key = k('contended');
    await stores.storage.write({ [key]: { writer: -1 } });
    const base = (await stores.storage.read([key]))[key];
    const results = await Promise.allSettled(
      Array.from({ length: 32 }, (_, writer) => stores.storage.write({ [key]: { ...base, writer } })),
    );
    const winners = results.flatMap((r, writer) => (r.status === 'fulfilled' ? [writer] : []));
    expect(winners).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ETagConflictError);
    expect((await stores.storage.read([key]))[key].writer).toBe(winners[0]);
  });

  test('proceedsThroughWaterfall with ConversationState', async () => {
    const conversationState = new ConversationState(stores.storage);
    const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
    dialogs.add(
      new TextPrompt('textPrompt', async (prompt) => {
        if ((prompt.recognized.value ?? '').length > 3) {
          await prompt.context.sendActivity(`You got it at the ${prompt.attemptCount}th try!`);
          return true;
        }
        await prompt.context.sendActivity(`Please send a name that is longer than 3 characters. ${prompt.attemptCount}`);
        return false;
      }),
    );
    dialogs.add(
      new WaterfallDialog('waterfallDialog', [
        async (step) => {
          await step.context.sendActivity('step1');
          return Dialog.EndOfTurn;
        },
        async (step) => step.prompt('textPrompt', { prompt: MessageFactory.text('Please type your name.') }),
        async (step) => {
          await step.context.sendActivity('step3');
          return Dialog.EndOfTurn;
        },
      ]),
    );
    const adapter = new TestAdapter(
      async (context) => {
        const dc = await dialogs.createContext(context);
        await dc.continueDialog();
        if (!context.responded) await dc.beginDialog('waterfallDialog');
      },
      { conversation: { id: k('conversation'), isGroup: false, conversationType: 'personal', name: 'test' } },
    ).use(new AutoSaveStateMiddleware(conversationState));

    await adapter
      .send('hello')
      .assertReply('step1')
      .send('hello')
      .assertReply('Please type your name.')
      .send('hi')
      .assertReply('Please send a name that is longer than 3 characters. 1')
      .send('Kyle')
      .assertReply('You got it at the 2th try!')
      .assertReply('step3')
      .startTest();
  });
});

// The reference the contract above is taken from: MemoryStorage itself passes the same eTag rules.
test('MemoryStorage (the reference) rejects a stale eTag with the same message', async () => {
  const memory = new MemoryStorage();
  await memory.write({ key: { n: 1 } });
  const item = (await memory.read(['key'])).key;
  await memory.write({ key: { ...item, n: 2 } });
  await expect(memory.write({ key: { ...item, n: 3 } })).rejects.toThrow(new ETagConflictError('key').message);
});
