// A real restify server with the embedded Direct Line and an echo bot (CloudAdapter + ActivityHandler),
// wired the way the app wires it: deliver() POSTs to the server's own /api/messages.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
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

/** What a browser does with a Direct Line streamUrl: a WebSocket (handshake, unmasked server frames). */
export interface StreamClient {
  /** The 101 response, or the refusal's status line. */
  status: number;
  /** Activity groups received so far. */
  groups: Array<{ activities: Partial<Activity>[]; watermark: string }>;
  waitFor(predicate: (a: Partial<Activity>) => boolean, timeoutMs?: number): Promise<Partial<Activity>>;
  /** Resolves with the close code once the server closes the stream. */
  closed: Promise<number | undefined>;
  /** Sends a masked frame, as a browser does (opcode 1 = text, 8 = close, 9 = ping). */
  sendFrame(opcode: number, payload?: Buffer): void;
  pongs: Buffer[];
  destroy(): void;
}

export function openStream(streamUrl: string): Promise<StreamClient> {
  const url = new URL(streamUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64') },
    });
    req.on('error', reject);
    // A refusal is a plain HTTP response.
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, groups: [], pongs: [], closed: Promise.resolve(undefined), waitFor: () => Promise.reject(new Error('refused')), sendFrame: () => undefined, destroy: () => undefined });
    });
    req.on('upgrade', (res, socket: Socket, head: Buffer) => {
      const groups: StreamClient['groups'] = [];
      const pongs: Buffer[] = [];
      let pending = head;
      let onClose: (code: number | undefined) => void = () => undefined;
      const closed = new Promise<number | undefined>((r) => (onClose = r));
      const read = (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 2) {
          const opcode = pending[0]! & 0x0f;
          let length = pending[1]! & 0x7f;
          let offset = 2;
          if (length === 126) [length, offset] = [pending.readUInt16BE(2), 4];
          else if (length === 127) [length, offset] = [Number(pending.readBigUInt64BE(2)), 10];
          if (pending.length < offset + length) return;
          const payload = pending.subarray(offset, offset + length);
          pending = pending.subarray(offset + length);
          if (opcode === 0x1) groups.push(JSON.parse(payload.toString('utf8')));
          if (opcode === 0xa) pongs.push(Buffer.from(payload));
          if (opcode === 0x8) onClose(payload.length >= 2 ? payload.readUInt16BE(0) : undefined);
        }
      };
      // Frames sent right after the handshake may already be in `head`.
      read(Buffer.alloc(0));
      socket.on('data', read);
      socket.on('close', () => onClose(undefined));
      const sendFrame = (opcode: number, payload: Buffer = Buffer.alloc(0)) => {
        const mask = randomBytes(4);
        const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
        const header = payload.length < 126 ? Buffer.from([0x80 | opcode, 0x80 | payload.length]) : Buffer.from([0x80 | opcode, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
        socket.write(Buffer.concat([header, mask, masked]));
      };
      resolve({
        status: res.statusCode ?? 101,
        groups,
        pongs,
        closed,
        sendFrame,
        destroy: () => socket.destroy(),
        async waitFor(predicate, timeoutMs = 3000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const found = groups.flatMap((g) => g.activities).find(predicate);
            if (found) return found;
            if (Date.now() > deadline) throw new Error('activity never arrived on the stream');
            await new Promise((r) => setTimeout(r, 10));
          }
        },
      });
    });
    req.end();
  });
}
