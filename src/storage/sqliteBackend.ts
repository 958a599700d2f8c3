// Embedded on-disk store: one SQLite file in WAL mode, so a killed process leaves a consistent
// database (the WAL is replayed or discarded on next open) and a write appends to the log instead of
// rewriting the file, whatever the number of conversations.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { Keyv } from 'keyv';
import type { Backend } from './backend';

/** How long a connection waits for another one's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export async function openSqlite(file: string): Promise<Backend> {
  const path = resolve(file);
  await mkdir(dirname(path), { recursive: true });
  const uri = `sqlite://${path}`;

  // WAL is a property of the file: set it once, and fail start-up here on an unusable path.
  const probe = new KeyvSqlite({ uri, busyTimeout: BUSY_TIMEOUT_MS });
  probe.on('error', () => undefined); // the rejected query below carries the error
  try {
    const rows = (await probe.query('PRAGMA journal_mode=WAL')) as Array<{ journal_mode?: string }>;
    if (rows[0]?.journal_mode !== 'wal') throw new Error(`could not switch ${path} to WAL mode`);
  } catch (error) {
    throw new Error(`Cannot open the SQLite store at ${path}: ${(error as Error).message}`);
  } finally {
    await probe.disconnect().catch(() => undefined);
  }

  // One connection per namespace: keyv sets the adapter's namespace (used by clear/iterate),
  // so adapters cannot be shared between Keyv instances.
  const adapters: KeyvSqlite[] = [];
  return {
    kind: 'sqlite',
    location: path,
    open(namespace) {
      const adapter = new KeyvSqlite({ uri, busyTimeout: BUSY_TIMEOUT_MS });
      // In WAL mode NORMAL loses at most the last commits on power loss, never consistency.
      void adapter.query('PRAGMA synchronous=NORMAL').catch(() => undefined);
      adapters.push(adapter);
      return new Keyv(adapter, { namespace, throwOnErrors: true });
    },
    async close() {
      await Promise.all(adapters.map((adapter) => adapter.disconnect()));
    },
  };
}
