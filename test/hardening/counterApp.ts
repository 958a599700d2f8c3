// A bot whose state is a counter, on the app's own stack (restify server, CloudAdapter with the app's turn-error
// handler, per-conversation turn queue, KeyvStorage). A lost update shows up as a count lower than the turns that
// succeeded, which the real bot's state cannot show as plainly.
import type { AddressInfo } from 'node:net';
import { ActivityHandler, ConversationState } from 'botbuilder';
import pino from 'pino';
import type restify from 'restify';
import { loadConfig } from '../../src/config';
import { createAdapter, installTurnErrorHandler } from '../../src/adapter';
import { createServer } from '../../src/server';
import { KeyedQueue } from '../../src/turnQueue';
import type { Stores } from '../../src/storage/createStores';
import { OptimisticConversationState } from '../../src/optimisticState';

export interface CounterApp {
  url: string;
  close(): Promise<void>;
}

export async function startCounterApp(stores: Stores, workMs = 2, optimistic = true): Promise<CounterApp> {
  const logger = pino({ level: 'silent' });
  const conversationState = optimistic ? new OptimisticConversationState(stores.storage) : new ConversationState(stores.storage);
  const count = conversationState.createProperty<number>('count');
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const value = (await count.get(context, 0)) + 1;
    await new Promise((r) => setTimeout(r, workMs)); // a turn does some work between reading and saving
    await count.set(context, value);
    await conversationState.saveChanges(context, false);
    await context.sendActivity(`count ${value}`);
    await next();
  });
  const adapter = createAdapter(loadConfig({ LOG_LEVEL: 'silent' }));
  installTurnErrorHandler(adapter, conversationState, logger);
  const queue = new KeyedQueue();
  const server = createServer(logger, { ready: () => true, details: () => ({}) });
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => queue.run(context.activity.conversation.id, () => bot.run(context)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
