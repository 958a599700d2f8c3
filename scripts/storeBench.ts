// Measures what STORAGE costs per bot-state write as conversations pile up (docs/storage.md).
// Not part of the tests. Run: npm run build && node dist/scripts/storeBench.js [writes]
// With REDIS_URL set it measures Redis too (keys under a throw-away prefix, deleted afterwards).
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Storage, StoreItems } from 'botbuilder';
import pino from 'pino';
import { createStores } from '../src/storage/createStores';

const SIZES = [100, 10_000];
const WRITES = Number(process.argv[2] ?? 500);

/** A conversation's state as the bot keeps it, about 2 KB of JSON. */
function conversationState(n: number): Record<string, unknown> {
  return {
    dialogState: {
      dialogStack: [
        { id: 'mainDialog', state: { stepIndex: 1, options: {}, values: { instanceId: `i-${n}` } } },
        { id: 'recertPath', state: { stepIndex: 2, values: { certifiedOn: '2023-04-01', cecsEarned: 12 } } },
      ],
    },
    faq: { lastEntryId: 'renewal-deadline', misses: 0, history: Array.from({ length: 8 }, (_, i) => `entry-${i}`) },
    notes: 'x'.repeat(1500),
  };
}

/** The rejected alternative: every conversation in one JSON file, rewritten (atomically) per write. */
class JsonFileStorage implements Storage {
  private readonly data: Record<string, unknown> = {};
  constructor(private readonly file: string) {}
  async read(keys: string[]): Promise<StoreItems> {
    return Object.fromEntries(keys.filter((k) => k in this.data).map((k) => [k, structuredClone(this.data[k])]));
  }
  async write(changes: StoreItems): Promise<void> {
    Object.assign(this.data, structuredClone(changes));
    await writeFile(`${this.file}.tmp`, JSON.stringify(this.data));
    await rename(`${this.file}.tmp`, this.file); // so a kill -9 leaves the old or the new file, never half
  }
  async delete(keys: string[]): Promise<void> {
    for (const k of keys) delete this.data[k];
  }
}

/** Bytes on disk, counting SQLite's write-ahead log. */
function diskSize(file: string): number {
  return [file, `${file}-wal`].filter((f) => existsSync(f)).reduce((sum, f) => sum + statSync(f).size, 0);
}

async function prefill(storage: Storage, prefix: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const batch: StoreItems = {};
    for (let n = start; n < Math.min(count, start + 500); n++) batch[`${prefix}${n}`] = conversationState(n);
    await storage.write(batch);
  }
}

/** Average and p95 of a turn's write (read the item for its eTag, then the conditional write). */
async function measure(storage: Storage, prefix: string, count: number): Promise<{ avg: number; p95: number }> {
  const times: number[] = [];
  for (let w = 0; w < WRITES; w++) {
    const key = `${prefix}${Math.floor(Math.random() * count)}`;
    const item = (await storage.read([key]))[key];
    const started = performance.now();
    await storage.write({ [key]: { ...item, turn: w } });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { avg: times.reduce((s, t) => s + t, 0) / times.length, p95: times[Math.floor(times.length * 0.95)] };
}

async function main(): Promise<void> {
  const logger = pino({ level: 'silent' });
  const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
  const rows: string[] = [];
  const report = (name: string, count: number, r: { avg: number; p95: number }, size?: number) =>
    rows.push(
      `| ${name} | ${count.toLocaleString('en-US')} | ${r.avg.toFixed(2)} | ${r.p95.toFixed(2)} | ${size ? `${(size / 1e6).toFixed(2)} MB` : '-'} |`,
    );
  try {
    for (const count of SIZES) {
      const file = join(dir, `bench-${count}.sqlite`);
      const sqlite = await createStores({ STORAGE: `sqlite://${file}`, DATA_DIR: dir }, logger);
      await prefill(sqlite.storage, 'c/', count);
      report('sqlite (KeyvStorage, WAL)', count, await measure(sqlite.storage, 'c/', count), diskSize(file));
      await sqlite.close();

      const jsonFile = join(dir, `bench-${count}.json`);
      const json = new JsonFileStorage(jsonFile);
      await prefill(json, 'c/', count);
      report('single JSON file', count, await measure(json, 'c/', count), diskSize(jsonFile));

      const memory = await createStores({ STORAGE: 'memory', DATA_DIR: dir }, logger);
      await prefill(memory.storage, 'c/', count);
      report('memory (KeyvStorage)', count, await measure(memory.storage, 'c/', count));
      await memory.close();

      if (process.env.REDIS_URL) {
        const redis = await createStores({ STORAGE: process.env.REDIS_URL, DATA_DIR: dir }, logger);
        const prefix = `bench-${process.pid}/`;
        await prefill(redis.storage, prefix, count);
        report('redis (KeyvStorage, Lua CAS)', count, await measure(redis.storage, prefix, count));
        await redis.storage.delete(Array.from({ length: count }, (_, n) => `${prefix}${n}`));
        await redis.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${WRITES} writes per row, ~${JSON.stringify(conversationState(0)).length} B state, Node ${process.version}\n`);
  console.log('| store | conversations | avg write ms | p95 write ms | file size |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
