// Who is a support agent (AGENT_IDS, matched on the Entra object id or the channel user id, Teams only)
// and each agent's working set: their 1:1 chat with the bot, the requests they hold and the current one.
import type { Activity, ConversationReference } from 'botbuilder';
import type { Keyv } from 'keyv';

export interface AgentSession {
  /** Stable key: the Entra object id when Teams sends one, else the channel user id. */
  key: string;
  name: string;
  userId: string;
  /** Their personal chat with the bot, where trainers' messages are relayed. */
  chat?: Partial<ConversationReference>;
  held: string[];
  current?: string;
  /** The request that just closed under them with nothing else held: their next words reached nobody. */
  ended?: string;
}

export class AgentDirectory {
  private readonly ids: Set<string>;

  constructor(
    agentIds: string[],
    private readonly keyv: Keyv,
  ) {
    this.ids = new Set(agentIds);
  }

  /** Only Teams activities: elsewhere (Web Chat, the local Direct Line) a user picks their own id. */
  isAgent(activity: Partial<Activity>): boolean {
    if (activity.channelId !== 'msteams' || !activity.from) return false;
    const { aadObjectId, id } = activity.from;
    return (!!aadObjectId && this.ids.has(aadObjectId)) || (!!id && this.ids.has(id));
  }

  keyOf(activity: Partial<Activity>): string {
    return activity.from?.aadObjectId ?? activity.from!.id;
  }

  /** "Alex Smith" → "Alex": trainers read "Alex from support has joined." */
  static displayName(fullName: string | undefined): string {
    const first = (fullName ?? '').trim().split(/\s+/)[0];
    return first || 'An agent';
  }

  async get(key: string): Promise<AgentSession | undefined> {
    return (await this.keyv.get<AgentSession>(key)) ?? undefined;
  }

  async save(session: AgentSession): Promise<void> {
    await this.keyv.set(session.key, session);
  }

  /** The session of the agent behind this activity, created on first sight; the personal chat is remembered. */
  async fromActivity(activity: Partial<Activity>, chat?: Partial<ConversationReference>): Promise<AgentSession> {
    const key = this.keyOf(activity);
    const known = await this.get(key);
    const session: AgentSession = known ?? { key, name: AgentDirectory.displayName(activity.from?.name), userId: activity.from!.id, held: [] };
    if (activity.from?.name) session.name = AgentDirectory.displayName(activity.from.name);
    if (chat) session.chat = chat;
    if (!known || chat) await this.save(session);
    return session;
  }

  /** Reads and clears `ended`: the agent is told once that their words went nowhere. */
  async takeEnded(key: string): Promise<string | undefined> {
    const session = await this.get(key);
    if (!session?.ended) return undefined;
    const { ended, ...rest } = session;
    await this.save(rest);
    return ended;
  }

  async hold(key: string, id: string): Promise<void> {
    const session = await this.get(key);
    if (!session) return;
    if (!session.held.includes(id)) session.held.push(id);
    session.current = id;
    delete session.ended;
    await this.save(session);
  }

  async release(key: string, id: string): Promise<void> {
    const session = await this.get(key);
    if (!session) return;
    session.held = session.held.filter((h) => h !== id);
    if (session.current === id) {
      session.current = session.held[session.held.length - 1];
      if (!session.current) session.ended = id;
    }
    await this.save(session);
  }
}
