// A turn that fails: the trainer gets a plain apology, the Emulator gets the standard trace, the error is logged
// with a correlation id (and no message text), and the dialog stack is cleared so the next message starts fresh.
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { buildApp, type App } from '../../src/app';
import { createStores } from '../../src/storage/createStores';
import { TURN_ERROR_MESSAGE } from '../../src/adapter';
import { conversation } from '../support/app';
import { visibleText } from '../support/text';

let app: App;
let url: string;
const logLines: string[] = [];
let failNextWrite = false;

beforeAll(async () => {
  const config = loadConfig({ STORAGE: 'memory', HOST: '127.0.0.1' });
  const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
  const logger = pino({ level: 'info' }, sink);
  const stores = await createStores(config, logger);
  const writeTagged = stores.storage.writeTagged.bind(stores.storage);
  // The store fails once, on demand, as a real backend can (a dropped connection, say).
  stores.storage.writeTagged = async (changes) => {
    if (failNextWrite) {
      failNextWrite = false;
      throw new Error('store unavailable');
    }
    return writeTagged(changes);
  };
  app = await buildApp(config, logger, { stores });
  url = await app.listen(0, '127.0.0.1');
});
afterAll(() => app.close());

it('apologises, traces, logs a correlation id and starts the next message fresh', async () => {
  const chat = conversation(url);
  expect(visibleText(await chat.say('check my recertification status'))).toMatch(/When were you certified/);

  failNextWrite = true;
  const failed = await chat.say('March 3, 2025');
  // The apology is the last thing the trainer reads.
  expect(failed.filter((a) => a.type === 'message').pop()?.text).toBe(TURN_ERROR_MESSAGE);
  expect(failed.some((a) => a.type === 'trace' && a.label === 'TurnError')).toBe(true);

  const logged = logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'turn failed');
  expect(logged).toMatchObject({ level: 50, correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  expect(JSON.stringify(logged)).not.toContain('March 3, 2025');
  expect(JSON.stringify(logged)).not.toContain(chat.id);

  // The path dialog was cleared: a question is answered as a question, not read as a date.
  const next = visibleText(await chat.say('how many CECs do I need?'));
  expect(next).toMatch(/2\.0 CECs/);
  expect(next).not.toMatch(/Which exam/);
});
