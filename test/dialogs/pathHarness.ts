// Drives RecertPathDialog through a TestAdapter with conversation + user state on MemoryStorage,
// as the bot would: continue the active dialog, else start it with the message as the utterance.
import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { Links } from '../../src/config';
import type { PathAnswers } from '../../src/recert/answers';
import { RecertPathDialog, type PathDialogResult } from '../../dialogs/recertPathDialog';
import type { FaqAnswerer } from '../../dialogs/interruptibleDialog';

export const FIXED_NOW = new Date('2026-05-15T12:00:00Z'); // today = 2026-05-15 in UTC

export interface HarnessOptions {
  channelId?: string;
  locale?: string;
  localTimezone?: string;
  links?: Links;
  faq?: FaqAnswerer;
  now?: Date;
  forSomeoneElse?: boolean;
  storage?: MemoryStorage;
}

export interface Harness {
  say(text: string): Promise<Array<Partial<Activity>>>;
  /** Replies' text joined, for readable assertions. */
  sayText(text: string): Promise<string>;
  results: PathDialogResult[];
  savedAnswers(): Promise<PathAnswers | undefined>;
  storage: MemoryStorage;
}

export function pathHarness(options: HarnessOptions = {}): Harness {
  const storage = options.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const userAnswers = userState.createProperty<PathAnswers>('pathAnswers');
  const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
  const now = options.now ?? FIXED_NOW;
  dialogs.add(
    new RecertPathDialog({ userAnswers, links: options.links ?? {}, defaultTimeZone: 'UTC', faq: options.faq, now: () => now }),
  );
  const results: PathDialogResult[] = [];
  let userKey: string | undefined;
  const adapter = new TestAdapter(
    async (context) => {
      userKey = userState.getStorageKey(context);
      const dc = await dialogs.createContext(context);
      let turn = await dc.continueDialog();
      if (turn.status === DialogTurnStatus.empty) {
        turn = await dc.beginDialog('recertPath', { utterance: context.activity.text, forSomeoneElse: options.forSomeoneElse });
      }
      if (turn.status === DialogTurnStatus.complete) results.push(turn.result as PathDialogResult);
      await conversationState.saveChanges(context);
      await userState.saveChanges(context);
    },
    {
      channelId: options.channelId ?? 'test',
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.localTimezone ? { localTimezone: options.localTimezone } : {}),
    },
  );

  const say = async (text: string): Promise<Array<Partial<Activity>>> => {
    await adapter.send(text);
    const replies: Array<Partial<Activity>> = [];
    for (let r = adapter.getNextReply(); r; r = adapter.getNextReply()) replies.push(r);
    return replies;
  };
  return {
    say,
    async sayText(text) {
      return (await say(text)).map((a) => a.text ?? '').join('\n---\n');
    },
    results,
    async savedAnswers() {
      if (!userKey) return undefined;
      const items = await storage.read([userKey]);
      return (items[userKey] as { pathAnswers?: PathAnswers } | undefined)?.pathAnswers;
    },
    storage,
  };
}
