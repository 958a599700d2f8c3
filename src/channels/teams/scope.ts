// Where in Teams a message was written. In channels and group chats people talk to each other, so the
// bot speaks only when @mentioned; in a personal chat everything is for the bot.
import type { Activity } from 'botbuilder';

export const TEAMS_CHANNEL_ID = 'msteams';

export type TeamsScope = 'personal' | 'groupChat' | 'channel';

export function isTeams(activity: Partial<Activity>): boolean {
  return activity.channelId === TEAMS_CHANNEL_ID;
}

/** The Teams scope of the activity, or undefined outside Teams. */
export function teamsScope(activity: Partial<Activity>): TeamsScope | undefined {
  if (!isTeams(activity)) return undefined;
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  // Older payloads mark channel messages only by channelData.channel; group chats by isGroup.
  const channelData = activity.channelData as { channel?: { id?: string } } | undefined;
  if (channelData?.channel?.id) return 'channel';
  if (activity.conversation?.isGroup) return 'groupChat';
  return 'personal';
}

/** True where the bot must be @mentioned before it answers. */
export function mentionRequired(activity: Partial<Activity>): boolean {
  const scope = teamsScope(activity);
  return scope === 'channel' || scope === 'groupChat';
}
