// The text of a message, whichever way it came: typed, an imBack button, or a card submit
// ({ text } or Teams' msteams.messageBack text). Trimmed and capped, since every later step reads it.
import type { Activity } from 'botbuilder';

export const MAX_TEXT_CHARS = 2000;

export function messageText(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  if (!text.trim() && activity.value && typeof activity.value === 'object') {
    const value = activity.value as Record<string, unknown>;
    const msteams = value.msteams as Record<string, unknown> | undefined;
    if (typeof value.text === 'string') text = value.text;
    else if (msteams && typeof msteams.text === 'string') text = msteams.text;
  }
  return text.slice(0, MAX_TEXT_CHARS).trim();
}
