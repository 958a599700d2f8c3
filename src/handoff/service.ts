// The hand-off life cycle: create (trainer), claim / speak / resolve (agent), relay both ways, queue
// positions, the timeout with a follow-up offer. Requests are the single source of truth; every change
// goes through HandoffStore.update (atomic), then the people concerned are told proactively.
import { EventEmitter } from 'node:events';
import {
  EventFactory,
  TurnContext,
  type Activity,
  type StatePropertyAccessor,
} from 'botbuilder';
import { hashId, type Logger } from '../logger';
import { readAnswers } from '../recert/answers';
import type { AgentDirectory } from './agents';
import { agentText, trainerText } from './messages';
import type { Proactive } from './proactive';
import { HandoffStore, newRequestId, Refused } from './store';
import { slimActivity, type KeyvTranscriptLogger } from './transcriptLogger';
import type { AgentInfo, HandoffLink, HandoffRequest, HandoffStarter, HandoffStartRequest, RelayMessage } from './types';

const MAX_MESSAGES = 500;
const MAX_MESSAGE_CHARS = 4000;

export interface HandoffServiceDeps {
  store: HandoffStore;
  transcripts: KeyvTranscriptLogger;
  agents: AgentDirectory;
  proactive: Proactive;
  link: StatePropertyAccessor<HandoffLink | undefined>;
  logger: Logger;
  timeoutMinutes: number;
  now: () => Date;
}

export type AgentIdentity = Pick<AgentInfo, 'name' | 'id' | 'via'> & { sessionKey?: string };

export class HandoffService implements HandoffStarter {
  /** Wakes long-polls in this process when a trainer writes (other instances are found by polling). */
  readonly events = new EventEmitter().setMaxListeners(0);

  constructor(private readonly deps: HandoffServiceDeps) {}

  /** The service's clock (tests move it), also for the agents' queue view. */
  get now(): Date {
    return this.deps.now();
  }

  // ---- trainer side -------------------------------------------------------------------------------

  async start(context: TurnContext, request: HandoffStartRequest): Promise<void> {
    const open = await this.linkedRequest(context);
    if (open && open.status !== 'resolved') {
      // Asking again while waiting: re-attach (they may have left a follow-up) and say where they are.
      const { after } = await this.deps.store.update(open.id, (r) => ({ ...r, trainerAttached: true, awaitingFollowUp: false }));
      await context.sendActivity(`${trainerText.alreadyWaiting} ${await this.positionText(after)} ${trainerText.keepTyping}`);
      return;
    }

    const activity = context.activity;
    const transcript = await this.deps.transcripts.recent(activity.channelId, activity.conversation.id);
    const current = slimActivity(activity, this.now);
    if (current && !transcript.some((e) => e.at === current.at && e.text === current.text)) transcript.push(current);

    const created: HandoffRequest = {
      id: newRequestId(),
      status: 'waiting',
      createdAt: this.now.toISOString(),
      queuedAt: performance.timeOrigin + performance.now(),
      channelId: activity.channelId,
      trainer: TurnContext.getConversationReference(activity),
      trainerName: activity.from?.name || undefined,
      summary: clean({
        reason: request.reason,
        question: request.question,
        lastUnanswered: request.lastUnanswered,
        assessment: request.assessment,
        answers: request.answers,
      }),
      transcript: transcript.slice(-50),
      messages: [],
      nextSeq: 1,
      trainerAttached: true,
    };
    await this.deps.store.create(created);
    await this.deps.link.set(context, { requestId: created.id });
    this.deps.logger.info({ request: created.id, reason: request.reason, conversation: hashId(activity.conversation.id) }, 'hand-off: requested');

    const position = await this.position(created.id);
    await this.deps.store.update(created.id, (r) => ({ ...r, toldPosition: position }));
    await context.sendActivities([
      { type: 'message', text: trainerText.connecting },
      { type: 'message', text: `${trainerText.position(position)} ${trainerText.keepTyping}` },
      // For an agent hub on the channel (Bot Framework hand-off protocol); other channels ignore events.
      EventFactory.createHandoffInitiation(context, { id: created.id, ...created.summary }, { activities: created.transcript as unknown as Activity[] }),
    ]);

    // The support card is posted after the turn's replies, so a slow channel never delays the trainer.
    this.track(
      this.deps.proactive.postCard(created).then(async (card) => {
        if (!card) return;
        const { after } = await this.deps.store.update(created.id, (r) => ({ ...r, card }));
        // Claimed or resolved while the card was on its way: bring it up to date.
        if (after.status !== 'waiting') await this.deps.proactive.updateCard(after);
      }),
    );
  }

  private readonly background = new Set<Promise<unknown>>();

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((error: Error) => this.deps.logger.warn({ err: error.message }, 'hand-off: background work failed'));
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  /** Waits for background work (the support card); used on shutdown and by tests. */
  async settled(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background]);
  }

  /** The request this conversation is linked to, if any. */
  async linkedRequest(context: TurnContext): Promise<HandoffRequest | undefined> {
    const link = await this.deps.link.get(context);
    return link ? this.deps.store.get(link.requestId) : undefined;
  }

  async unlink(context: TurnContext): Promise<void> {
    await this.deps.link.delete(context);
  }

  /** A trainer's message while linked: stored for the agent, relayed at once when one is active. */
  async trainerSays(request: HandoffRequest, text: string): Promise<HandoffRequest> {
    const { after } = await this.deps.store.update(request.id, (r) => appendMessage(r, { from: 'trainer', text, at: this.now.toISOString() }));
    this.events.emit(request.id);
    if (after.status === 'active' && after.agent?.via === 'teams' && after.agent.id) {
      const session = await this.deps.agents.get(after.agent.id);
      if (session?.chat) await this.deps.proactive.send(session.chat, [{ text: agentText.trainerSays(after.id, text) }], 'relay to agent');
    }
    return after;
  }

  /** On a trainer's turn: has the wait run out? Marks it and returns true the first time only. */
  async checkTimeout(request: HandoffRequest): Promise<boolean> {
    if (!this.isOverdue(request)) return false;
    try {
      await this.deps.store.update(request.id, (r) => {
        if (!this.isOverdue(r)) throw new Refused('closed', 'already handled');
        return { ...r, timedOutAt: this.now.toISOString(), awaitingFollowUp: true };
      });
      return true;
    } catch (error) {
      if (error instanceof Refused) return false;
      throw error;
    }
  }

  /** A message after the timeout offer: an email address (with the consent line already shown) is kept. */
  async leaveFollowUp(request: HandoffRequest, text: string): Promise<string | undefined> {
    const email = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/.exec(text)?.[0];
    if (!email) return undefined;
    const message = text.replace(email, '').trim() || undefined;
    const { after } = await this.deps.store.update(request.id, (r) => ({
      ...r,
      followUp: clean({ email, message, consentedAt: this.now.toISOString() }),
      awaitingFollowUp: false,
      trainerAttached: false,
    }));
    await this.deps.proactive.updateCard(after);
    this.deps.logger.info({ request: request.id }, 'hand-off: follow-up message left');
    return email;
  }

  async cancelByTrainer(request: HandoffRequest): Promise<void> {
    await this.close(request.id, 'cancelled');
  }

  /**
   * "forget me": every request of this conversation (waiting, active, left for follow-up, or closed) loses what the
   * trainer told us — email, follow-up message, relayed messages, transcript, summary — and the open ones are closed
   * as withdrawn, so no agent can claim or write to them afterwards. Found by the conversation, not the link, which
   * a follow-up already loosened. Returns the line to add to the confirmation when one was open.
   */
  async forgetConversation(channelId: string, conversationId: string | undefined): Promise<string | undefined> {
    if (!conversationId) return undefined;
    const mine = (await this.deps.store.list()).filter((r) => r.channelId === channelId && r.trainer.conversation?.id === conversationId);
    let withdrawn = 0;
    for (const request of mine) {
      if (request.status === 'resolved') {
        const { after } = await this.deps.store.update(request.id, (r) => scrub(r));
        await this.deps.proactive.updateCard(after);
      } else {
        try {
          await this.close(request.id, 'withdrawn');
          withdrawn++;
        } catch (error) {
          if (!(error instanceof Refused)) throw error;
          await this.deps.store.update(request.id, (r) => scrub(r)); // closed a moment ago: still scrubbed
        }
      }
    }
    if (mine.length) this.deps.logger.info({ requests: mine.length, withdrawn, conversation: hashId(conversationId) }, 'hand-off: forgotten');
    return withdrawn ? trainerText.withdrawnOnForget : undefined;
  }

  /** An unclear "never mind" while an agent is active: kept aside (not relayed) until the trainer answers "end the chat?". */
  async askToEnd(request: HandoffRequest, text: string): Promise<void> {
    await this.deps.store.update(request.id, (r) => ({ ...r, endAsked: { text, at: this.now.toISOString() } }));
  }

  /** The trainer's answer to "end the chat?" was not yes: the question is dropped and the held words go to the agent. */
  async keepTalking(request: HandoffRequest): Promise<void> {
    const held = request.endAsked;
    const { after } = await this.deps.store.update(request.id, (r) => {
      const { endAsked: _asked, ...rest } = r;
      return rest;
    });
    if (held && after.status !== 'resolved') await this.trainerSays(after, held.text);
  }

  /** After the timeout offer: no follow-up, the trainer stays in the queue for an agent. */
  async keepWaiting(request: HandoffRequest): Promise<number> {
    await this.deps.store.update(request.id, (r) => ({ ...r, awaitingFollowUp: false, trainerAttached: true }));
    return this.position(request.id);
  }

  /** Bot Framework `handoff.status` from an agent hub: accepted / failed / completed. */
  async hubStatus(context: TurnContext, state: string | undefined): Promise<void> {
    const request = await this.linkedRequest(context);
    if (!request || request.status === 'resolved') return;
    if (state === 'accepted' && request.status === 'waiting') {
      await this.claim(request.id, { name: 'An agent', via: 'channel-hub' }, false);
      await context.sendActivity(trainerText.joined('An agent'));
    } else if (state === 'failed') {
      await this.close(request.id, 'failed', false);
      await this.unlink(context);
      await context.sendActivity(trainerText.failed);
    } else if (state === 'completed') {
      const closed = await this.close(request.id, 'resolved', false);
      await this.unlink(context);
      await context.sendActivity(trainerText.back(closed.agent?.name, leftPathHalfWay(closed)));
    }
  }

  // ---- agent side ---------------------------------------------------------------------------------

  /** Atomic: of two agents claiming one request, one wins; the other gets Refused('not-waiting'). */
  async claim(id: string, agent: AgentIdentity, tellTrainer = true): Promise<HandoffRequest> {
    const { after } = await this.deps.store.update(id, (r) => {
      if (r.outcome === 'withdrawn') throw new Refused('closed', agentText.withdrawn(id), r.outcome);
      if (r.status !== 'waiting') throw new Refused('not-waiting', r.agent ? agentText.claimed(id, r.agent.name) : agentText.notWaiting(id), r.outcome);
      return {
        ...r,
        status: 'active',
        agent: clean({ name: agent.name, id: agent.sessionKey ?? agent.id, via: agent.via, claimedAt: this.now.toISOString() }),
        trainerAttached: true,
        awaitingFollowUp: false,
      };
    });
    this.deps.logger.info({ request: id, via: agent.via }, 'hand-off: claimed');
    if (agent.sessionKey) await this.deps.agents.hold(agent.sessionKey, id);
    if (tellTrainer) await this.deps.proactive.send(after.trainer, [{ text: trainerText.joined(agent.name) }], 'agent joined');
    await this.deps.proactive.updateCard(after);
    await this.refreshPositions();
    return after;
  }

  /** An agent's message to the trainer of an active request. */
  async agentSays(id: string, text: string, sessionKey?: string): Promise<RelayMessage> {
    const { after } = await this.deps.store.update(id, (r) => {
      if (r.outcome === 'withdrawn') throw new Refused('closed', agentText.withdrawn(id), r.outcome);
      if (r.status !== 'active') throw new Refused('not-active', r.status === 'waiting' ? agentText.notClaimed(id) : agentText.closed(id), r.outcome);
      if (sessionKey && r.agent?.id !== sessionKey) throw new Refused('not-yours', agentText.notHeld(id));
      return appendMessage(r, { from: 'agent', text, at: this.now.toISOString(), agentName: r.agent?.name });
    });
    const sent = after.messages[after.messages.length - 1];
    await this.deps.proactive.send(after.trainer, [{ text: trainerText.fromAgent(after.agent?.name ?? 'Support', text) }], 'agent message');
    return sent;
  }

  /** Hands the trainer back to the bot. */
  async resolve(id: string, sessionKey?: string): Promise<HandoffRequest> {
    if (sessionKey) {
      const request = await this.deps.store.get(id);
      if (request?.status === 'active' && request.agent?.id !== sessionKey) throw new Refused('not-yours', agentText.notHeld(id));
    }
    return this.close(id, 'resolved');
  }

  private async close(id: string, outcome: NonNullable<HandoffRequest['outcome']>, tellTrainer = true): Promise<HandoffRequest> {
    const { before, after } = await this.deps.store.update(id, (r) => {
      if (r.status === 'resolved') throw new Refused('closed', r.outcome === 'withdrawn' ? agentText.withdrawn(id) : `Request ${id} is already closed.`, r.outcome);
      const closed: HandoffRequest = { ...r, status: 'resolved', outcome, resolvedAt: this.now.toISOString(), awaitingFollowUp: false };
      return outcome === 'withdrawn' ? scrub(closed) : closed;
    });
    this.deps.logger.info({ request: id, outcome }, 'hand-off: closed');
    this.events.emit(id);
    if (tellTrainer && outcome === 'resolved' && after.trainerAttached) {
      await this.deps.proactive.send(after.trainer, [{ text: trainerText.back(after.agent?.name, leftPathHalfWay(after)) }], 'back with the bot');
    }
    if (after.agent?.via === 'teams' && after.agent.id) {
      const wasCurrent = (await this.deps.agents.get(after.agent.id))?.current === id;
      await this.deps.agents.release(after.agent.id, id);
      const session = await this.deps.agents.get(after.agent.id);
      if ((outcome === 'cancelled' || outcome === 'withdrawn') && session?.chat) {
        // The agent may be mid-sentence to this trainer: say where their next words go.
        const where = wasCurrent ? ` ${agentText.nowCurrent(session.current)}` : '';
        const left = outcome === 'withdrawn' ? agentText.trainerWithdrew(id) : agentText.trainerLeft(id);
        await this.deps.proactive.send(session.chat, [{ text: left + where }], 'trainer left');
      }
    }
    await this.deps.proactive.updateCard(after);
    if (before.status === 'waiting') await this.refreshPositions();
    return after;
  }

  /** The trainer's messages after `after` (a sequence number); waits up to `waitMs` for the first one. */
  async trainerMessagesSince(id: string, after: number, waitMs = 0): Promise<{ request: HandoffRequest; messages: RelayMessage[] }> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const request = await this.deps.store.get(id);
      if (!request) throw new Refused('closed', `no hand-off request ${id}`);
      const messages = request.messages.filter((m) => m.from === 'trainer' && m.seq > after);
      const left = deadline - Date.now();
      if (messages.length > 0 || request.status === 'resolved' || left <= 0) return { request, messages };
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.events.off(id, done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 500)); // other instances' writes are seen by polling
        this.events.on(id, done);
      });
    }
  }

  list(status?: HandoffRequest['status']): Promise<HandoffRequest[]> {
    return this.deps.store.list(status);
  }

  get(id: string): Promise<HandoffRequest | undefined> {
    return this.deps.store.get(id);
  }

  // ---- queue --------------------------------------------------------------------------------------

  async position(id: string): Promise<number> {
    const waiting = await this.deps.store.list('waiting');
    return waiting.findIndex((r) => r.id === id) + 1;
  }

  private async positionText(request: HandoffRequest): Promise<string> {
    return request.status === 'active' ? trainerText.joined(request.agent?.name ?? 'An agent') : trainerText.position(await this.position(request.id));
  }

  /** Tells every waiting trainer whose place changed their new place. */
  async refreshPositions(): Promise<void> {
    const waiting = await this.deps.store.list('waiting');
    for (const [index, request] of waiting.entries()) {
      const position = index + 1;
      if (!request.trainerAttached || request.toldPosition === position) continue;
      try {
        await this.deps.store.update(request.id, (r) => {
          if (r.toldPosition === position) throw new Refused('closed', 'already told');
          return { ...r, toldPosition: position };
        });
      } catch (error) {
        if (error instanceof Refused) continue;
        throw error;
      }
      await this.deps.proactive.send(request.trainer, [{ text: trainerText.positionChanged(position) }], 'queue position');
    }
  }

  private isOverdue(request: HandoffRequest): boolean {
    return (
      request.status === 'waiting' &&
      request.trainerAttached &&
      !request.timedOutAt &&
      this.now.getTime() - Date.parse(request.createdAt) >= this.deps.timeoutMinutes * 60_000
    );
  }

  /** The periodic sweep: tells trainers whose wait ran out (proactively) and prunes old requests. */
  async sweep(): Promise<number> {
    let timedOut = 0;
    for (const request of await this.deps.store.list('waiting')) {
      if (!(await this.checkTimeout(request))) continue;
      timedOut++;
      await this.deps.proactive.send(request.trainer, [timedOutActivity()], 'timeout');
    }
    await this.deps.store.prune(this.now);
    return timedOut;
  }
}

/** The timeout offer, with its two answers as buttons (an email address is typed). */
export function timedOutActivity(): Partial<Activity> {
  return {
    type: 'message',
    text: trainerText.timedOut,
    suggestedActions: { to: [], actions: trainerText.timeoutChoices.map((c) => ({ type: 'imBack', title: c, value: c })) },
  };
}

/** The trainer asked for a person in the middle of the route check: it is theirs to finish afterwards. */
function leftPathHalfWay(request: HandoffRequest): boolean {
  const answers = readAnswers(request.summary.answers);
  return !request.summary.assessment && !!answers && Object.keys(answers).length > 0;
}

function appendMessage(request: HandoffRequest, message: Omit<RelayMessage, 'seq'>): HandoffRequest {
  const entry: RelayMessage = clean({ ...message, text: message.text.slice(0, MAX_MESSAGE_CHARS), seq: request.nextSeq });
  return { ...request, messages: [...request.messages, entry].slice(-MAX_MESSAGES), nextSeq: request.nextSeq + 1 };
}

/**
 * What is left of a request after "forget me": why, when and who handled it (for the desk's counts), never what the
 * trainer said or who they are. The conversation id stays so a second "forget me" finds it again.
 */
function scrub(request: HandoffRequest): HandoffRequest {
  const { trainerName: _name, followUp: _followUp, endAsked: _endAsked, ...rest } = request;
  const { user: _user, ...trainer } = request.trainer;
  return { ...rest, trainer, summary: { reason: request.summary.reason }, transcript: [], messages: [], trainerAttached: false, awaitingFollowUp: false };
}

/** Drops undefined fields (they would not survive JSON anyway, and zod's optional() wants them absent). */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
