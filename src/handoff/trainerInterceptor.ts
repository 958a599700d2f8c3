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

const CANCEL = /^(cancel|stop|quit|never ?mind|nevermind|back to (the )?(bot|assistant)|cancel (the )?(request|hand-?off))[.!]*$/i;
// While still waiting (no agent yet), looser ways of changing one's mind also withdraw the request; once an agent
// is talking, such words are meant for the agent.
const WITHDRAW_WHILE_WAITING =
  /^(actually|ok|okay|oh|no|sorry)?[,\s]*(never ?mind|forget it|i changed my mind|i don'?t need (a person|help|anyone) anymore|no need)([,\s]+(thanks?|thank you|please))?[.!]*$/i;
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

    const request = await this.service.linkedRequest(context);
    if (!request || request.status === 'resolved') {
      if (request) await this.service.unlink(context); // resolved or cancelled: the bot answers again
      return false;
    }
    if (!request.trainerAttached) return false; // left a follow-up message and went back to the bot

    const text = messageText(activity);
    if (CANCEL.test(text) || (request.status === 'waiting' && WITHDRAW_WHILE_WAITING.test(text))) {
      await this.service.cancelByTrainer(request);
      await this.service.unlink(context);
      await context.sendActivity(request.status === 'active' && request.agent ? trainerText.endedChat(request.agent.name) : trainerText.cancelled);
      return true;
    }

    // "forget me" is a privacy request, not a message for the agent: the request is withdrawn and the turn goes on to
    // the main dialog, which deletes what we store (state, answers, transcript) and confirms.
    if (FORGET.test(text)) {
      await this.service.cancelByTrainer(request);
      await this.service.unlink(context);
      return false;
    }

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
