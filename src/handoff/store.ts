// Hand-off requests in the bot's Storage, where writes carry eTags: every change is read → change → write
// with the read eTag, retried on conflict. That makes a claim atomic even across app instances on Redis
// (the loser re-reads, sees the request taken, and gets a conflict). The queue index is a keyv namespace, one key per request.
import { randomInt } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';
import type { Keyv } from 'keyv';
import { handoffRequestSchema, type HandoffRequest, type HandoffStatus } from './types';

const REQUEST_PREFIX = 'handoff/requests/';
const MAX_ATTEMPTS = 20;
const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no look-alikes: agents type these in Teams

export class NotFound extends Error {}

/** Thrown by a change function to refuse a change (e.g. the request is already claimed). */
export class Refused extends Error {
  constructor(
    readonly reason: 'not-waiting' | 'not-active' | 'not-yours' | 'closed',
    message: string,
    /** How a closed request ended, so the agent API can say it (e.g. withdrawn by the trainer). */
    readonly outcome?: 'resolved' | 'cancelled' | 'failed' | 'withdrawn',
  ) {
    super(message);
  }
}

export function newRequestId(): string {
  let id = 'h';
  for (let i = 0; i < 7; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

export function isConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/i.test(error.message);
}

export class HandoffStore {
  constructor(
    private readonly storage: Storage,
    /** keyv namespace listing every request id (iterated for the queue). */
    private readonly index: Keyv,
    /** How long resolved requests are kept before the index prunes them. */
    private readonly retentionMs: number,
  ) {}

  async get(id: string): Promise<HandoffRequest | undefined> {
    if (!/^[a-z0-9]{1,32}$/.test(id)) return undefined;
    const items = await this.storage.read([REQUEST_PREFIX + id]);
    const item = items[REQUEST_PREFIX + id];
    return item ? parse(item) : undefined;
  }

  /** Stores a new request and adds it to the queue index. */
  async create(request: HandoffRequest): Promise<void> {
    // A fresh random id: a conditional write is not needed, a collision is checked instead.
    if (await this.get(request.id)) throw new Error('hand-off id collision');
    await this.storage.write({ [REQUEST_PREFIX + request.id]: { ...request, eTag: '*' } });
    // One index key per request: no shared document for concurrent creators to fight over.
    await this.index.set(request.id, { createdAt: request.createdAt });
  }

  /**
   * Applies `change` atomically: re-reads and re-applies on an eTag conflict. `change` may throw Refused.
   * Returns the request before and after.
   */
  async update(id: string, change: (request: HandoffRequest) => HandoffRequest): Promise<{ before: HandoffRequest; after: HandoffRequest }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const key = REQUEST_PREFIX + id;
      const item = (await this.storage.read([key]))[key];
      if (!item) throw new NotFound(`no hand-off request ${id}`);
      const before = parse(item);
      const after = change(structuredClone(before));
      try {
        await this.storage.write({ [key]: { ...after, eTag: item.eTag } });
        return { before, after };
      } catch (error) {
        if (!isConflict(error)) throw error;
        await backoff(attempt);
      }
    }
    throw new Error(`hand-off ${id}: too many concurrent changes`);
  }

  /** Requests with the status (all when omitted), oldest first. */
  async list(status?: HandoffStatus): Promise<HandoffRequest[]> {
    const ids: string[] = [];
    for await (const [id] of this.index.iterator!(undefined)) ids.push(String(id));
    if (ids.length === 0) return [];
    const keys = ids.map((id) => REQUEST_PREFIX + id);
    const items = await this.storage.read(keys);
    return keys
      .map((k) => items[k])
      .filter((item): item is StoreItem => !!item)
      .map(parse)
      .filter((r) => !status || r.status === status)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.queuedAt - b.queuedAt || a.id.localeCompare(b.id));
  }

  /** Drops resolved requests older than the retention period (index entry and record). */
  async prune(now: Date): Promise<number> {
    const cutoff = now.getTime() - this.retentionMs;
    const old = (await this.list('resolved')).filter((r) => Date.parse(r.resolvedAt ?? r.createdAt) < cutoff);
    if (old.length === 0) return 0;
    await this.storage.delete(old.map((r) => REQUEST_PREFIX + r.id));
    await Promise.all(old.map((r) => this.index.delete(r.id)));
    return old.length;
  }
}

function parse(item: StoreItem): HandoffRequest {
  const { eTag: _eTag, ...rest } = item;
  return handoffRequestSchema.parse(rest);
}

function backoff(attempt: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.min(50, 2 + attempt * 3) + randomInt(5)));
}
