// The Bot Framework adapter and what happens when a turn fails: log with a correlation id, apologise in
// plain words, send the standard trace, and clear the dialog stack so the next message starts fresh.
import { randomUUID } from 'node:crypto';
import {
  BotAdapter,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  ConversationState,
  TurnContext,
} from 'botbuilder';
import type { Config } from './config';
import { hashId, type Logger } from './logger';

export const TURN_ERROR_MESSAGE =
  "Sorry, something went wrong on my side and I couldn't finish that. Please try again, or type \"talk to a person\" if it keeps happening.";

export function createAdapter(config: Config, extraAuth: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {}): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppType: config.MicrosoftAppType || 'MultiTenant',
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...extraAuth,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  return new CloudAdapter(auth);
}

export function installTurnErrorHandler(adapter: BotAdapter, conversationState: ConversationState, logger: Logger): void {
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const correlationId = randomUUID();
    logger.error(
      {
        correlationId,
        err: { name: error?.name, message: error?.message, stack: error?.stack },
        conversation: hashId(context.activity.conversation?.id),
        channelId: context.activity.channelId,
        activityType: context.activity.type,
      },
      'turn failed',
    );
    try {
      await context.sendActivity(TURN_ERROR_MESSAGE);
      await context.sendTraceActivity('OnTurnError Trace', `${error}`, 'https://www.botframework.com/schemas/error', 'TurnError');
    } catch (sendError) {
      logger.warn({ correlationId, err: (sendError as Error)?.message }, 'could not tell the user about the failed turn');
    }
    try {
      // Drop this turn's half-made changes (reload), then clear only the dialog stack; the rest of the
      // conversation (a hand-off in progress, say) and the trainer's saved answers stay.
      await conversationState.load(context, true);
      await conversationState.createProperty('dialogState').delete(context);
      await conversationState.saveChanges(context, true);
    } catch (stateError) {
      logger.warn({ correlationId, err: (stateError as Error)?.message }, 'could not clear dialog state after a failed turn');
    }
  };
}
