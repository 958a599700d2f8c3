// A second baseline: the smallest bot built the way the issue asks the real one to be — botbuilder-dialogs with
// conversation and user state on the same memory store — on the echo bot's stack. Each turn loads both states,
// continues a one-step waterfall whose text prompt re-asks, sends one reply and saves. It answers nothing; it
// measures what any dialog bot on this stack pays before its own logic, so the bot's ratio can be read against it.
import { ActivityHandler, ConversationState, UserState, type Storage } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';

export function dialogFloorBot(storage: Storage): ActivityHandler {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const profile = userState.createProperty<{ turns: number }>('profile');
  const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
  dialogs.add(new TextPrompt('answer'));
  dialogs.add(
    new WaterfallDialog('loop', [
      async (step) => step.prompt('answer', 'Your answer?'),
      async (step) => {
        await step.context.sendActivity(`noted: ${String(step.result).slice(0, 40)}`);
        return step.replaceDialog('loop');
      },
    ]),
  );

  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    (await profile.get(context, { turns: 0 }))!.turns++;
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog('loop');
    await next();
  });
  const run = bot.run.bind(bot);
  bot.run = async (context) => {
    await run(context);
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  };
  return bot;
}
