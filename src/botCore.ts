// The bot without any channel: state, dialogs and the bot class over the given stores.
// Shared by the HTTP app and the in-process terminal chat.
import type { ConversationState, UserState } from 'botbuilder';
import { OptimisticConversationState, OptimisticUserState } from './optimisticState';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Stores } from './storage/createStores';
import { HelpDeskBot } from './bots/helpDeskBot';
import { createConversation, type MainConversation } from '../dialogs/mainDialog';
import { isStaffContext, wantsSomeoneElse } from './channels/teams/staff';

export interface BotCore {
  bot: HelpDeskBot;
  conversationState: ConversationState;
  userState: UserState;
  conversation: MainConversation;
}

export function createBotCore(config: Config, logger: Logger, stores: Stores, now?: () => Date): BotCore {
  // State is saved with the eTag it was read with, so two instances never silently overwrite each other.
  const conversationState = new OptimisticConversationState(stores.storage);
  const userState = new OptimisticUserState(stores.storage);
  const conversation = createConversation({
    config, logger, conversationState, userState, stores, now,
    // Teams staff may run the path for a trainer ("check a trainer's recertification").
    isForSomeoneElse: (context, text) => isStaffContext(context.activity) && wantsSomeoneElse(text),
  });
  const bot = new HelpDeskBot({ conversationState, userState, conversation, logger });
  return { bot, conversationState, userState, conversation };
}
