// botbuilder Storage over any keyv backend, with exactly MemoryStorage's eTag contract:
// a write whose eTag differs from the stored one fails; '*' or no eTag (or no stored item) writes
// unconditionally; every write stores a fresh eTag, and reads return it.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Keyv } from 'keyv';

/**
 * Atomically: store `item` under `key` when nothing is stored there or the stored eTag equals
 * `expectedETag`; resolve false (and store nothing) otherwise. Used where several processes share
 * the backend (Redis), because the in-process lock below cannot see other processes.
 */
export type CompareAndSet = (key: string, expectedETag: string, item: StoreItem) => Promise<boolean>;

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    // Same wording as botbuilder's MemoryStorage, so logs and docs match.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

export class KeyvStorage implements Storage {
  // Per-key tail of queued operations: serialises read-compare-write in this process.
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly keyv: Keyv,
    private readonly compareAndSet?: CompareAndSet,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    // Values come back deserialised, so callers never share objects with the store.
    const values = await this.keyv.get<StoreItem>([...keys]);
    keys.forEach((key, i) => {
      const value = values[i];
      if (value !== undefined && value !== null) items[key] = value;
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.writeTagged(changes);
  }

  /** write(), returning the eTag each item was stored with, so a caller can write again without reading back. */
  async writeTagged(changes: StoreItems): Promise<Record<string, string>> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // Like MemoryStorage, each key is independent: the others are still written when one conflicts.
    const keys = Object.keys(changes);
    const results = await Promise.allSettled(keys.map((key) => this.exclusive(key, () => this.writeOne(key, changes[key] as StoreItem))));
    const eTags: Record<string, string> = {};
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') eTags[keys[i]] = result.value;
    });
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    return eTags;
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    // Under the same lock, so a delete cannot land between a write's compare and its set.
    await Promise.all(keys.map((key) => this.exclusive(key, async () => void (await this.keyv.delete(key)))));
  }

  /** Resolves with the new eTag. */
  private async writeOne(key: string, change: StoreItem): Promise<string> {
    const expected = change?.eTag;
    const eTag = randomUUID();
    const item: StoreItem = { ...change, eTag }; // a copy: the caller's object keeps its eTag
    if (!expected || expected === '*') {
      await this.set(key, item);
      return eTag;
    }
    if (this.compareAndSet) {
      if (!(await this.compareAndSet(key, expected, item))) throw new ETagConflictError(key);
      return eTag;
    }
    const stored = await this.keyv.get<StoreItem>(key);
    if (stored && stored.eTag !== expected) throw new ETagConflictError(key);
    await this.set(key, item);
    return eTag;
  }

  private async set(key: string, item: StoreItem): Promise<void> {
    // keyv reports some failures as `false` instead of throwing; a lost write must not pass silently.
    if (!(await this.keyv.set(key, item))) throw new Error(`Storage: error writing "${key}".`);
  }

  private exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }
}
