// Takes a trainer's turn while their conversation is linked to an open request: "cancel" goes back to the
// bot, other messages wait for (or go to) the agent; after a timeout an email address is taken for follow-up.
// Also the Bot Framework `handoff.status` events an agent hub sends. Everything else reaches the dialogs.
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { TurnInterceptor } from '../bots/helpDeskBot';
import { classifyInterruption } from '../../dialogs/interruptibleDialog';
import { messageText } from '../../dialogs/messageText';
import { trainerText } from './messages';
import { timedOutActivity, type HandoffService } from './service';
import type { HandoffRequest } from './types';

// Clear withdrawals whether or not an agent has joined: the commands, and the ways people say they are done waiting
// ("stop waiting", "never mind, cancel", "I don't want to wait", "cancel my request", "forget it").
const CLEAR_WITHDRAWAL = new RegExp(
  String.raw`^(?:(?:ok(?:ay)?|actually|oh|no|sorry|please|never ?mind|nevermind)[,\s]+)*` +
    String.raw`(?:cancel|stop|quit|forget it|stop waiting|i['’]?m done waiting|back to (?:the )?(?:bot|assistant)|` +
    String.raw`cancel (?:my|the|this) (?:request|hand-?off|chat)(?: (?:for|with) (?:a person|support))?|end (?:the|this|my) chat|` +
    String.raw`i (?:don['’]?t|do not) want to (?:wait|keep waiting)(?: any ?more| any longer)?)` +
    String.raw`(?:[,\s]+(?:thanks?|thank you|please))?[.!]*$`,
  'i',
);
// Changing one's mind in softer words: while still waiting (no agent yet) it withdraws the request; once an agent is
// talking it may be meant for them ("never mind, it's fine"), so the trainer is asked instead of guessed for.
const CHANGED_MIND =
  /^(actually|ok|okay|oh|no|sorry)?[,\s]*(never ?mind|i changed my mind|i don['’]?t need (a person|help|anyone) any ?more|no need)([,\s]+(thanks?|thank you|please))?[.!]*$/i;
const YES_END = /^(?:yes|yeah|yep|yup|y|sure|please do|end it|yes,? (?:please|end it))[.!]*$/i;
const NO_END = /^(?:no|nope|nah|n|no thanks?|no,? thank you|keep (?:talking|chatting|going)|continue)[.!]*$/i;
// The answers to the timeout offer besides an email address (its buttons send the first of each).
const KEEP_WAITING = /^(ok(ay)?[,\s]+)?(keep waiting|i'?ll (keep )?wait|i will (keep )?wait|i can wait|wait|still waiting)([,\s]+(thanks?|thank you|please))?[.!]*$/i;
const FORGET = /^(?:please\s+)?(?:forget me|forget about me|delete (?:my|all my) (?:data|information|info|details)|erase (?:my|all my) (?:data|information|info|details)|remove my (?:personal )?data)(?:\s+please)?[.!]*$/i;
const HELP_WHILE_WAITING = /^(?:help|help me|help please|menu|options|what (?:can|do) i do(?: now)?|what now)[?.!]*$/i;
const NO_FOLLOW_UP = /^(no|nope|nah|no thanks?|no thank you|no,? thanks?|not now|no need)[.!]*$/i;

export class TrainerInterceptor implements TurnInterceptor {
  constructor(private readonly service: HandoffService) {}

  async intercept(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.type === ActivityTypes.Event && activity.name === 'handoff.status') {
      const state = (activity.value as { state?: string } | undefined)?.state;
      await this.service.hubStatus(context, state);
      return true;
    }
    if (activity.type !== ActivityTypes.Message) return false;

    let request = await this.service.linkedRequest(context);
    if (!request || request.status === 'resolved') {
      if (request) await this.service.unlink(context); // resolved or cancelled: the bot answers again
      return false;
    }
    if (!request.trainerAttached) return false; // left a follow-up message and went back to the bot

    const text = messageText(activity);
    if (request.status === 'active' && request.endAsked) {
      // The answer to "Do you want to end your chat with support?"
      if (YES_END.test(text)) return this.cancel(context, request);
      await this.service.keepTalking(request);
      if (NO_END.test(text)) {
        await context.sendActivity(trainerText.stillTalking(request.agent?.name ?? 'support'));
        return true;
      }
      // Neither: they moved on; the held words went to the agent and this message is read as usual.
      request = (await this.service.get(request.id)) ?? request;
      if (request.status === 'resolved') return false;
    }
    if (CLEAR_WITHDRAWAL.test(text) || (request.status === 'waiting' && CHANGED_MIND.test(text))) return this.cancel(context, request);
    if (request.status === 'active' && CHANGED_MIND.test(text)) {
      await this.service.askToEnd(request, text);
      await context.sendActivity({
        type: 'message',
        text: trainerText.askEnd,
        suggestedActions: { to: [], actions: trainerText.endChoices.map((c) => ({ type: 'imBack', title: c, value: c })) },
      });
      return true;
    }

    // "forget me" is a privacy request, not a message for the agent: the turn goes on to the main dialog, which deletes
    // what we store (state, answers, transcript) and, through its forget hook, withdraws and scrubs this conversation's
    // requests, then confirms.
    if (FORGET.test(text)) return false;

    const files = fileNames(activity);
    if (files) {
      // A certificate photo would otherwise vanish in silence: the agent learns of it, the trainer is asked for words.
      await this.service.trainerSays(request, `[tried to send ${files}: files can't be passed on in this chat, so they were asked to describe it]`);
      if (text) await this.service.trainerSays(request, text);
      await context.sendActivity(trainerText.noFiles);
      return true;
    }
    if (!text) return true; // nothing to pass on (a card without text, say)

    if (request.status === 'waiting') return this.whileWaiting(context, request, text);
    await this.service.trainerSays(request, text); // active: relayed to the agent, no reply from the bot
    return true;
  }

  private async cancel(context: TurnContext, request: HandoffRequest): Promise<boolean> {
    await this.service.cancelByTrainer(request);
    await this.service.unlink(context);
    await context.sendActivity(request.status === 'active' && request.agent ? trainerText.endedChat(request.agent.name) : trainerText.cancelled);
    return true;
  }

  private async whileWaiting(context: TurnContext, request: HandoffRequest, text: string): Promise<boolean> {
    if (request.awaitingFollowUp) {
      if (KEEP_WAITING.test(text)) {
        await context.sendActivity(trainerText.keptWaiting(await this.service.keepWaiting(request)));
        return true;
      }
      if (NO_FOLLOW_UP.test(text)) {
        await this.service.cancelByTrainer(request);
        await this.service.unlink(context);
        await context.sendActivity(trainerText.noFollowUp);
        return true;
      }
      const email = await this.service.leaveFollowUp(request, text);
      await context.sendActivity(email ? trainerText.followUpSaved(email) : trainerText.needEmail);
      return true;
    }
    // "help" / "menu" while nobody has joined asks what they can do now, not something for the agent to read.
    if (HELP_WHILE_WAITING.test(text)) {
      await context.sendActivity(`${trainerText.alreadyWaiting} ${trainerText.position(await this.service.position(request.id))} ${trainerText.keepTyping}`);
      return true;
    }
    const updated = await this.service.trainerSays(request, text);
    if (await this.service.checkTimeout(updated)) {
      await context.sendActivity(timedOutActivity());
      return true;
    }
    // Asking for a person again ("can I talk to someone?") wants to hear where they stand, not "I'll pass that on".
    // The words are still kept for the agent: "talk to someone about my fee" says what it is about.
    const lead = classifyInterruption(text) === 'handoff' ? trainerText.alreadyWaiting : trainerText.savedForAgent;
    await context.sendActivity(`${lead} ${trainerText.position(await this.service.position(request.id))}`);
    return true;
  }
}

/** "a file, cert.png", "2 files, a.pdf, b.png": what the trainer attached, for the agent; undefined when nothing. */
function fileNames(activity: Partial<Activity>): string | undefined {
  // Teams repeats every typed message as a text/html attachment: that is not a file.
  const files = (activity.attachments ?? []).filter(
    (a) => a && typeof a === 'object' && (a.contentUrl || a.content !== undefined) && !/^text\/(html|plain)\b/i.test(String(a.contentType ?? '')),
  );
  if (!files.length) return undefined;
  const names = files.map((a) => (typeof a.name === 'string' && a.name ? a.name.slice(0, 80) : String(a.contentType ?? 'unknown type'))).join(', ');
  return `${files.length === 1 ? 'a file' : `${files.length} files`}, ${names}`;
}
