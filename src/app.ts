// Builds the whole bot from configuration: stores, adapter, dialogs, bot, channels and HTTP routes.
// Returns something tests, the benchmark and index.ts can listen on and close.
import type { AddressInfo } from 'node:net';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type restify from 'restify';
import { linksOf, type Config } from './config';
import type { Logger } from './logger';
import { createAdapter, installTurnErrorHandler } from './adapter';
import { createServer } from './server';
import { HttpError } from './errors';
import { activityProblem, sanitizeActivity } from './activitySchema';
import { KeyedQueue } from './turnQueue';
import { conversationKey, rateLimit } from './rateLimit';
import type { HelpDeskBot } from './bots/helpDeskBot';
import { createBotCore } from './botCore';
import { createStores, type Stores } from './storage/createStores';
import { createHandoff, type Handoff } from './handoff';
import { registerDirectLine } from './channels/directline';
import { registerWebPage } from './web';
import { version } from './version';

export interface AppOptions {
  /** Use these stores instead of the ones STORAGE names (tests share one across restarts). */
  stores?: Stores;
  /** Extra authentication settings (tests point OpenID metadata at a local server). */
  auth?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  /** The clock, for tests that need a fixed "today". */
  now?: () => Date;
  /** How long close() waits for turns in flight. */
  drainMs?: number;
}

export interface App {
  server: restify.Server;
  stores: Stores;
  bot: HelpDeskBot;
  adapter: ReturnType<typeof createAdapter>;
  /** Hand-off to support agents (tests run its timeout sweep directly). */
  handoff: Handoff;
  listen(port?: number, host?: string): Promise<string>;
  baseUrl(): string;
  close(): Promise<void>;
}

export async function buildApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  let phase: 'starting' | 'ready' | 'stopping' = 'starting';
  let inFlight = 0;
  let url = '';

  const stores = options.stores ?? (await createStores(config, logger));
  const { bot, conversationState, conversation } = createBotCore(config, logger, stores, options.now);
  const adapter = createAdapter(config, options.auth);
  installTurnErrorHandler(adapter, conversationState, logger);
  const turns = new KeyedQueue();

  const server = createServer(logger, {
    ready: () => phase === 'ready',
    details: () => ({ version, store: stores.kind, phase }),
  });

  // Hand-off (src/handoff): the main dialog's starter, interceptors before the dialogs, transcript logger and
  // proactive messages on the adapter, the agents' HTTP API and the timeout sweep.
  const handoff = createHandoff({ config, logger, stores, conversationState, now: options.now });
  conversation.setHandoff(handoff.starter);
  // "forget me" also withdraws and scrubs this conversation's hand-off requests (the reply says so when one was open).
  conversation.onForget(async ({ activity }) => {
    await handoff.transcripts.delete(activity.channelId, activity.conversation?.id);
    return handoff.service.forgetConversation(activity.channelId, activity.conversation?.id);
  });
  for (const interceptor of handoff.interceptors) bot.addInterceptor(interceptor);
  handoff.attach(adapter, server);

  // Per conversation, not per client: behind Azure Bot Service every user arrives from the same few addresses.
  const perMinute = config.TURNS_PER_MINUTE_PER_CONVERSATION;
  const turnLimit: restify.RequestHandler[] =
    perMinute > 0 ? [rateLimit({ perMinute, burst: Math.max(10, Math.ceil(perMinute / 10)), key: conversationKey, scope: 'turns' })] : [];

  server.post('/api/messages', ...turnLimit, async (req: restify.Request, res: restify.Response) => {
    if (phase !== 'ready') throw new HttpError('NOT_READY');
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      throw new HttpError('BAD_ACTIVITY', 'Send one activity as a JSON object (Content-Type: application/json).');
    }
    sanitizeActivity(req.body);
    const problem = activityProblem(req.body);
    if (problem) throw new HttpError('BAD_ACTIVITY', problem);
    inFlight++;
    try {
      await adapter.process(req, res, (context) => turns.run(context.activity.conversation.id, () => bot.run(context)));
    } finally {
      inFlight--;
    }
  });

  // The help-center page and its chat: Azure Direct Line when a secret is set, else the embedded Direct Line
  // service, which hands each message to /api/messages like any channel and is the bot's serviceUrl.
  if (config.MicrosoftAppId && !config.DIRECT_LINE_SECRET) {
    logger.warn('MicrosoftAppId is set without DIRECT_LINE_SECRET: the embedded web chat cannot authenticate; set DIRECT_LINE_SECRET');
  }
  const directLine = registerDirectLine(server, {
    config,
    logger,
    baseUrl: () => url,
    bot: { id: config.MicrosoftAppId || 'action-recert-bot', name: 'ACTION help desk' },
    deliver: async (activity) => {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(activity),
      });
      if (!res.ok) throw new Error(`bot answered ${res.status}`);
    },
  });
  registerWebPage(server, { connectOrigins: directLine.connectOrigins, links: linksOf(config) });

  await conversation.warmUp?.();

  return {
    server,
    stores,
    bot,
    adapter,
    handoff,
    baseUrl: () => url,
    async listen(port = config.PORT, host = config.HOST) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${address.port}`;
      phase = 'ready';
      return url;
    },
    async close() {
      if (phase === 'stopping') return;
      phase = 'stopping';
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + (options.drainMs ?? 10_000);
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      if (inFlight > 0) logger.warn({ inFlight }, 'closing with turns still in flight');
      // Open chat streams (WebSockets, upgraded out of the HTTP server's reach) and keep-alive sockets (Direct Line
      // polling, channels) would hold the server open: turns are done, drop them.
      directLine.close();
      server.server.closeAllConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
      await handoff.close();
      if (!options.stores) await stores.close();
    },
  };
}
