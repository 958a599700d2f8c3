// The default on-disk store: where it lives, that it survives a restart, and that kill -9 mid-write
// leaves a consistent, readable database.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { createStores } from '../../src/storage/createStores';
import { removeTempDirs, silentLogger, tempDir } from './helpers';

afterAll(removeTempDirs);

describe('createStores picks the backend from STORAGE', () => {
  test.each([
    ['', 'sqlite'],
    ['memory', 'memory'],
    ['sqlite://nested/dir/custom.sqlite', 'sqlite'],
  ])('STORAGE=%j → %s', async (storage, kind) => {
    const dir = tempDir();
    const value = storage.startsWith('sqlite://') ? `sqlite://${join(dir, storage.slice(9))}` : storage;
    const stores = await createStores({ STORAGE: value, DATA_DIR: join(dir, 'data') }, silentLogger());
    try {
      expect(stores.kind).toBe(kind);
      if (storage === '') expect(existsSync(join(dir, 'data', 'bot.sqlite'))).toBe(true); // folder created
      if (storage.startsWith('sqlite://')) expect(existsSync(join(dir, 'nested/dir/custom.sqlite'))).toBe(true);
    } finally {
      await stores.close();
    }
  });

  test('an unusable SQLite path stops start-up with a message naming it', async () => {
    const dir = tempDir();
    await expect(createStores({ STORAGE: `sqlite://${dir}`, DATA_DIR: 'unused' }, silentLogger())).rejects.toThrow(
      `Cannot open the SQLite store at ${dir}`,
    );
  });

  test('keyv(namespace) is cached, isolated per namespace, validated, and unavailable after close', async () => {
    const stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'unused' }, silentLogger());
    expect(stores.keyv('feedback')).toBe(stores.keyv('feedback'));
    await stores.keyv('feedback').set('k', 'feedback value');
    expect(await stores.keyv('transcripts').get('k')).toBeUndefined();
    expect(() => stores.keyv('bad:name')).toThrow(/namespace/);
    await stores.close();
    expect(() => stores.keyv('feedback')).toThrow(/closed/);
  });
});

describe('SQLite store', () => {
  test('state and other namespaces survive close and reopen', async () => {
    const config = { STORAGE: '', DATA_DIR: join(tempDir(), 'data') };
    const first = await createStores(config, silentLogger());
    await first.storage.write({ 'emulator/conversations/c1': { dialogState: { stack: [] } } });
    await first.keyv('handoff').set('r1', { status: 'queued' });
    const before = (await first.storage.read(['emulator/conversations/c1']))['emulator/conversations/c1'];
    await first.close();

    const second = await createStores(config, silentLogger());
    try {
      expect((await second.storage.read(['emulator/conversations/c1']))['emulator/conversations/c1']).toEqual(before);
      expect(await second.keyv('handoff').get('r1')).toEqual({ status: 'queued' });
      // the eTag read after the restart still guards writes
      await expect(second.storage.write({ 'emulator/conversations/c1': { ...before, eTag: 'stale' } })).rejects.toThrow(
        'eTag conflict',
      );
    } finally {
      await second.close();
    }
  });

  test('a process killed with SIGKILL in the middle of writes leaves a consistent, readable database', async () => {
    const file = join(tempDir(), 'bot.sqlite');
    // createStores switches the file to WAL, as at every start-up
    await (await createStores({ STORAGE: `sqlite://${file}`, DATA_DIR: 'unused' }, silentLogger())).close();

    const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'sqliteWriter.js'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lastCommitted = -1;
    await new Promise<void>((killed, failed) => {
      let pending = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? ''; // a partial line waits for its end
        if (lines.length > 0) lastCommitted = Number(lines[lines.length - 1]);
        if (lastCommitted >= 1500 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? killed() : failed(new Error(`writer exited: ${signal}`))));
    });
    expect(lastCommitted).toBeGreaterThanOrEqual(1500);

    const probe = new KeyvSqlite({ uri: `sqlite://${file}` });
    try {
      expect(await probe.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      await probe.disconnect();
    }

    const stores = await createStores({ STORAGE: `sqlite://${file}`, DATA_DIR: 'unused' }, silentLogger());
    try {
      const keys = Array.from({ length: 500 }, (_, n) => `conversation-${n}`);
      const items = await stores.storage.read(keys);
      expect(Object.keys(items)).toHaveLength(500);
      // every write the child saw committed is there (a later one may have landed too)
      expect(items[`conversation-${lastCommitted % 500}`].i).toBeGreaterThanOrEqual(lastCommitted);
      // and the store still takes conditional writes
      const item = items['conversation-0'];
      await stores.storage.write({ 'conversation-0': { ...item, after: true } });
      expect((await stores.storage.read(['conversation-0']))['conversation-0'].after).toBe(true);
    } finally {
      await stores.close();
    }
  });
});
