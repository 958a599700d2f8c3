// The benchmark's baselines must do what docs/benchmark.md says they do, or their ratios mean nothing: the echo
// bot echoes; the dialog floor prompts, keeps its dialog across turns in state, and answers each reply.
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createStores, type Stores } from '../../src/storage/createStores';
import { buildEchoApp, type EchoApp } from '../../scripts/bench/echoBot';
import { dialogFloorBot } from '../../scripts/bench/dialogFloorBot';
import { replyTexts } from '../support/app';

const logger = pino({ level: 'silent' });
const config = loadConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory' });

describe('benchmark baselines', () => {
  let stores: Stores;
  const apps: EchoApp[] = [];
  beforeAll(async () => {
    stores = await createStores({ STORAGE: 'memory', DATA_DIR: 'unused' }, logger);
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await stores.close();
  });

  it('echo answers every message with its text', async () => {
    const app = buildEchoApp(config, logger);
    apps.push(app);
    const url = await app.listen();
    expect(await replyTexts(url, 'c-echo', 'March 3, 2025')).toEqual(['echo: March 3, 2025']);
    expect(app.turns()).toBe(1);
  });

  it('the dialog floor prompts, then answers each reply from its saved dialog and asks again', async () => {
    const app = buildEchoApp(config, logger, {}, dialogFloorBot(stores.storage));
    apps.push(app);
    const url = await app.listen();
    expect(await replyTexts(url, 'c-floor', 'hello')).toEqual(['Your answer?']);
    expect(await replyTexts(url, 'c-floor', 'online')).toEqual(['noted: online', 'Your answer?']);
    expect(await replyTexts(url, 'c-floor', '1.5')).toEqual(['noted: 1.5', 'Your answer?']);
    expect(await replyTexts(url, 'c-other', '1.5')).toEqual(['Your answer?']); // state is per conversation
  });
});
