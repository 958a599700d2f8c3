// The Teams rules for every incoming message, run before any other interceptor or dialog:
// in channels and group chats answer only when @mentioned (card button clicks carry a value and no
// mention, and are let through), strip every mention of the bot from the text, keep replies in the
// thread, turn suggested actions (which Teams shows only in personal chats) into card buttons, and make
// card buttons send messageBack there (an imBack click would arrive without the mention and be ignored).
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { TurnInterceptor } from '../../bots/helpDeskBot';
import { isBotMentioned, removeBotMentions } from './mentions';
import { isTeams, mentionRequired } from './scope';
import { keepRepliesInThread } from './thread';
import { choicesCard, teamsSafeAttachment } from './cards';
import { welcomeActivity } from '../../../dialogs/welcome';

/** True when the bot should stay silent: a channel/group message that neither mentions it nor is a card click. */
export function ignoredInTeams(activity: Partial<Activity>): boolean {
  if (!mentionRequired(activity)) return false;
  if (activity.value !== undefined && activity.value !== null) return false;
  return !isBotMentioned(activity);
}

/** Suggested actions → a card with messageBack buttons, for scopes where Teams would not show them. */
export function moveSuggestedActionsToCard(reply: Partial<Activity>): void {
  const actions = reply.suggestedActions?.actions;
  if (!actions?.length) return;
  const choices = actions.map((a) => String(a.value ?? a.title ?? '')).filter(Boolean);
  reply.attachments = [...(reply.attachments ?? []), choicesCard(choices)];
  delete reply.suggestedActions;
}

export const teamsTurnInterceptor: TurnInterceptor = {
  async intercept(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message || !isTeams(activity)) return false;
    if (ignoredInTeams(activity)) return true; // consumed: not for us
    removeBotMentions(activity);
    keepRepliesInThread(context);
    if (mentionRequired(activity)) {
      context.onSendActivities(async (_ctx, replies, next) => {
        for (const reply of replies) {
          moveSuggestedActionsToCard(reply);
          if (reply.attachments) reply.attachments = reply.attachments.map(teamsSafeAttachment);
        }
        return next();
      });
    }
    // A bare "@Bot" is a hello, not an unreadable message: greet with the one-tap starts.
    if (!activity.text && (activity.value === undefined || activity.value === null)) {
      await context.sendActivity(welcomeActivity(activity.channelId));
      return true;
    }
    return false;
  },
};
