// Agent commands in Teams: "queue", "claim <id>" (or the card's Claim button), "switch <id>", "resolve",
// and, in an agent's 1:1 chat, anything else goes to the trainer they are talking to. Only configured
// agents get any of this; for everyone else the turn goes on to the ordinary bot.
import { ActivityTypes, TurnContext } from 'botbuilder';
import type { TurnInterceptor } from '../bots/helpDeskBot';
import { messageText } from '../../dialogs/messageText';
import { textWithoutBotMentions } from '../channels/teams/mentions';
import { AgentDirectory, type AgentSession } from './agents';
import { agentText } from './messages';
import type { Proactive } from './proactive';
import { HandoffService } from './service';
import { NotFound, Refused } from './store';
import type { HandoffRequest } from './types';

const COMMAND = /^(queue|claim|switch|resolve|agent help)(?:\s+#?([a-z0-9]+))?$/i;

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
      await this.run(context, session, verb.toLowerCase(), id?.toLowerCase(), personal);
      return true;
    }
    if (personal && session.current && text) {
      await this.reply(context, () => this.service.agentSays(session.current!, text, session.key));
      return true;
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
          return agentText.resolved(target);
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
    const lines = waiting.map((r, i) => `${i + 1}. ${r.id} (${r.summary.reason}) ${r.summary.question ?? r.summary.lastUnanswered ?? ''}`.trim());
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

/** What the agent reads on claiming: who, why, the assessment, what the trainer already wrote. */
export function briefing(request: HandoffRequest): string {
  const s = request.summary;
  const lines = [agentText.connected(request.id), `Why: ${s.reason}`];
  if (s.question) lines.push(`Asked: ${s.question}`);
  if (s.lastUnanswered) lines.push(`Unanswered: ${s.lastUnanswered}`);
  if (s.assessment) {
    const a = s.assessment;
    lines.push(`Assessment: ${a.status}, certified ${a.certifiedOn}, expires ${a.expiresOn}, ${a.cecsEarned}/${a.cecsRequired} CECs, paths: ${a.paths.join(', ') || 'none'}`);
  }
  const waiting = request.messages.filter((m) => m.from === 'trainer');
  if (waiting.length) lines.push('While waiting they wrote:', ...waiting.map((m) => `- ${m.text}`));
  return lines.join('\n');
}
