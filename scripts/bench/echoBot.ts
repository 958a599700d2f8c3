// The baseline for the benchmark (and a stand-in for auth tests): the same restify server, body limit,
// activity validation, CloudAdapter and per-conversation turn queue as the real app, with a bot that only echoes.
import type { AddressInfo } from 'node:net';
import { ActivityHandler, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type restify from 'restify';
import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import { createAdapter } from '../../src/adapter';
import { createServer } from '../../src/server';
import { HttpError } from '../../src/errors';
import { activityProblem } from '../../src/activitySchema';
import { KeyedQueue } from '../../src/turnQueue';

export interface EchoApp {
  /** Turns the bot has run (tests check that refused requests never reach it). */
  turns(): number;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export function buildEchoApp(
  config: Config,
  logger: Logger,
  auth: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
  /** Another bot on the same stack (the benchmark's dialog floor); turns() then counts nothing. */
  other?: ActivityHandler,
): EchoApp {
  let turns = 0;
  const bot = other ?? new ActivityHandler();
  if (!other) {
    bot.onMessage(async (context, next) => {
      turns++;
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
  const adapter = createAdapter(config, auth);
  const queue = new KeyedQueue();
  const server = createServer(logger, { ready: () => true, details: () => ({ bot: 'echo' }) });
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const problem = activityProblem(req.body);
    if (problem) throw new HttpError('BAD_ACTIVITY', problem);
    await adapter.process(req, res, (context) => queue.run(context.activity.conversation.id, () => bot.run(context)));
  });
  return {
    turns: () => turns,
    async listen(port = 0, host = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      return `http://${host}:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
