// The first thing a trainer sees: who we are, what we can do, and one-tap starts.
import { Activity, MessageFactory } from 'botbuilder';

export const WELCOME_TEXT =
  "Hi! I'm the ACTION Certification help-desk assistant. I can answer questions about recertifying, " +
  'work out your expiry date and what you still need to do, or connect you with a person from our support team.';

export const WELCOME_CHOICES = ['Check my recertification', 'How do I recertify?', 'Talk to a person'];

export function welcomeActivity(_channelId?: string): Partial<Activity> {
  return MessageFactory.suggestedActions(WELCOME_CHOICES, WELCOME_TEXT);
}
