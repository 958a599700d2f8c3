// The agents' HTTP API (JSON, zod-validated, bearer AGENT_API_KEY compared in constant time).
// Without a configured key every route answers 401: the API is off, never open.
import { clientKey, rateLimit } from '../rateLimit';
import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import { z } from 'zod';
import { HttpError } from '../errors';
import type { HandoffService } from './service';
import { NotFound, Refused } from './store';
import { handoffStatuses, type HandoffRequest } from './types';

const MAX_WAIT_SECONDS = 25;

const idParams = z.object({ id: z.string().regex(/^[a-z0-9]{1,32}$/, 'expected a hand-off id') });
const listQuery = z.object({ status: z.enum(handoffStatuses).optional() });
const claimBody = z.object({ agentName: z.string().trim().min(1).max(80) });
const messageBody = z.object({ text: z.string().trim().min(1).max(4000) });
const messagesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  wait: z.coerce.number().min(0).max(MAX_WAIT_SECONDS).default(0),
});

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function isAuthorized(header: string | undefined, apiKey: string | undefined): boolean {
  if (!apiKey) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  // Digests have equal length, so timingSafeEqual never throws and the comparison leaks nothing.
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(apiKey)) && !!match;
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new HttpError('BAD_REQUEST', `${issue.path.join('.') || 'body'}: ${issue.message}`);
}

/** The list entry: enough to pick a request. */
function brief(request: HandoffRequest) {
  return {
    id: request.id,
    status: request.status,
    outcome: request.outcome,
    createdAt: request.createdAt,
    channelId: request.channelId,
    reason: request.summary.reason,
    question: request.summary.question,
    agent: request.agent?.name,
    followUp: request.followUp,
  };
}

/** The full view for an agent; the trainer's conversation reference stays internal. */
function detail(request: HandoffRequest) {
  const { trainer: _trainer, card: _card, toldPosition: _told, ...rest } = request;
  return rest;
}

function asHttpError(error: unknown): never {
  if (error instanceof NotFound) throw new HttpError('NOT_FOUND', 'No such hand-off request.');
  if (error instanceof Refused) throw new HttpError('CONFLICT', error.message);
  throw error;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return asHttpError(error);
  }
}

export function registerHandoffApi(server: restify.Server, service: HandoffService, apiKey: string | undefined): void {
  const auth = (req: restify.Request) => {
    if (!isAuthorized(req.header('authorization'), apiKey)) {
      throw new HttpError('UNAUTHORIZED', undefined, { 'WWW-Authenticate': 'Bearer realm="handoffs"' });
    }
  };
  const send = (res: restify.Response, status: number, body: unknown) => {
    res.header('Cache-Control', 'no-store');
    res.send(status, body);
  };
  // A write refused because the request is closed answers 409 with its outcome (the error body carries only code and
  // message), so an agent can tell "withdrawn by the trainer" from a resolve without another call.
  const write = async <T>(res: restify.Response, status: number, work: () => Promise<T>, view: (value: T) => unknown) => {
    let value: T;
    try {
      value = await work();
    } catch (error) {
      if (!(error instanceof Refused && error.outcome)) return asHttpError(error);
      send(res, 409, { code: 'CONFLICT', message: error.message, outcome: error.outcome });
      return;
    }
    send(res, status, view(value));
  };
  const found = async (id: string) => {
    const request = await service.get(id);
    if (!request) throw new HttpError('NOT_FOUND', 'No such hand-off request.');
    return request;
  };

  // Per client address, generous for a desk of agents behind one address; long-polls count once each.
  const perClient = rateLimit({ burst: 120, perMinute: 600, key: clientKey, scope: 'agent-api' });

  server.get('/api/handoffs', perClient, async (req: restify.Request, res: restify.Response) => {
    auth(req);
    const { status } = parse(listQuery, req.query);
    send(res, 200, { handoffs: (await service.list(status)).map(brief) });
  });

  server.get('/api/handoffs/:id', perClient, async (req: restify.Request, res: restify.Response) => {
    auth(req);
    const { id } = parse(idParams, req.params);
    send(res, 200, detail(await found(id)));
  });

  server.post('/api/handoffs/:id/claim', perClient, async (req: restify.Request, res: restify.Response) => {
    auth(req);
    const { id } = parse(idParams, req.params);
    const { agentName } = parse(claimBody, req.body);
    await write(res, 200, () => service.claim(id, { name: agentName, via: 'api' }), detail);
  });

  server.post('/api/handoffs/:id/messages', perClient, async (req: restify.Request, res: restify.Response) => {
    auth(req);
    const { id } = parse(idParams, req.params);
    const { text } = parse(messageBody, req.body);
    await write(res, 201, () => service.agentSays(id, text), (message) => message);
  });

  server.get('/api/handoffs/:id/messages', perClient, async (req: restify.Request, res: restify.Response) => {
    auth(req);
    const { id } = parse(idParams, req.params);
    const { after, wait } = parse(messagesQuery, req.query);
    await found(id);
    const { request, messages } = await guarded(() => service.trainerMessagesSince(id, after, wait * 1000));
    const cursor = messages.length ? messages[messages.length - 1].seq : after;
    // outcome tells a polling agent whether the trainer cancelled or the request was resolved.
    send(res, 200, { status: request.status, outcome: request.outcome, messages, cursor: String(cursor) });
  });

  server.post('/api/handoffs/:id/resolve', perClient, async (req: restify.Request, res: restify.Response) => {
    auth(req);
    const { id } = parse(idParams, req.params);
    await write(res, 200, () => service.resolve(id), detail);
  });
}
