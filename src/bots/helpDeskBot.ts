// The ACTION help-desk bot: welcomes trainers, lets interceptors (hand-off, agent commands) take a turn
// first, and otherwise hands the turn to the main dialog. State is saved once, at the end of each turn.
import { ActivityTypes, ConversationState, TeamsActivityHandler, TurnContext, UserState } from 'botbuilder';
import type { Logger } from '../logger';
import { welcomeActivity } from '../../dialogs/welcome';
import { teamsTurnInterceptor } from '../channels/teams/turnInterceptor';

/** Something that may consume a turn before the dialogs see it (e.g. a trainer talking to an agent). */
export interface TurnInterceptor {
  intercept(context: TurnContext): Promise<boolean>;
}

export interface Conversation {
  run(context: TurnContext): Promise<void>;
}

export interface HelpDeskBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  conversation: Conversation;
  logger: Logger;
  interceptors?: TurnInterceptor[];
}

// botbuilder-dialogs rebuilds its memory-scope configuration (a service collection, zod checks, ten scope objects)
// for the first DialogContext of every turn and keeps it in turn state under this key, which test/bots pins against
// the installed version. The scopes hold no per-turn data, so the first turn's configuration serves every turn.
export const DIALOG_STATE_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

export class HelpDeskBot extends TeamsActivityHandler {
  private readonly interceptors: TurnInterceptor[];
  private dialogStateConfiguration: unknown;

  constructor(private readonly deps: HelpDeskBotDeps) {
    super();
    // Teams rules first (mention gate, mention stripping, threads), so later interceptors and dialogs see clean text.
    this.interceptors = [teamsTurnInterceptor, ...(deps.interceptors ?? [])];

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      // One welcome per join of the user, never for the bot's own arrival; not in Teams channels (noisy).
      if (joined.length > 0 && context.activity.conversation?.conversationType !== 'channel') {
        await context.sendActivity(welcomeActivity(context.activity.channelId));
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      await this.intercept(context);
      await next();
    });
  }

  /** Messages (and card submits, which arrive as messages with a value) go to interceptors, then dialogs. */
  private async handleMessage(context: TurnContext): Promise<void> {
    if (await this.intercept(context)) return;
    await this.deps.conversation.run(context);
  }

  private async intercept(context: TurnContext): Promise<boolean> {
    for (const interceptor of this.interceptors) {
      if (await interceptor.intercept(context)) return true;
    }
    return false;
  }

  addInterceptor(interceptor: TurnInterceptor): void {
    this.interceptors.push(interceptor);
  }

  async run(context: TurnContext): Promise<void> {
    if (this.dialogStateConfiguration) context.turnState.set(DIALOG_STATE_CONFIGURATION_KEY, this.dialogStateConfiguration);
    await super.run(context);
    this.dialogStateConfiguration ??= context.turnState.get(DIALOG_STATE_CONFIGURATION_KEY);
    if (context.activity.type === ActivityTypes.Message || context.activity.type === ActivityTypes.Event || context.activity.type === ActivityTypes.Invoke) {
      await this.deps.conversationState.saveChanges(context, false);
      await this.deps.userState.saveChanges(context, false);
    }
  }
}
