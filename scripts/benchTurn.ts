// npm run bench:turn: the bot's own CPU per turn, in-process — the bench mix through adapter.processActivityDirect with
// no HTTP server, no load driver and no other process — so a change to the bot can be compared on a shared
// machine (take the min of a few runs). Flags: --conversations <n> (default 800, after 300 warm-up ones).
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { buildApp } from '../src/app';
import { SCRIPTS, messageActivity } from './bench/driver';

const i = process.argv.indexOf('--conversations');
const conversations = i >= 0 ? Number(process.argv[i + 1]) : 800;
const WARM_UP = 300;

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', STORAGE: 'memory', TURNS_PER_MINUTE_PER_CONVERSATION: '0' });
  const app = await buildApp(config, createLogger('silent'));
  let next = 0;
  const conversation = async (): Promise<number> => {
    const script = SCRIPTS[next % SCRIPTS.length];
    const id = `turn-bench-${next++}`;
    for (const text of script.turns) {
      // A service URL nobody listens on: with expectReplies the replies come back in the result, never sent.
      const activity = { ...messageActivity(id, text), serviceUrl: 'http://127.0.0.1:9' };
      await app.adapter.processActivityDirect('', activity as never, (context) => app.bot.run(context));
    }
    return script.turns.length;
  };
  for (let n = 0; n < WARM_UP; n++) await conversation();
  const start = process.cpuUsage();
  let turns = 0;
  for (let n = 0; n < conversations; n++) turns += await conversation();
  const used = process.cpuUsage(start);
  console.log(`${turns} turns, ${((used.user + used.system) / turns).toFixed(1)} µs of CPU per turn (in-process, memory store)`);
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
