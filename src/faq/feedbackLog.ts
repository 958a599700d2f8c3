// What trainers found helpful and what the bot could not answer, kept for `npm run report`.
// Records live under their own keys with a retention TTL; a per-day index key lists them, because
// keyv stores (memory / sqlite / redis) do not all support iteration.
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

const dayKey = (d: Date): string => `index:${d.toISOString().slice(0, 10)}`;

export class FeedbackLog {
  private readonly ttlMs: number;
  // Serialises index updates from this process (read-modify-write of the day's list).
  private chain: Promise<unknown> = Promise.resolve();

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

  /** Every record still within retention, oldest day first. */
  async list(): Promise<FeedbackRecord[]> {
    const today = this.now();
    const records: FeedbackRecord[] = [];
    for (let back = Math.ceil(this.retentionDays); back >= 0; back--) {
      const ids = ((await this.keyv.get(dayKey(new Date(today.getTime() - back * DAY_MS)))) as string[] | undefined) ?? [];
      const values = await Promise.all(ids.map((id) => this.keyv.get(`rec:${id}`) as Promise<FeedbackRecord | undefined>));
      for (const v of values) if (v) records.push(v);
    }
    return records;
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

  private add(record: FeedbackRecord): Promise<void> {
    const at = this.now();
    const id = randomUUID();
    const stored = { ...record, at: at.toISOString() } as FeedbackRecord;
    const next = this.chain.then(async () => {
      await this.keyv.set(`rec:${id}`, stored, this.ttlMs);
      const key = dayKey(at);
      const ids = ((await this.keyv.get(key)) as string[] | undefined) ?? [];
      ids.push(id);
      // The index outlives its last record by a day so no record is orphaned at the boundary.
      await this.keyv.set(key, ids, this.ttlMs + DAY_MS);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}
