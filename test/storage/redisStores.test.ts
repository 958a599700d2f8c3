// Redis: conditional writes hold across bot instances, and a Redis that is down fails fast.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createStores, Stores } from '../../src/storage/createStores';
import { ETagConflictError } from '../../src/storage/keyvStorage';
import { noticeRedisSkipped, capturingLogger, keyPrefix, redisUrl, silentLogger } from './helpers';

noticeRedisSkipped();

const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('two bot instances on the same Redis', () => {
  let a: Stores;
  let b: Stores;
  beforeEach(async () => {
    a = await createStores({ STORAGE: redisUrl!, DATA_DIR: 'unused' }, silentLogger());
    b = await createStores({ STORAGE: redisUrl!, DATA_DIR: 'unused' }, silentLogger());
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  test('a write on B with the eTag it read before A wrote fails', async () => {
    const key = `${keyPrefix()}conversation`;
    await a.storage.write({ [key]: { turn: 1 } });
    const seenByB = (await b.storage.read([key]))[key];
    const seenByA = (await a.storage.read([key]))[key];
    expect(seenByB.eTag).toBe(seenByA.eTag);

    await a.storage.write({ [key]: { ...seenByA, turn: 2 } });
    await expect(b.storage.write({ [key]: { ...seenByB, turn: 3 } })).rejects.toThrow(ETagConflictError);
    expect((await b.storage.read([key]))[key].turn).toBe(2);
  });

  test('32 concurrent conditional writers split over both instances: exactly one wins', async () => {
    const key = `${keyPrefix()}contended`;
    await a.storage.write({ [key]: { writer: -1 } });
    const base = (await a.storage.read([key]))[key];
    const results = await Promise.allSettled(
      Array.from({ length: 32 }, (_, writer) => (writer % 2 ? b : a).storage.write({ [key]: { ...base, writer } })),
    );
    const winners = results.flatMap((r, writer) => (r.status === 'fulfilled' ? [writer] : []));
    expect(winners).toHaveLength(1);
    expect((await b.storage.read([key]))[key].writer).toBe(winners[0]);
  });

  test('other namespaces are shared between instances too', async () => {
    const key = `${keyPrefix()}request`;
    await a.keyv('handoff').set(key, { status: 'queued' });
    expect(await b.keyv('handoff').get(key)).toEqual({ status: 'queued' });
    expect(await b.keyv('feedback').get(key)).toBeUndefined();
  });
});

describe('Redis that is down (closed port)', () => {
  test('createStores resolves, logs one clear line, and every operation rejects instead of hanging', async () => {
    const { logger, lines } = capturingLogger();
    const stores = await createStores({ STORAGE: 'redis://:secret@127.0.0.1:1', DATA_DIR: 'unused' }, logger);
    try {
      expect(stores.kind).toBe('redis');
      await expect(stores.storage.read(['k'])).rejects.toThrow();
      await expect(stores.storage.write({ k: { n: 1 } })).rejects.toThrow();
      await expect(stores.storage.write({ k: { n: 1, eTag: 'e' } })).rejects.toThrow();
      await expect(stores.storage.delete(['k'])).rejects.toThrow();
      await expect(stores.keyv('feedback').set('k', 1)).rejects.toThrow();

      const errors = lines.filter((l) => l.level === 50);
      expect(errors).toHaveLength(1); // transitions only, not one per reconnect attempt
      expect(errors[0]).toMatchObject({ store: 'redis', target: 'redis://127.0.0.1:1' });
      expect(errors[0].msg).toMatch(/Redis unreachable/);
      expect(JSON.stringify(lines)).not.toContain('secret');
    } finally {
      await stores.close();
    }
  });
});

// A private redis-server we can kill, so the shared one at REDIS_URL is left alone.
const redisServer = spawnSync('redis-server', ['--version']).status === 0;
if (!redisServer) console.warn('redis-server is not on PATH: the "Redis dies mid-run" test is SKIPPED');

(redisServer ? describe : describe.skip)('Redis that dies while the bot runs', () => {
  const startServer = async (port: number): Promise<ChildProcess> => {
    const server = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 50 && spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().trim() !== 'PONG'; i++) {
      await new Promise((done) => setTimeout(done, 100));
    }
    return server;
  };

  test('turns fail at once while it is down and work again once it is back', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    let server = await startServer(port);
    const { logger, lines } = capturingLogger();
    const stores = await createStores({ STORAGE: `redis://127.0.0.1:${port}`, DATA_DIR: 'unused' }, logger);
    try {
      await stores.storage.write({ k: { n: 1 } });
      server.kill('SIGKILL');
      await new Promise((done) => server.once('exit', done));

      await expect(stores.storage.read(['k'])).rejects.toThrow(/offline|closed|connect/i);
      expect(lines.some((l) => l.level === 50 && /Redis unreachable/.test(String(l.msg)))).toBe(true);

      server = await startServer(port);
      let back = false;
      for (let i = 0; i < 50 && !back; i++) {
        back = await stores.storage.write({ k: { n: 2 } }).then(() => true, () => false);
        if (!back) await new Promise((done) => setTimeout(done, 100));
      }
      expect(back).toBe(true);
      expect((await stores.storage.read(['k'])).k.n).toBe(2);
    } finally {
      await stores.close();
      server.kill('SIGKILL');
    }
  });
});
