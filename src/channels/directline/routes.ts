// The embedded Direct Line 3.0 service (what botframework-directlinejs calls: REST, and the activity stream
// over a WebSocket, or polling) and the connector routes the bot replies to (its serviceUrl). With
// DIRECT_LINE_SECRET set, only the token exchange with Azure is mounted and the page talks to Azure instead.
import { clientKey, rateLimit } from '../../rateLimit';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity } from 'botbuilder';
import type restify from 'restify';
import type { Config } from '../../config';
import { HttpError } from '../../errors';
import { hashId, type Logger } from '../../logger';
import { AZURE_DIRECT_LINE, exchangeSecret, newUserId, UpstreamError } from './azure';
import { botActivitySchema, firstProblem, MAX_USER_ACTIVITY_BYTES, userActivitySchema } from './schemas';
import { ConversationStore, type Conversation } from './store';
import { bearerToken, createTokenSigner, type TokenClaims } from './token';
import { acceptWebSocket, refuseUpgrade, type StreamSocket } from './webSocket';

export const DIRECT_LINE_PATH = '/directline';
export const TOKEN_PATH = '/api/directline/token';

export interface DirectLineOptions {
  config: Pick<Config, 'DIRECT_LINE_SECRET' | 'DIRECT_LINE_ENDPOINT'> & { DIRECT_LINE_IDLE_MINUTES?: number };
  logger: Logger;
  /** Hands a user activity to the bot (the app POSTs it to its own /api/messages). */
  deliver: (activity: Activity) => Promise<void>;
  /** The server's own base URL (http://host:port), known once it listens. */
  baseUrl: () => string;
  bot?: { id: string; name: string };
  idleMinutes?: number;
  maxConversations?: number;
  maxActivitiesPerConversation?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

export interface DirectLineService {
  /** 'azure' when a secret is configured, else 'embedded'. */
  mode: 'azure' | 'embedded';
  /** The bot's serviceUrl for embedded conversations (for proactive messages). */
  serviceUrl(): string;
  /** Origins the page must be allowed to connect to (CSP connect-src), beyond 'self'. */
  connectOrigins: string[];
  store?: ConversationStore;
  close(): void;
}

const TOKEN_TTL_MS = 30 * 60 * 1000;
/** A stream URL is used right after it is issued; a reconnect asks for a new one. */
const STREAM_TOKEN_TTL_MS = 2 * 60 * 1000;
/** Streams one conversation may hold open (several tabs); the oldest is closed beyond that. */
const MAX_STREAMS_PER_CONVERSATION = 4;
const STREAM_PATH = /^\/directline\/conversations\/([^/?]+)\/stream(?:\?|$)/;
const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

const firstValue = (header: string | string[] | undefined): string | undefined =>
  (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim() || undefined;

/**
 * ws(s)://host as the browser reached us (through a proxy too). A WebSocket URL must be absolute for
 * older browsers, so unlike the REST domain it cannot stay relative; a malformed host falls back to our own.
 */
function streamOrigin(req: IncomingMessage, fallback: string): string {
  const host = firstValue(req.headers['x-forwarded-host']) ?? firstValue(req.headers.host);
  const proto = firstValue(req.headers['x-forwarded-proto']) ?? ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  if (!host || !HOST.test(host)) return fallback.replace(/^http/, 'ws');
  return `${proto === 'https' ? 'wss' : 'ws'}://${host}`;
}

type Req = restify.Request;
type Res = restify.Response;

export function registerDirectLine(server: restify.Server, opts: DirectLineOptions): DirectLineService {
  const { config, logger } = opts;
  const now = opts.now ?? Date.now;

  if (config.DIRECT_LINE_SECRET) {
    const secret = config.DIRECT_LINE_SECRET;
    const endpoint = config.DIRECT_LINE_ENDPOINT || AZURE_DIRECT_LINE;
    server.post(TOKEN_PATH, async (_req: Req, res: Res) => {
      try {
        const grant = await exchangeSecret(secret, endpoint, opts.fetch);
        res.header('Cache-Control', 'no-store');
        res.send(200, grant);
      } catch (err) {
        if (!(err instanceof UpstreamError)) throw err;
        logger.warn({ err: err.message }, 'direct line token exchange failed');
        res.send(502, { code: 'UPSTREAM', message: 'The chat service is unavailable; please try again later.' });
      }
    });
    const origin = new URL(endpoint);
    const wsOrigin = `${origin.protocol === 'http:' ? 'ws:' : 'wss:'}//${origin.host}`;
    return { mode: 'azure', serviceUrl: () => '', connectOrigins: [origin.origin, wsOrigin], close: () => undefined };
  }

  const idleMinutes = opts.idleMinutes ?? config.DIRECT_LINE_IDLE_MINUTES ?? 30;
  const store = new ConversationStore(
    {
      idleMs: idleMinutes * 60_000,
      maxConversations: opts.maxConversations ?? 10_000,
      maxActivitiesPerConversation: opts.maxActivitiesPerConversation ?? 500,
    },
    now,
  );
  const signer = createTokenSigner();
  const bot = opts.bot ?? { id: 'action-recert-bot', name: 'ACTION help desk' };
  // The bot's connector routes carry an unguessable key: only our own bot knows its serviceUrl.
  const botKey = randomBytes(18).toString('base64url');
  const serviceUrl = (): string => `${opts.baseUrl().replace(/\/+$/, '')}${DIRECT_LINE_PATH}/bot/${botKey}`;
  const tokenTtl = Math.min(TOKEN_TTL_MS, idleMinutes * 60_000);

  // Open activity streams per conversation, each with the last watermark it was sent.
  const streams = new Map<string, Set<{ socket: StreamSocket; sent: number }>>();
  const streamUrl = (req: IncomingMessage, claims: Omit<TokenClaims, 'expiresAt'>, watermark?: string): string => {
    const token = signer.sign({ ...claims, expiresAt: now() + STREAM_TOKEN_TTL_MS });
    const query = new URLSearchParams({ t: token });
    if (watermark && /^\d{1,12}$/.test(watermark)) query.set('watermark', watermark);
    const base = opts.baseUrl().replace(/\/+$/, '');
    return `${streamOrigin(req, base)}${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(claims.conversationId)}/stream?${query}`;
  };
  /** Sends every open stream of the conversation what it has not had yet. */
  const push = (conversation: Conversation): void => {
    for (const stream of streams.get(conversation.id) ?? []) {
      const group = store.since(conversation, String(stream.sent));
      if (group.activities.length === 0) continue;
      stream.socket.send(JSON.stringify(group));
      stream.sent = Number(group.watermark);
    }
  };
  const closeStreams = (conversationId: string): void => {
    for (const stream of streams.get(conversationId) ?? []) stream.socket.close(1000);
    streams.delete(conversationId);
  };

  const grant = (claims: Omit<TokenClaims, 'expiresAt'>) => ({
    conversationId: claims.conversationId,
    token: signer.sign({ ...claims, expiresAt: now() + tokenTtl }),
    expires_in: Math.floor(tokenTtl / 1000),
  });

  /** The caller's claims; 403 (the client's "token expired, refresh") when invalid or for another conversation. */
  const authorize = (req: Req, conversationId?: string): TokenClaims => {
    const token = bearerToken(req.header('authorization'));
    if (!token) throw new HttpError('UNAUTHORIZED');
    const claims = signer.verify(token, now());
    if (!claims) throw new HttpError('FORBIDDEN', 'The token is invalid or expired.');
    if (conversationId !== undefined && claims.conversationId !== conversationId) {
      throw new HttpError('FORBIDDEN', 'The token is for another conversation.');
    }
    return claims;
  };

  const liveConversation = (id: string) => {
    const conversation = store.get(id);
    if (!conversation) throw new HttpError('NOT_FOUND', 'The conversation has ended or expired.');
    return conversation;
  };

  const stamp = (conversationId: string, activity: Partial<Activity>): Partial<Activity> => ({
    ...activity,
    channelId: 'webchat',
    conversation: { id: conversationId } as Activity['conversation'],
    serviceUrl: serviceUrl(),
    timestamp: new Date(now()),
  });

  const nextId = (conversation: Conversation): string =>
    `${conversation.id}-${String(conversation.nextWatermark).padStart(7, '0')}`;

  const handOver = async (activity: Partial<Activity>): Promise<void> => {
    await opts.deliver(activity as Activity);
  };

  // Public endpoints: new tokens and conversations are limited per client address (generously: many trainers
  // can share one office address), traffic of a conversation per conversation (Web Chat polls about once a
  // second, hence the larger read budget).
  const perClient = rateLimit({ burst: 100, perMinute: 300, key: clientKey, scope: 'dl-client' });
  const conversationOf = (req: Req): string | undefined => req.params?.conversationId;
  const perConversationPost = rateLimit({ burst: 20, perMinute: 60, key: conversationOf, scope: 'dl-post' });
  const perConversationPoll = rateLimit({ burst: 60, perMinute: 300, key: conversationOf, scope: 'dl-poll' });

  // --- token for the page (the embedded equivalent of Azure's tokens/generate) ---
  server.post(TOKEN_PATH, perClient, async (_req: Req, res: Res) => {
    const conversationId = randomBytes(16).toString('base64url');
    const userId = newUserId('u_');
    res.header('Cache-Control', 'no-store');
    res.send(200, {
      ...grant({ conversationId, userId }),
      expiresIn: Math.floor(tokenTtl / 1000),
      userId,
      // Relative: the page resolves it against its own origin, whatever host or proxy it was reached through.
      domain: DIRECT_LINE_PATH,
      webSocket: true,
    });
  });

  // --- Direct Line 3.0, as botframework-directlinejs uses it ---
  server.post(`${DIRECT_LINE_PATH}/conversations`, perClient, async (req: Req, res: Res) => {
    const claims = authorize(req);
    const opened = store.open(claims.conversationId, claims.userId);
    if (!opened) throw new HttpError('RATE_LIMITED', 'Too many conversations are open; please try again later.');
    res.header('Cache-Control', 'no-store');
    res.send(opened.created ? 201 : 200, { ...grant(claims), streamUrl: streamUrl(req, claims) });
    if (!opened.created) return;
    logger.debug({ conversation: hashId(claims.conversationId) }, 'direct line conversation started');
    // As Direct Line does: tell the bot who joined, so it can greet.
    const update = stamp(claims.conversationId, {
      type: 'conversationUpdate',
      id: `${claims.conversationId}-start`,
      from: { id: claims.userId, role: 'user' } as Activity['from'],
      recipient: { ...bot, role: 'bot' } as Activity['recipient'],
      membersAdded: [{ id: bot.id, name: bot.name }, { id: claims.userId }] as Activity['membersAdded'],
    });
    handOver(update).catch((err: Error) =>
      logger.warn({ conversation: hashId(claims.conversationId), err: err.message }, 'bot did not take the conversation start'),
    );
  });

  // Reconnect: the page reloaded (or the token was renewed) and resumes this conversation.
  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Req, res: Res) => {
    const claims = authorize(req, req.params.conversationId);
    liveConversation(claims.conversationId);
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    res.header('Cache-Control', 'no-store');
    res.send(200, { ...grant(claims), streamUrl: streamUrl(req, claims, watermark) });
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, perConversationPoll, async (req: Req, res: Res) => {
    const claims = authorize(req, req.params.conversationId);
    const conversation = liveConversation(claims.conversationId);
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    res.header('Cache-Control', 'no-store');
    res.send(200, store.since(conversation, watermark));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, perConversationPost, async (req: Req, res: Res) => {
    const claims = authorize(req, req.params.conversationId);
    const size = Number(req.header('content-length') ?? Buffer.byteLength(JSON.stringify(req.body ?? {})));
    if (size > MAX_USER_ACTIVITY_BYTES) throw new HttpError('BODY_TOO_LARGE');
    const parsed = userActivitySchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError('BAD_ACTIVITY', firstProblem(parsed.error));
    const conversation = liveConversation(claims.conversationId);
    const { from, ...fields } = parsed.data;
    const activity = stamp(conversation.id, {
      ...(fields as Partial<Activity>),
      id: nextId(conversation),
      // Who speaks is decided by the token, never by the body.
      from: { id: claims.userId, name: from?.name, role: 'user' } as Activity['from'],
      recipient: { ...bot, role: 'bot' } as Activity['recipient'],
    });
    store.append(conversation, activity);
    push(conversation);
    try {
      await handOver(activity);
    } catch (err) {
      logger.warn({ conversation: hashId(conversation.id), err: (err as Error).message }, 'bot did not take an activity');
      res.send(502, { code: 'BOT_UNAVAILABLE', message: 'The bot could not take the message; please try again.' });
      return;
    }
    res.send(200, { id: activity.id });
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, perClient, async (req: Req, res: Res) => {
    const claims = authorize(req);
    liveConversation(claims.conversationId);
    res.header('Cache-Control', 'no-store');
    res.send(200, grant(claims));
  });

  // --- connector routes: the bot's replies, updates, deletes and proactive messages ---
  const connector = `${DIRECT_LINE_PATH}/bot/:botKey/v3/conversations/:conversationId/activities`;
  const checkBotKey = (req: Req): void => {
    const given = Buffer.from(String(req.params.botKey ?? ''));
    const expected = Buffer.from(botKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError('NOT_FOUND');
  };
  const botActivity = (req: Req): Partial<Activity> => {
    const parsed = botActivitySchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError('BAD_ACTIVITY', firstProblem(parsed.error));
    return parsed.data as unknown as Partial<Activity>;
  };

  const postFromBot = async (req: Req, res: Res) => {
    checkBotKey(req);
    const incoming = botActivity(req);
    const conversation = liveConversation(req.params.conversationId);
    // As Azure Direct Line does, trace activities stay between bot and developer tools.
    if (incoming.type === 'trace') {
      res.send(200, { id: `${conversation.id}-trace` });
      return;
    }
    const activity = stamp(conversation.id, {
      ...incoming,
      id: nextId(conversation),
      from: { ...bot, ...(incoming.from ?? {}), role: 'bot' } as Activity['from'],
      recipient: { id: conversation.userId, role: 'user' } as Activity['recipient'],
      replyToId: req.params.activityId ?? incoming.replyToId,
    });
    store.append(conversation, activity);
    push(conversation);
    res.send(200, { id: activity.id });
  };
  server.post(connector, postFromBot);
  server.post(`${connector}/:activityId`, postFromBot);

  server.put(`${connector}/:activityId`, async (req: Req, res: Res) => {
    checkBotKey(req);
    const incoming = botActivity(req);
    const conversation = liveConversation(req.params.conversationId);
    const previous = conversation.history.find((h) => h.activity.id === req.params.activityId)?.activity;
    if (!previous) throw new HttpError('NOT_FOUND', 'No such activity.');
    store.update(conversation, req.params.activityId, stamp(conversation.id, { ...previous, ...incoming }));
    push(conversation);
    res.send(200, { id: req.params.activityId });
  });

  server.del(`${connector}/:activityId`, async (req: Req, res: Res) => {
    checkBotKey(req);
    const conversation = liveConversation(req.params.conversationId);
    if (!store.remove(conversation, req.params.activityId)) throw new HttpError('NOT_FOUND', 'No such activity.');
    res.send(200, {});
  });

  // --- the activity stream: a WebSocket per open page, authorised by the token in its URL ---
  const upgrade = (req: IncomingMessage, socket: Duplex): void => {
    const match = STREAM_PATH.exec(req.url ?? '');
    if (!match) {
      // Not ours: leave it to another listener if there is one (restify proxies the event to its own emitter).
      if (server.listenerCount('upgrade') === 1 && server.server.listenerCount('upgrade') === 1) refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    const conversationId = decodeURIComponent(match[1]!);
    const query = new URL(req.url ?? '', 'http://stream').searchParams;
    const claims = signer.verify(query.get('t') ?? '', now());
    if (!claims || claims.conversationId !== conversationId) return refuseUpgrade(socket, 403, 'Forbidden');
    // An expired conversation: the client's reconnect then gets the 404 that tells it the chat has ended.
    const conversation = store.get(conversationId);
    if (!conversation) return refuseUpgrade(socket, 404, 'Not Found');
    const open = streams.get(conversationId) ?? new Set();
    const stream = { socket: undefined as unknown as StreamSocket, sent: Number.parseInt(query.get('watermark') ?? '', 10) || 0 };
    const socket$ = acceptWebSocket(req, socket, () => {
      open.delete(stream);
      if (open.size === 0 && streams.get(conversationId) === open) streams.delete(conversationId);
    });
    if (!socket$) return;
    stream.socket = socket$;
    if (open.size >= MAX_STREAMS_PER_CONVERSATION) [...open][0]!.socket.close(1008);
    open.add(stream);
    streams.set(conversationId, open);
    logger.debug({ conversation: hashId(conversationId) }, 'direct line stream opened');
    push(conversation);
  };
  server.on('upgrade', upgrade);

  const sweeper = setInterval(() => {
    const dropped = store.sweep();
    if (dropped) logger.debug({ dropped, open: store.size }, 'direct line conversations expired');
    for (const id of streams.keys()) if (!store.has(id)) closeStreams(id);
  }, Math.min(60_000, Math.max(1_000, (idleMinutes * 60_000) / 2)));
  sweeper.unref();

  return {
    mode: 'embedded',
    serviceUrl,
    connectOrigins: [],
    store,
    close: () => {
      clearInterval(sweeper);
      server.off('upgrade', upgrade);
      for (const id of [...streams.keys()]) closeStreams(id);
      store.clear();
    },
  };
}
