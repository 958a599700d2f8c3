// What createStores needs from each kind of backend.
import type { Keyv } from 'keyv';
import type { CompareAndSet } from './keyvStorage';

export type StoreKind = 'memory' | 'sqlite' | 'redis';

export interface Backend {
  kind: StoreKind;
  /** Where the data lives, safe to log (no credentials). */
  location: string;
  /** A Keyv over this backend whose keys live under `namespace`; errors reject (throwOnErrors). */
  open(namespace: string): Keyv;
  /** Present where other processes may write the same keys, so the in-process lock is not enough. */
  compareAndSet?(keyv: Keyv): CompareAndSet;
  close(): Promise<void>;
}
