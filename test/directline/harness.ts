// A real restify server with the embedded Direct Line and an echo bot (CloudAdapter + ActivityHandler),
// wired the way the app wires it: deliver() POSTs to the server's own /api/messages.
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type Activity,
} from 'botbuilder';
import restify from 'restify';
import pino from 'pino';
import { createServer } from '../../src/server';
import { registerDirectLine, type DirectLineOptions, type DirectLineService } from '../../src/channels/directline';

export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity('Hello from the echo bot.');
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      if (text === 'card') {
        await context.sendActivity({
          attachments: [CardFactory.heroCard('A card', undefined, ['Yes', 'No'])],
        });
      } else if (text === 'buttons') {
        await context.sendActivity(MessageFactory.suggestedActions(['Red', 'Blue'], 'Pick a colour'));
      } else if (text === 'edit me') {
        const sent = await context.sendActivity('first version');
        await context.updateActivity({ ...MessageFactory.text('second version'), id: sent?.id });
      } else if (text === 'delete me') {
        const sent = await context.sendActivity('soon gone');
        if (sent?.id) await context.deleteActivity(sent.id);
      } else {
        await context.sendActivity(`echo: ${text}`);
      }
      await next();
    });
  }
}

export interface Harness {
  server: restify.Server;
  baseUrl: string;
  directLine: DirectLineService;
  adapter: CloudAdapter;
  delivered: Activity[];
  close(): Promise<void>;
}

export async function startHarness(
  overrides: Partial<DirectLineOptions> = {},
  extra?: (server: restify.Server, dl: DirectLineService) => void,
): Promise<Harness> {
  const logger = pino({ level: 'silent' });
  const server = createServer(logger, { ready: () => true, details: () => ({}) });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  let baseUrl = '';
  const delivered: Activity[] = [];
  const directLine = registerDirectLine(server, {
    config: { DIRECT_LINE_SECRET: undefined, DIRECT_LINE_ENDPOINT: undefined },
    logger,
    baseUrl: () => baseUrl,
    deliver: async (activity) => {
      delivered.push(activity);
      const response = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(activity),
      });
      if (!response.ok) throw new Error(`bot answered ${response.status}`);
    },
    ...overrides,
  });
  extra?.(server, directLine);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    baseUrl,
    directLine,
    adapter,
    delivered,
    close: async () => {
      directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
