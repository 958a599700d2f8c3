// Takes a trainer's turn while their conversation is linked to an open request: "cancel" goes back to the
// bot, other messages wait for (or go to) the agent; after a timeout an email address is taken for follow-up.
// Also the Bot Framework `handoff.status` events an agent hub sends. Everything else reaches the dialogs.
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { TurnInterceptor } from '../bots/helpDeskBot';
import { messageText } from '../../dialogs/messageText';
import { trainerText } from './messages';
import type { HandoffService } from './service';

const CANCEL = /^(cancel|stop|quit|never ?mind|nevermind|back to (the )?(bot|assistant)|cancel (the )?(request|hand-?off))[.!]*$/i;
// While still waiting (no agent yet), looser ways of changing one's mind also withdraw the request; once an agent
// is talking, such words are meant for the agent.
const WITHDRAW_WHILE_WAITING =
  /^(actually|ok|okay|oh|no|sorry)?[,\s]*(never ?mind|forget it|i changed my mind|i don'?t need (a person|help|anyone) anymore|no need)([,\s]+(thanks?|thank you|please))?[.!]*$/i;

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
      await context.sendActivity(trainerText.cancelled);
      return true;
    }
    if (!text) return true; // nothing to pass on (a card without text, say)

    if (request.status === 'waiting') {
      if (request.awaitingFollowUp) {
        const email = await this.service.leaveFollowUp(request, text);
        await context.sendActivity(email ? trainerText.followUpSaved(email) : trainerText.needEmail);
        return true;
      }
      const updated = await this.service.trainerSays(request, text);
      if (await this.service.checkTimeout(updated)) {
        await context.sendActivity(trainerText.timedOut);
        return true;
      }
      await context.sendActivity(`${trainerText.savedForAgent} ${trainerText.position(await this.service.position(request.id))}`);
      return true;
    }
    await this.service.trainerSays(request, text); // active: relayed to the agent, no reply from the bot
    return true;
  }
}
