// @mentions of the bot in Teams text. botbuilder's TurnContext.removeRecipientMention removes only the
// first occurrence of the first mention entity; "<at>Bot</at> hi <at>Bot</at>" would keep the second one
// and the FAQ would be asked about "hi <at>Bot</at>". These helpers remove every one.
import { TurnContext, type Activity, type Mention } from 'botbuilder';

function botMentions(activity: Partial<Activity>): Mention[] {
  const botId = activity.recipient?.id;
  if (!botId || !activity.entities) return [];
  return TurnContext.getMentions(activity).filter((m) => m.mentioned?.id === botId);
}

export function isBotMentioned(activity: Partial<Activity>): boolean {
  return botMentions(activity).length > 0;
}

/** The text with every mention of the bot taken out (all occurrences of every mention entity's text). */
export function textWithoutBotMentions(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  for (const mention of botMentions(activity)) {
    // Entity text is normally "<at>Name</at>"; fall back to that shape when a client leaves it out.
    const shown = mention.text || (mention.mentioned?.name ? `<at>${mention.mentioned.name}</at>` : '');
    if (shown) text = text.split(shown).join(' ');
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Removes the bot's mentions from the activity in place (text and entities) and returns the new text. */
export function removeBotMentions(activity: Partial<Activity>): string {
  const text = textWithoutBotMentions(activity);
  const botId = activity.recipient?.id;
  activity.text = text;
  if (activity.entities) {
    activity.entities = activity.entities.filter((e) => !(e.type?.toLowerCase() === 'mention' && (e as Mention).mentioned?.id === botId));
  }
  return text;
}
