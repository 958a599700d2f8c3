import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import { type DialogContext, DialogSet, type DialogState, DialogTurnStatus, WaterfallDialog } from 'botbuilder-dialogs';
import {
  AskDialog,
  type AskOptions,
  classifyInterruption,
  InterruptibleDialog,
  looksLikeQuestion,
  type Reading,
} from '../../dialogs/interruptibleDialog';

describe('classifyInterruption', () => {
  test.each([
    ['help', 'help'],
    ['Help!', 'help'],
    ['why do you need this?', 'help'],
    ['cancel', 'cancel'],
    ['stop', 'cancel'],
    ['never mind', 'cancel'],
    ["actually i don't want to do this", 'cancel'],
    ['I changed my mind', 'cancel'],
    ['not now', 'cancel'],
    ['start over', 'restart'],
    ['Restart', 'restart'],
    ["let's start again", 'restart'],
    ['can we start over?', 'restart'],
    ['I want to start from the beginning', 'restart'],
    ['talk to a person', 'handoff'],
    ['I want to speak with a human', 'handoff'],
    ['agent', 'handoff'],
    ['can I talk to someone?', 'handoff'],
    // a person asked for in other words (QA: these were read as a bad date, exam or CEC answer)
    ['i want a real person', 'handoff'],
    ['can I get a human', 'handoff'],
    ["I'd like to speak to someone", 'handoff'],
    ['real person please', 'handoff'],
    ['give me an agent', 'handoff'],
    ['I need to speak with customer service', 'handoff'],
    ['could you put me through to someone', 'handoff'],
    ['I want the online exam', undefined],
    ['can I get more CECs', undefined],
    ['I need to renew', undefined],
    ['i need someone to sign my form', undefined],
    // answers and ordinary sentences are not commands
    ['online', undefined],
    ['no', undefined],
    ['March 2025', undefined],
    ["I don't know", undefined],
    ['I stopped counting my CECs', undefined],
    ['help me understand the exam route and why it matters for my trainers at the gym', undefined],
  ])('%s → %s', (text, kind) => expect(classifyInterruption(text)).toBe(kind));
});

describe('looksLikeQuestion', () => {
  test.each([
    ['how much is the fee?', true],
    ['Do CECs from 2023 count', true],
    ['online', false],
    ['1.5', false],
    ['March 3 2025', false],
  ])('%s → %s', (text, expected) => expect(looksLikeQuestion(text)).toBe(expected));
});

describe('a prompt answer is read once per turn', () => {
  // A minimal interruptible dialog around one AskDialog whose reader counts its calls: the interruption check
  // ("does the prompt accept this?") and the prompt itself must share one reading (the date recogniser is slow).
  class OnePrompt extends InterruptibleDialog {
    constructor(reader: (text: string) => Reading<string>) {
      super('onePrompt', { tryAnswer: async () => false });
      this.addDialog(new AskDialog('ask', (_c, text) => reader(text)));
      this.addDialog(
        new WaterfallDialog('steps', [
          (step) => step.beginDialog('ask', { prompt: { type: 'message', text: 'When?' } } satisfies AskOptions),
          async (step) => {
            await step.context.sendActivity(`got ${step.result as string}`);
            return step.endDialog();
          },
        ]),
      );
      this.initialDialogId = 'steps';
    }
    protected helpText(): string {
      return 'help';
    }
    protected cancel(dc: DialogContext) {
      return dc.cancelAllDialogs();
    }
    protected handoff(dc: DialogContext) {
      return dc.cancelAllDialogs();
    }
    protected restart(dc: DialogContext) {
      return dc.cancelAllDialogs();
    }
  }

  test.each([
    ['an accepted answer', 'March 3, 2025', ['When?', 'got March 3, 2025']],
    ['a refused answer', 'soon', ['When?', "Sorry, I didn't catch that.\n\nWhen?"]],
  ])('%s', async (_case, answer, replies) => {
    const reads: string[] = [];
    const dialog = new OnePrompt((text) => {
      reads.push(text);
      return text === 'soon' ? { ok: false } : { ok: true, value: text };
    });
    const conversationState = new ConversationState(new MemoryStorage());
    const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState')).add(dialog);
    const sent: string[] = [];
    const adapter = new TestAdapter(async (context) => {
      const dc = await dialogs.createContext(context);
      if ((await dc.continueDialog()).status === DialogTurnStatus.empty) await dc.beginDialog('onePrompt');
      await conversationState.saveChanges(context);
    });
    await adapter.send('start').assertReply((a) => void sent.push(a.text ?? ''));
    await adapter.send(answer).assertReply((a) => void sent.push(a.text ?? ''));
    expect(sent).toEqual(replies);
    expect(reads).toEqual([answer]);
  });
});
