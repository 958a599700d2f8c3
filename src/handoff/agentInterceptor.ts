// Agent commands in Teams: "queue", "claim <id>" (or the card's Claim button), "switch <id>", "resolve",
// and, in an agent's 1:1 chat, anything else goes to the trainer they are talking to. Only configured
// agents get any of this; for everyone else the turn goes on to the ordinary bot.
import { ActivityTypes, TurnContext } from 'botbuilder';
import type { TurnInterceptor } from '../bots/helpDeskBot';
import { messageText } from '../../dialogs/messageText';
import { textWithoutBotMentions } from '../channels/teams/mentions';
import { AgentDirectory, type AgentSession } from './agents';
import { partialPathFacts, reasons } from './cards';
import { agentText } from './messages';
import type { Proactive } from './proactive';
import { HandoffService } from './service';
import { NotFound, Refused } from './store';
import type { HandoffRequest } from './types';

// Busy agents type "Claim h2k4m6p8." or "resolve please": such words must never reach the trainer as chat.
const COMMAND = /^(?:please\s+)?(queue|claim|switch(?:\s+to)?|resolve|agent help)(?:\s+#?([a-z0-9]+))?(?:[\s,]+please)?[\s.!]*$/i;
const BRIEF_TRANSCRIPT_LINES = 8;

export class AgentInterceptor implements TurnInterceptor {
  constructor(
    private readonly service: HandoffService,
    private readonly agents: AgentDirectory,
    private readonly proactive: Proactive,
  ) {}

  async intercept(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message || !this.agents.isAgent(activity)) return false;

    const personal = activity.conversation?.conversationType === 'personal' || !activity.conversation?.isGroup;
    const session = await this.agents.fromActivity(activity, personal ? TurnContext.getConversationReference(activity) : undefined);
    const value = (activity.value ?? {}) as { action?: string; id?: string };
    if (value.action === 'handoff.claim' && typeof value.id === 'string') {
      await this.claim(context, session, value.id.toLowerCase(), personal);
      return true;
    }

    const text = (activity.text ? textWithoutBotMentions(activity) : messageText(activity)).trim();
    const command = COMMAND.exec(text);
    if (command) {
      const [, verb, id] = command;
      await this.run(context, session, verb.toLowerCase().split(/\s+/)[0], id?.toLowerCase(), personal);
      return true;
    }
    if (personal && session.current && text) {
      await this.reply(context, () => this.service.agentSays(session.current!, text, session.key));
      return true;
    }
    if (personal && text && session.ended) {
      const ended = await this.agents.takeEnded(session.key);
      if (ended) {
        await context.sendActivity(agentText.notSent(ended));
        return true;
      }
    }
    return false; // an agent asking the bot a question gets the ordinary answer
  }

  private async run(context: TurnContext, session: AgentSession, verb: string, id: string | undefined, personal: boolean): Promise<void> {
    switch (verb) {
      case 'queue':
        await context.sendActivity(await this.queueText(session));
        return;
      case 'claim':
        if (!id) return void (await context.sendActivity(agentText.help));
        if (session.held.includes(id)) return this.run(context, session, 'switch', id, personal); // theirs already
        await this.claim(context, session, id, personal);
        return;
      case 'switch': {
        if (!id || !session.held.includes(id)) return void (await context.sendActivity(id ? agentText.notHeld(id) : agentText.help));
        await this.agents.save({ ...session, current: id });
        await context.sendActivity(agentText.switched(id));
        return;
      }
      case 'resolve': {
        const target = id ?? session.current;
        if (!target) return void (await context.sendActivity(agentText.noCurrent));
        await this.reply(context, async () => {
          await this.service.resolve(target, session.key);
          if (target !== session.current) return agentText.resolved(target);
          // Their next words go to another trainer (or nobody): say so before they type them.
          const now = await this.agents.get(session.key);
          return `${agentText.resolved(target)} ${agentText.nowCurrent(now?.current)}`;
        });
        return;
      }
      default:
        await context.sendActivity(agentText.help);
    }
  }

  private async claim(context: TurnContext, session: AgentSession, id: string, personal: boolean): Promise<void> {
    await this.reply(context, async () => {
      const request = await this.service.claim(id, { name: session.name, via: 'teams', sessionKey: session.key });
      let chat = (await this.agents.get(session.key))?.chat;
      if (!chat) {
        // Claimed from the channel card by someone who never wrote to the bot: open their 1:1 chat.
        chat = await this.proactive.openAgentChat(session.userId);
        if (chat) await this.agents.save({ ...((await this.agents.get(session.key)) ?? session), chat });
      }
      const brief = briefing(request);
      if (personal) return brief;
      if (chat) await this.proactive.send(chat, [{ text: brief }], 'claim briefing');
      return undefined; // in the channel the updated card says it
    });
  }

  private async queueText(session: AgentSession): Promise<string> {
    const waiting = await this.service.list('waiting');
    const now = this.service.now.getTime();
    const lines = waiting.map((r, i) => {
      const minutes = Math.max(0, Math.floor((now - Date.parse(r.createdAt)) / 60_000));
      const parts = [`${i + 1}. ${r.id}`, reasons[r.summary.reason], `waiting ${minutes} min`];
      const gist = queueGist(r);
      if (gist) parts.push(`"${clip(gist, 80)}"`);
      if (r.followUp) parts.push('left an email for follow-up');
      return parts.join(' · ');
    });
    const held = session.held.length ? `\nYou hold: ${session.held.map((h) => (h === session.current ? `${h} (current)` : h)).join(', ')}` : '';
    return (lines.length ? `Waiting:\n${lines.join('\n')}` : agentText.emptyQueue) + held;
  }

  /** Runs an agent action and answers with its result, or with why it was refused. */
  private async reply(context: TurnContext, action: () => Promise<unknown>): Promise<void> {
    try {
      const result = await action();
      if (typeof result === 'string') await context.sendActivity(result);
    } catch (error) {
      if (error instanceof Refused) await context.sendActivity(error.message);
      else if (error instanceof NotFound) await context.sendActivity(agentText.notFound(error.message.split(' ').pop() ?? ''));
      else throw error;
    }
  }
}

/** The line that tells an agent scanning the queue what a request is about (never just "talk to a person"). */
function queueGist(request: HandoffRequest): string | undefined {
  const s = request.summary;
  if (s.lastUnanswered) return s.lastUnanswered;
  const wrote = request.messages.find((m) => m.from === 'trainer');
  if (wrote) return wrote.text;
  if (s.assessment) return `${s.assessment.status}, expires ${s.assessment.expiresOn}`;
  return request.followUp?.message;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * What the agent reads on claiming: why, what the bot could not answer, the route check (finished or
 * half-way), a follow-up left, the conversation before the hand-off and what the trainer wrote since.
 * The trainer was told they would not have to repeat themselves.
 */
export function briefing(request: HandoffRequest): string {
  const s = request.summary;
  const lines = [agentText.connected(request.id), `Why: ${reasons[s.reason]}`];
  if (s.lastUnanswered) lines.push(`The assistant couldn't answer: ${clip(s.lastUnanswered, 300)}`);
  if (s.assessment) {
    const a = s.assessment;
    lines.push(
      `Assessment: ${a.status}, certified ${a.certifiedOn} (${a.earnedVia}), expires ${a.expiresOn}, ${a.cecsEarned}/${a.cecsRequired} CECs, open routes: ${a.paths.join(', ') || 'none'}`,
    );
  } else {
    const partial = partialPathFacts(request);
    if (partial.length) lines.push(`Route check (unfinished): ${partial.map((f) => `${f.title.toLowerCase()} ${f.value}`).join(', ')}`);
  }
  if (request.followUp) lines.push(`Left for follow-up: ${request.followUp.email}${request.followUp.message ? ` ("${clip(request.followUp.message, 300)}")` : ''}`);
  // One line per turn of each side (a reply of several messages is one line), the assistant's clipped shorter.
  const turns: Array<{ role: 'user' | 'bot'; text: string }> = [];
  for (const e of request.transcript) {
    if (!e.text) continue;
    const last = turns[turns.length - 1];
    if (last?.role === e.role) last.text += ` / ${e.text}`;
    else turns.push({ role: e.role, text: e.text });
  }
  const recent = turns.slice(-BRIEF_TRANSCRIPT_LINES);
  if (recent.length) {
    lines.push('Before the hand-off:', ...recent.map((t) => `- ${t.role === 'user' ? 'Trainer' : 'Assistant'}: ${clip(t.text, t.role === 'user' ? 300 : 160)}`));
  }
  const waiting = request.messages.filter((m) => m.from === 'trainer');
  if (waiting.length) lines.push('While waiting they wrote:', ...waiting.map((m) => `- ${m.text}`));
  return lines.join('\n');
}
