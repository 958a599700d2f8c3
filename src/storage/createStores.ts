// Picks the state backend from STORAGE and hands out Keyv namespaces on it, so bot state,
// feedback, transcripts and hand-off requests all live in one place per deployment.
import { join } from 'node:path';
import type { Keyv } from 'keyv';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Backend, StoreKind } from './backend';
import { KeyvStorage } from './keyvStorage';
import { openMemory } from './memoryBackend';
import { openRedis } from './redisBackend';
import { openSqlite } from './sqliteBackend';

export type { StoreKind };

export interface Stores {
  kind: StoreKind;
  /** Bot state (ConversationState / UserState). Its keys are only accessed through this object. */
  storage: KeyvStorage;
  /** A Keyv on the same backend; one per namespace (letters, digits, '-'), closed by close(). */
  keyv(namespace: string): Keyv;
  close(): Promise<void>;
}

/** Namespace of botbuilder state; other parts must pick another one. */
export const STATE_NAMESPACE = 'state';

const NAMESPACE = /^[A-Za-z][A-Za-z0-9-]*$/; // no ':' or '_' (keyv prefixes / SQL LIKE patterns)

function openBackend(config: Pick<Config, 'STORAGE' | 'DATA_DIR'>, logger: Logger): Promise<Backend> | Backend {
  const storage = config.STORAGE;
  if (storage === '') return openSqlite(join(config.DATA_DIR, 'bot.sqlite'));
  if (storage === 'memory') return openMemory();
  if (storage.startsWith('sqlite://')) return openSqlite(storage.slice('sqlite://'.length));
  if (/^rediss?:\/\//.test(storage)) return openRedis(storage, logger);
  throw new Error(`Unsupported STORAGE value (expected "", "memory", "sqlite://<path>" or "redis://host:port")`);
}

export async function createStores(config: Pick<Config, 'STORAGE' | 'DATA_DIR'>, logger: Logger): Promise<Stores> {
  const backend = await openBackend(config, logger);
  const namespaces = new Map<string, Keyv>();
  let closing: Promise<void> | undefined;

  const keyv = (namespace: string): Keyv => {
    if (closing) throw new Error('The stores are closed');
    if (!NAMESPACE.test(namespace)) throw new Error(`Invalid store namespace "${namespace}"`);
    let store = namespaces.get(namespace);
    if (!store) {
      store = backend.open(namespace);
      store.on('error', () => undefined); // failures reject the call (throwOnErrors); no duplicate logging
      namespaces.set(namespace, store);
    }
    return store;
  };

  const state = keyv(STATE_NAMESPACE);
  const storage = new KeyvStorage(state, backend.compareAndSet?.(state));
  logger.info({ store: backend.kind, location: backend.location }, 'store: opened');

  return {
    kind: backend.kind,
    storage,
    keyv,
    close: () =>
      (closing ??= backend.close().then(() => logger.info({ store: backend.kind }, 'store: closed'))),
  };
}
