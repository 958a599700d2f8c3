// HelpDeskBot hands botbuilder-dialogs the memory-scope configuration built on the first turn instead of letting
// it rebuild one per turn. Pinned here against the installed botbuilder-dialogs: the key it caches under, and that
// a conversation across turns still reads and writes its dialog state with the shared configuration.
import { TestAdapter, type TurnContext } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createBotCore } from '../../src/botCore';
import { DIALOG_STATE_CONFIGURATION_KEY } from '../../src/bots/helpDeskBot';
import { createStores } from '../../src/storage/createStores';

test('one dialog-state configuration serves every turn, and the path dialog still runs across turns', async () => {
  const logger = createLogger('silent');
  const config = loadConfig({ STORAGE: 'memory' });
  const stores = await createStores(config, logger);
  const { bot } = createBotCore(config, logger, stores, () => new Date('2025-06-01T12:00:00Z'));
  const seen: unknown[] = [];
  const adapter = new TestAdapter((context: TurnContext) => bot.run(context)).use(async (context, next) => {
    await next();
    seen.push(context.turnState.get(DIALOG_STATE_CONFIGURATION_KEY));
  });

  await adapter.send('Check my recertification status').assertReply(() => undefined).startTest();
  const replies: string[] = [];
  await adapter
    .send('March 3, 2025')
    .assertReply((reply) => void replies.push(String(reply.text)))
    .startTest();

  // botbuilder-dialogs still caches its configuration under this key (else the bot's hand-over does nothing).
  expect(seen[0]).toEqual(expect.objectContaining({ memoryScopes: expect.any(Array), pathResolvers: expect.any(Array) }));
  expect(seen.length).toBeGreaterThanOrEqual(2);
  expect(new Set(seen).size).toBe(1);
  // The second turn continued the path dialog: the date was taken and the next question asked.
  expect(replies.join(' ')).toMatch(/exam|online|testing/i);
  await stores.close();
});
