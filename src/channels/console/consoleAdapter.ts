// An in-process channel for the terminal: each line typed becomes a message activity; replies are
// collected and returned to the caller. No server, no network.
import { randomUUID } from 'node:crypto';
import {
  Activity,
  ActivityTypes,
  BotAdapter,
  ConversationReference,
  ResourceResponse,
  TurnContext,
} from 'botbuilder';

export class ConsoleAdapter extends BotAdapter {
  private readonly reference: ConversationReference;
  private replies: Partial<Activity>[] = [];

  constructor(userId = 'console-user', conversationId = `console-${randomUUID()}`) {
    super();
    this.reference = {
      channelId: 'console',
      serviceUrl: 'http://localhost/console',
      user: { id: userId, name: 'You' },
      bot: { id: 'bot', name: 'ACTION assistant' },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'console' },
    };
  }

  /** Runs one turn and returns what the bot sent. */
  async send(partial: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Message, id: randomUUID(), timestamp: new Date(), locale: 'en-US', ...partial },
      this.reference,
      true,
    ) as Activity;
    this.replies = [];
    await this.runMiddleware(new TurnContext(this, activity), logic);
    return this.replies;
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    this.replies.push(...activities.filter((a) => a.type !== 'trace' && a.type !== 'delay'));
    return activities.map(() => ({ id: randomUUID() }));
  }

  async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.replies.push(activity);
  }

  async deleteActivity(): Promise<void> {
    // Nothing to delete in a terminal.
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, { ...this.reference, ...reference }, true);
    await this.runMiddleware(new TurnContext(this, activity as Activity), logic);
  }
}
