// In-memory conversations of the embedded Direct Line: the activity history with watermarks, kept in a
// Map ordered by last use, so the inactivity sweep only ever looks at expired entries (bounded work).
import type { Activity } from 'botbuilder';

export interface Conversation {
  id: string;
  userId: string;
  /** Every activity ever appended gets the next watermark; history keeps the last maxActivities. */
  history: { watermark: number; activity: Partial<Activity> }[];
  nextWatermark: number;
  lastUsedAt: number;
}

export interface StoreLimits {
  idleMs: number;
  maxConversations: number;
  maxActivitiesPerConversation: number;
}

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();

  constructor(readonly limits: StoreLimits, private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.conversations.size;
  }

  /** A live conversation, marked as used; undefined when unknown or idle too long. */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.isExpired(conversation)) {
      this.conversations.delete(id);
      return undefined;
    }
    this.touch(conversation);
    return conversation;
  }

  /** Whether the conversation is live, without marking it as used. */
  has(id: string): boolean {
    const conversation = this.conversations.get(id);
    return conversation !== undefined && !this.isExpired(conversation);
  }

  /** Creates the conversation, or returns it when it exists; undefined when the store is full. */
  open(id: string, userId: string): { conversation: Conversation; created: boolean } | undefined {
    const existing = this.get(id);
    if (existing) return { conversation: existing, created: false };
    this.sweep();
    if (this.conversations.size >= this.limits.maxConversations) return undefined;
    const conversation: Conversation = { id, userId, history: [], nextWatermark: 1, lastUsedAt: this.now() };
    this.conversations.set(id, conversation);
    return { conversation, created: true };
  }

  append(conversation: Conversation, activity: Partial<Activity>): void {
    conversation.history.push({ watermark: conversation.nextWatermark++, activity });
    const excess = conversation.history.length - this.limits.maxActivitiesPerConversation;
    if (excess > 0) conversation.history.splice(0, excess);
    this.touch(conversation);
  }

  /** Activities after the watermark (all when absent or unparsable) and the new watermark. */
  since(conversation: Conversation, watermark: string | undefined): { activities: Partial<Activity>[]; watermark: string } {
    const after = Number.parseInt(watermark ?? '', 10);
    const from = Number.isFinite(after) ? after : 0;
    const activities = conversation.history.filter((h) => h.watermark > from).map((h) => h.activity);
    return { activities, watermark: String(conversation.nextWatermark - 1) };
  }

  /** Replaces an activity and re-delivers it at a new watermark (Web Chat replaces by id). */
  update(conversation: Conversation, activityId: string, activity: Partial<Activity>): boolean {
    const index = conversation.history.findIndex((h) => h.activity.id === activityId);
    if (index < 0) return false;
    conversation.history.splice(index, 1);
    this.append(conversation, { ...activity, id: activityId });
    return true;
  }

  remove(conversation: Conversation, activityId: string): boolean {
    const index = conversation.history.findIndex((h) => h.activity.id === activityId);
    if (index < 0) return false;
    conversation.history.splice(index, 1);
    this.touch(conversation);
    return true;
  }

  /** Drops conversations idle longer than idleMs; stops at the first live one (the Map is in use order). */
  sweep(): number {
    let dropped = 0;
    for (const conversation of this.conversations.values()) {
      if (!this.isExpired(conversation)) break;
      this.conversations.delete(conversation.id);
      dropped++;
    }
    return dropped;
  }

  clear(): void {
    this.conversations.clear();
  }

  private isExpired(conversation: Conversation): boolean {
    return this.now() - conversation.lastUsedAt > this.limits.idleMs;
  }

  private touch(conversation: Conversation): void {
    conversation.lastUsedAt = this.now();
    // Re-insert so the Map stays ordered by last use.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }
}
