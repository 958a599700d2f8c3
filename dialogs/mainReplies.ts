// Fixed replies of the top level. Worded for trainers; no article facts here (those come from knowledge/).
import { Activity, MessageFactory } from 'botbuilder';

export const FORGOTTEN_TEXT =
  "Done. I've deleted what I had stored about you: your saved recertification answers, this conversation's state and its transcript. " +
  'Anything you tell me from now on starts fresh.';

export const RESTART_TEXT = "OK, let's start fresh. What would you like to know about recertifying?";

export const NOTHING_TO_CANCEL_TEXT = "There's nothing in progress to cancel. Ask me a question whenever you're ready.";

/** leadIn: a line before the menu (e.g. an apology to a frustrated trainer, from the knowledge base). */
export function helpActivity(leadIn?: string): Partial<Activity> {
  return MessageFactory.suggestedActions(
    ['Check my recertification', 'How do I recertify?', 'Talk to a person'],
    (leadIn ? `${leadIn}\n\n` : '') +
      'I can:\n' +
      '- answer questions about recertifying, from the help article "How do I get Recertified?"\n' +
      '- work out your expiry date, the CECs you still need and your options (say "check my recertification")\n' +
      '- connect you with a person from our support team (say "talk to a person")\n' +
      'You can also say "forget me" to delete what I have stored about you.',
  );
}

export function noHandoffActivity(supportRequestUrl?: string): Partial<Activity> {
  const where = supportRequestUrl
    ? `You can submit a request to our support team here: ${supportRequestUrl}`
    : 'You can reach our support team with "Submit a request" at the bottom of any help-center article.';
  return MessageFactory.text(`I can't connect you to a person from this chat right now. ${where}`);
}

/** The button that starts a new route check after a follow-up answered from the last one. */
export const CHECK_AGAIN = 'Check again';

/** An answer from the trainer's last route check, with a way to redo it if something changed. */
export function followUpActivity(answer: string, offerPerson: boolean): Partial<Activity> {
  return MessageFactory.suggestedActions(
    offerPerson ? ['Talk to a person', CHECK_AGAIN] : [CHECK_AGAIN],
    `${answer}\n\nIf anything has changed (your date, exam or CECs), choose "${CHECK_AGAIN}".`,
  );
}
