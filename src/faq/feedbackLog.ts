// What trainers found helpful and what the bot could not answer, kept for `npm run report`.
// Records live under their own keys with a retention TTL and are listed by iterating the namespace (the
// memory, SQLite and Redis stores all iterate). Recording is one write: an earlier shared per-day index key
// was read and rewritten whole on every answer, so its cost grew with the day's traffic and serialised turns.
import { randomUUID } from 'node:crypto';
import type { Keyv } from 'keyv';
import { hashId } from '../logger';
import type { Band, Candidate } from './engine';

const DAY_MS = 24 * 60 * 60 * 1000;

export type FeedbackRecord =
  | { type: 'answered'; at: string; conversation?: string; entryId: string; score?: number }
  | { type: 'feedback'; at: string; conversation?: string; entryId: string; helpful: boolean }
  | { type: 'miss'; at: string; conversation?: string; question: string; band: Band | 'declined' | 'none_of_these'; candidates: Candidate[] };

export interface FeedbackSummary {
  answered: number;
  unanswered: number;
  helpful: number;
  notHelpful: number;
  /** helpful / (helpful + notHelpful), undefined without feedback */
  helpfulRate?: number;
  topUnanswered: { question: string; count: number }[];
  notHelpfulEntries: { entryId: string; count: number }[];
}

const RECORD_PREFIX = 'rec:';
const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

export class FeedbackLog {
  private readonly ttlMs: number;

  constructor(
    private readonly keyv: Keyv,
    private readonly retentionDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ttlMs = retentionDays * DAY_MS;
  }

  recordAnswer(input: { conversationId?: string; entryId: string; score?: number }): Promise<void> {
    return this.add({ type: 'answered', at: '', conversation: hashId(input.conversationId), entryId: input.entryId, score: input.score });
  }

  recordFeedback(input: { conversationId?: string; entryId: string; helpful: boolean }): Promise<void> {
    return this.add({ type: 'feedback', at: '', conversation: hashId(input.conversationId), entryId: input.entryId, helpful: input.helpful });
  }

  recordMiss(input: {
    conversationId?: string;
    question: string;
    candidates: Candidate[];
    band: Band | 'declined' | 'none_of_these';
  }): Promise<void> {
    return this.add({
      type: 'miss',
      at: '',
      conversation: hashId(input.conversationId),
      question: input.question.slice(0, 500),
      band: input.band,
      candidates: input.candidates.slice(0, 3),
    });
  }

  /** Every record still within retention (by day, as recorded), oldest first. */
  async list(): Promise<FeedbackRecord[]> {
    if (!this.keyv.iterator) throw new Error('The feedback log needs a store that can list its keys (memory, SQLite or Redis)');
    const today = this.now();
    const first = dayOf(new Date(today.getTime() - Math.ceil(this.retentionDays) * DAY_MS));
    const last = dayOf(today);
    const records: FeedbackRecord[] = [];
    for await (const [key, value] of this.keyv.iterator(undefined)) {
      if (!String(key).startsWith(RECORD_PREFIX) || !value) continue;
      const day = String((value as FeedbackRecord).at).slice(0, 10);
      if (day >= first && day <= last) records.push(value as FeedbackRecord);
    }
    return records.sort((a, b) => a.at.localeCompare(b.at));
  }

  async summary(top = 10): Promise<FeedbackSummary> {
    const records = await this.list();
    const misses = new Map<string, number>();
    const notHelpful = new Map<string, number>();
    let answered = 0;
    let helpful = 0;
    let unhelpful = 0;
    for (const r of records) {
      if (r.type === 'answered') answered++;
      else if (r.type === 'feedback') {
        if (r.helpful) helpful++;
        else {
          unhelpful++;
          notHelpful.set(r.entryId, (notHelpful.get(r.entryId) ?? 0) + 1);
        }
      } else {
        const q = r.question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
        misses.set(q, (misses.get(q) ?? 0) + 1);
      }
    }
    const sortDesc = <K>(m: Map<K, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
    return {
      answered,
      unanswered: [...misses.values()].reduce((a, b) => a + b, 0),
      helpful,
      notHelpful: unhelpful,
      helpfulRate: helpful + unhelpful > 0 ? helpful / (helpful + unhelpful) : undefined,
      topUnanswered: sortDesc(misses).map(([question, count]) => ({ question, count })),
      notHelpfulEntries: sortDesc(notHelpful).map(([entryId, count]) => ({ entryId, count })),
    };
  }

  private async add(record: FeedbackRecord): Promise<void> {
    const stored = { ...record, at: this.now().toISOString() } as FeedbackRecord;
    await this.keyv.set(`${RECORD_PREFIX}${randomUUID()}`, stored, this.ttlMs);
  }
}
