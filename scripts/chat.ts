// `npm run chat`: talk to the bot in the terminal, in-process. Buttons are numbered: type the number to pick one.
// Uses an in-memory store unless STORAGE is set, so trying the bot leaves nothing behind.
import 'dotenv/config';
import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
import { loadConfig, ConfigError } from '../src/config';
import { createLogger } from '../src/logger';
import { createStores } from '../src/storage/createStores';
import { createBotCore } from '../src/botCore';
import { installTurnErrorHandler } from '../src/adapter';
import { ConsoleAdapter } from '../src/channels/console/consoleAdapter';
import { renderActivities, type Rendered } from '../src/channels/console/render';

function print(rendered: Rendered): void {
  for (const line of rendered.lines) stdout.write(`bot> ${line.replace(/\n/g, '\n     ')}\n`);
  rendered.choices.forEach((c, i) => stdout.write(`     [${i + 1}] ${c.title}\n`));
}

async function main(): Promise<void> {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'warn', ...process.env });
  const logger = createLogger(config.LOG_LEVEL);
  const stores = await createStores(config, logger);
  const core = createBotCore(config, logger, stores);
  const adapter = new ConsoleAdapter();
  installTurnErrorHandler(adapter, core.conversationState, logger);
  await core.conversation.warmUp?.();
  const run = (context: Parameters<typeof core.bot.run>[0]) => core.bot.run(context);

  stdout.write('ACTION help-desk bot (terminal). Type a message; a number picks a button; "quit" or Ctrl+D ends.\n');
  let last: Rendered = renderActivities(
    await adapter.send({ type: 'conversationUpdate', membersAdded: [{ id: 'console-user', name: 'You' }] }, run),
  );
  print(last);

  const rl = createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY });
  rl.setPrompt('you> ');
  rl.prompt();
  for await (const line of rl) {
    const typed = line.trim();
    if (typed === 'quit' || typed === 'exit') break;
    if (typed) {
      // A number picks a button, unless the buttons are numbers themselves (e.g. a CEC count).
      const numericButtons = last.choices.some((c) => /^\d/.test(c.title));
      const picked = /^\d+$/.test(typed) && !numericButtons ? last.choices[Number(typed) - 1] : undefined;
      if (picked && !stdin.isTTY) stdout.write(`you> ${picked.title}\n`);
      last = renderActivities(await adapter.send({ text: picked ? picked.value : typed }, run));
      print(last);
    }
    rl.prompt();
  }
  rl.close();
  await stores.close();
}

main().catch((error) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Chat failed: ${(error as Error).message}\n`);
  process.exit(1);
});
