// Per-key token buckets and a restify middleware that answers 429 + Retry-After when a key runs dry.
// Used per conversation and per client on the public endpoints (/api/messages, local Direct Line, agent API).
// In memory and per process: a limit protects this instance, it is not a global quota.
import type restify from 'restify';
import { HttpError } from './errors';

export interface RateLimitOptions {
  /** Requests a key may make at once (the bucket size). */
  burst: number;
  /** Sustained requests per minute a key may make (the refill rate). */
  perMinute: number;
  /** Keys kept; the least recently used are forgotten first (an attacker cycling keys cannot grow memory). */
  maxKeys?: number;
  now?: () => number;
}

export interface Decision {
  allowed: boolean;
  /** Whole seconds until one request is allowed again (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    if (!(options.burst >= 1) || !(options.perMinute > 0)) throw new Error('rate limit needs burst >= 1 and perMinute > 0');
    this.perMs = options.perMinute / 60_000;
    this.maxKeys = options.maxKeys ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  take(key: string, cost = 1): Decision {
    const now = this.now();
    const bucket = this.buckets.get(key);
    let tokens = this.options.burst;
    if (bucket) {
      tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.at) * this.perMs);
      this.buckets.delete(key); // re-inserted below: Map order is then least recently used first
    } else if (this.buckets.size >= this.maxKeys) {
      this.buckets.delete(this.buckets.keys().next().value as string);
    }
    const allowed = tokens >= cost;
    if (allowed) tokens -= cost;
    this.buckets.set(key, { tokens, at: now });
    const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((cost - tokens) / this.perMs / 1000));
    return { allowed, retryAfterSeconds, remaining: Math.floor(tokens) };
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** The caller's address. X-Forwarded-For is not trusted: any client could set it to dodge its limit. */
export function clientKey(req: restify.Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}

/** The conversation id of a Bot Framework activity body, if any. */
export function conversationKey(req: restify.Request): string | undefined {
  const body = req.body as { conversation?: { id?: unknown } } | undefined;
  const id = body?.conversation?.id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

export interface RateLimitMiddlewareOptions extends RateLimitOptions {
  /** Which bucket a request draws from; undefined skips the limit (e.g. no conversation id yet). */
  key: (req: restify.Request) => string | undefined;
  /** Prefix so two limits sharing a limiter never share buckets. */
  scope?: string;
}

/**
 * A restify handler for a route chain or server.use():
 *   server.post('/x', rateLimit({ burst: 10, perMinute: 60, key: clientKey }), handler)
 * A request over the limit gets 429 RATE_LIMITED with Retry-After (seconds) and never reaches the handler.
 */
export function rateLimit(options: RateLimitMiddlewareOptions): restify.RequestHandler & { limiter: RateLimiter } {
  const limiter = new RateLimiter(options);
  const prefix = options.scope ? `${options.scope}:` : '';
  const handler = (req: restify.Request, _res: restify.Response, next: restify.Next): void => {
    const key = options.key(req);
    if (key === undefined) return next();
    const decision = limiter.take(prefix + key);
    if (decision.allowed) return next();
    next(new HttpError('RATE_LIMITED', undefined, { 'Retry-After': String(decision.retryAfterSeconds) }));
  };
  return Object.assign(handler, { limiter });
}
