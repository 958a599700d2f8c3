// botbuilder's TranscriptLogger over keyv: the last activities of each conversation, slimmed to what an
// agent needs (who, when, the words, which cards), kept for the retention period and then dropped by TTL.
// Registered on the adapter with `adapter.use(new TranscriptLoggerMiddleware(logger))`.
import { TranscriptLoggerMiddleware, type Activity, type TranscriptLogger, type TurnContext } from 'botbuilder';
import type { Keyv } from 'keyv';
import { hashId, type Logger } from '../logger';
import type { TranscriptEntry } from './types';

export const TRANSCRIPT_LIMIT = 50;
const MAX_TEXT = 2000;

export function transcriptKey(channelId: string | undefined, conversationId: string | undefined): string {
  return `${channelId ?? 'unknown'}/${conversationId ?? 'unknown'}`;
}

/** Only messages carry what an agent reads; typing, events and updates are left out. */
export function slimActivity(activity: Partial<Activity>, at: Date = new Date()): TranscriptEntry | undefined {
  if (activity.type !== 'message') return undefined;
  const role = activity.from?.role === 'bot' || activity.from?.role === 'skill' ? 'bot' : 'user';
  const entry: TranscriptEntry = {
    type: 'message',
    at: (activity.timestamp ? new Date(activity.timestamp) : at).toISOString(),
    role,
  };
  if (activity.from?.name) entry.name = activity.from.name;
  // A card sent alone (the path result on card channels) carries its headline in `summary`: the agent reads that.
  const words = typeof activity.text === 'string' && activity.text ? activity.text : typeof activity.summary === 'string' ? activity.summary : '';
  if (words) entry.text = words.slice(0, MAX_TEXT);
  // Channels may send anything here; a non-string would fail the request schema (and every queue listing) later.
  const cards = (activity.attachments ?? []).map((a) => a?.contentType).filter((t): t is string => typeof t === 'string' && t !== '');
  if (cards.length) entry.attachments = cards;
  if (!entry.text && !entry.attachments) return undefined;
  return entry;
}

export class KeyvTranscriptLogger implements TranscriptLogger {
  // Per-conversation chain: the middleware fires logActivity without awaiting, so appends must not interleave.
  private readonly tails = new Map<string, Promise<void>>();
  // Entries waiting for their conversation's next write. The middleware logs a turn's activities one after
  // another in the same tick, so they join one read-append-write instead of one each.
  private readonly batches = new Map<string, { entries: TranscriptEntry[]; written: Promise<void> }>();

  constructor(
    private readonly keyv: Keyv,
    private readonly retentionDays: number,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  logActivity(activity: Activity): Promise<void> {
    const entry = slimActivity(activity, this.now());
    if (!entry) return Promise.resolve();
    const key = transcriptKey(activity.channelId, activity.conversation?.id);
    const waiting = this.batches.get(key);
    if (waiting) {
      waiting.entries.push(entry);
      return waiting.written;
    }
    const entries = [entry];
    const written = this.chain(key, async () => {
      this.batches.delete(key); // from here on, new entries wait for the next write
      const list = ((await this.keyv.get<TranscriptEntry[]>(key)) ?? []).concat(entries).slice(-TRANSCRIPT_LIMIT);
      await this.keyv.set(key, list, this.retentionDays * 24 * 60 * 60 * 1000);
    }).catch((error: Error) => {
      this.logger.warn({ conversation: hashId(activity.conversation?.id), err: error.message }, 'transcript: write failed');
    });
    this.batches.set(key, { entries, written });
    return written;
  }

  /** The last `limit` entries, after this process's pending writes for the conversation. */
  async recent(channelId: string | undefined, conversationId: string | undefined, limit = TRANSCRIPT_LIMIT): Promise<TranscriptEntry[]> {
    const key = transcriptKey(channelId, conversationId);
    await (this.tails.get(key) ?? Promise.resolve());
    return ((await this.keyv.get<TranscriptEntry[]>(key)) ?? []).slice(-limit);
  }

  async delete(channelId: string | undefined, conversationId: string | undefined): Promise<void> {
    const key = transcriptKey(channelId, conversationId);
    await this.chain(key, async () => void (await this.keyv.delete(key)));
  }

  /** Resolves when every write queued so far has finished (shutdown waits for it before closing the store). */
  async settled(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  private chain(key: string, work: () => Promise<void>): Promise<void> {
    const run = (this.tails.get(key) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }
}

/**
 * botbuilder's middleware reads `activity.from.role` on every turn; the turns the adapter makes for
 * createConversationAsync (the support card) carry no `from`, so those are passed through unlogged.
 */
export class SafeTranscriptLoggerMiddleware extends TranscriptLoggerMiddleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!context.activity?.from) return next();
    // Replies leave with the bot's account but no role; mark them so agents read them as the bot's words.
    // Registered before the logger's own hook, so it runs first.
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      for (const activity of activities) if (activity.from && !activity.from.role) activity.from.role = 'bot';
      return nextSend();
    });
    return super.onTurn(context, next);
  }
}
