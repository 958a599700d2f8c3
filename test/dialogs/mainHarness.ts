// Drives MainConversation.run through a TestAdapter as the bot does (state saved after every turn), with a
// recording hand-off: after "talk to a person" the next message reaches the bot again, as after an agent hands
// the trainer back. Each harness has its own store (TestAdapter reuses one conversation and user id).
import { Activity, ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import type { Stores } from '../../src/storage/createStores';
import { MainConversation, type HandoffRequestStart } from '../../dialogs/mainDialog';
import type { FaqTurnState } from '../../dialogs/faqResponder';
import { readableText } from '../../scripts/eval';

export interface MainTurn {
  text: string;
  /** the path dialog is still active after this turn */
  inPath: boolean;
  assessment?: Record<string, unknown>;
  buttons: string[];
}

export function mainHarness(stores: Stores, now = new Date('2026-05-15T12:00:00Z')) {
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const handoffs: HandoffRequestStart[] = [];
  const main = new MainConversation({
    config: loadConfig({ STORAGE: 'memory' }),
    logger: pino({ level: 'silent' }),
    conversationState,
    userState,
    stores,
    now: () => now,
    handoff: { start: async (_context, request) => void handoffs.push(request) },
  });
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const faqProperty = conversationState.createProperty<FaqTurnState>('faq');
  let inPath = false;
  let lastFaq: FaqTurnState | undefined;
  let userKey: string | undefined;
  const adapter = new TestAdapter(async (context) => {
    userKey = userState.getStorageKey(context);
    await main.run(context);
    inPath = ((await dialogState.get(context))?.dialogStack.length ?? 0) > 0;
    lastFaq = await faqProperty.get(context);
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  });
  const say = async (text: string): Promise<MainTurn> => {
    await adapter.send(text);
    const replies: Partial<Activity>[] = [];
    for (let r = adapter.getNextReply(); r; r = adapter.getNextReply()) replies.push(r);
    const assessment = replies.map((r) => (r.channelData as { assessment?: Record<string, unknown> } | undefined)?.assessment).find(Boolean);
    const buttons = replies.flatMap((r) => (r.suggestedActions?.actions ?? []).map((a) => a.title));
    return { text: readableText(replies), inPath, assessment, buttons };
  };
  /** The user state as stored (what "forget me" must delete). */
  const userStored = async (): Promise<Record<string, unknown> | undefined> => {
    if (!userKey) return undefined;
    return (await storage.read([userKey]))[userKey] as Record<string, unknown> | undefined;
  };
  /** The FAQ's turn state after the last turn (what a follow-up leans on). */
  const faqState = (): FaqTurnState | undefined => lastFaq;
  return { say, main, handoffs, userStored, faqState };
}
