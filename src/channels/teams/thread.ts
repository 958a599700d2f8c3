// Replies in the thread of a channel message. Teams names a thread by the channel's conversation id plus
// ";messageid=<root message id>". botbuilder replies by copying the incoming conversation (which Teams
// already sends with ";messageid=") and setting replyToId; a proactive message needs the id built by hand.
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { teamsScope } from './scope';

const THREAD_MARK = ';messageid=';

/** The channel's id without any thread suffix. */
export function channelConversationId(conversationId: string): string {
  const at = conversationId.indexOf(THREAD_MARK);
  return at === -1 ? conversationId : conversationId.slice(0, at);
}

/** The thread's conversation id for a message in a channel: the incoming id if it names a thread, else a
 *  thread rooted at the message it answers (a top-level post starts its own thread). */
export function threadConversationId(activity: Partial<Activity>): string | undefined {
  const id = activity.conversation?.id;
  if (!id) return undefined;
  if (id.includes(THREAD_MARK)) return id;
  const root = activity.replyToId ?? activity.id;
  return root ? `${id}${THREAD_MARK}${root}` : id;
}

/** A reference for a proactive reply into an existing thread (e.g. the post a card was sent as). */
export function threadReference(reference: Partial<ConversationReference>, rootMessageId: string): Partial<ConversationReference> {
  const conversation = reference.conversation;
  if (!conversation) throw new Error('threadReference: the reference has no conversation');
  return {
    ...reference,
    conversation: { ...conversation, id: `${channelConversationId(conversation.id)}${THREAD_MARK}${rootMessageId}` },
    activityId: rootMessageId,
  };
}

/** Makes every reply of this turn in a channel go to the message's thread, even when the incoming id
 *  lacks the thread suffix (some clients and older payloads). Replies elsewhere are left alone. */
export function keepRepliesInThread(context: TurnContext): void {
  if (teamsScope(context.activity) !== 'channel') return;
  const threadId = threadConversationId(context.activity);
  if (!threadId) return;
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const reply of activities) {
      if (reply.conversation && channelConversationId(reply.conversation.id) === channelConversationId(threadId)) {
        reply.conversation = { ...reply.conversation, id: threadId };
      }
    }
    return next();
  });
}
