// A benchmark target in its own process (so the load driver does not share its CPU): `echo` is the bare
// restify + CloudAdapter stack, `floor` the smallest dialog bot on it, `bot` the real app. Configured by the environment like the bot itself;
// prints one JSON line { url } once listening and exits cleanly on SIGTERM (so --cpu-prof can write).
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createStores } from '../../src/storage/createStores';
import { dialogFloorBot } from './dialogFloorBot';
import { buildEchoApp } from './echoBot';

async function main(): Promise<void> {
  const kind = process.argv[2];
  const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
  const logger = createLogger(config.LOG_LEVEL);
  let target: { listen(port?: number, host?: string): Promise<string>; close(): Promise<void> };
  if (kind === 'echo') target = buildEchoApp(config, logger);
  else if (kind === 'floor') {
    const stores = await createStores({ ...config, STORAGE: 'memory' }, logger);
    target = buildEchoApp(config, logger, {}, dialogFloorBot(stores.storage));
  } else if (kind === 'bot') {
    // Loaded only here so the echo baseline runs even while the app is incomplete.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildApp } = require('../../src/app') as typeof import('../../src/app');
    target = await buildApp(config, logger);
  } else throw new Error('usage: server.js echo|floor|bot');
  const url = await target.listen(0, '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  const stop = () => void target.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`bench server failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
