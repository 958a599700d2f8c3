// The conversation's top level: continue an active dialog, otherwise let the FAQ responder answer and
// route the actions it recognises (a trainer's own situation → path dialog, "talk to a person" → hand-off,
// "forget me" → delete what we store about them).
import {
  Activity,
  ActivityTypes,
  ConversationState,
  MessageFactory,
  StatePropertyAccessor,
  TurnContext,
  UserState,
} from 'botbuilder';
import { DialogContext, DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import { linksOf, type Config } from '../src/config';
import { hashId, type Logger } from '../src/logger';
import type { Stores } from '../src/storage/createStores';
import { loadKnowledge } from '../src/faq/knowledge';
import { createFaqEngine, type FaqResult } from '../src/faq/engine';
import { FeedbackLog } from '../src/faq/feedbackLog';
import { warmUpRecognizers } from '../src/recert/recognizers';
import { describesOwnSituation } from '../src/recert/situation';
import { isValidTimeZone, todayIn } from '../src/recert/dates';
import { expiresOnFor, statusOn } from '../src/recert/rules';
import { asksForPerson, readChatter, type Chatter } from '../src/faq/chatter';
import { FaqResponder, TALK_TO_PERSON, type FaqTurnState } from './faqResponder';
import { assessmentSchema, type Assessment, type EarnedVia } from '../src/recert/assessment';
import { describeFollowUp, followUpKind } from '../src/recert/followUp';
import { RecertPathDialog, type PathDialogResult, type RecertPathOptions } from './recertPathDialog';
import { readAnswers, type PathAnswers } from '../src/recert/answers';
import { answerToOpenQuestion, hasAnyAnswer, mayAnswerPathQuestion } from '../src/recert/resume';
import { messageText } from './messageText';
import { helpActivity, followUpActivity, CHECK_AGAIN, FORGOTTEN_TEXT, NOTHING_TO_CANCEL_TEXT, RESTART_TEXT, noHandoffActivity } from './mainReplies';

export const PATH_DIALOG_ID = 'recertPath';

/** What the hand-off part offers the conversation (src/handoff implements it). */
export interface HandoffRequestStart {
  reason: 'asked' | 'unanswered' | 'lapsed';
  question?: string;
  lastUnanswered?: string;
  assessment?: PathDialogResult['assessment'];
  answers?: unknown;
}
export interface HandoffStarterLike {
  start(context: TurnContext, request: HandoffRequestStart): Promise<void>;
}

export interface MainConversationDeps {
  config: Config;
  logger: Logger;
  conversationState: ConversationState;
  userState: UserState;
  stores: Stores;
  now?: () => Date;
  handoff?: HandoffStarterLike;
  /** Teams staff asking about someone else ("check a trainer's recertification"). */
  isForSomeoneElse?: (context: TurnContext, text: string) => boolean;
}

export class MainConversation {
  readonly faq: FaqResponder;
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly faqState: StatePropertyAccessor<FaqTurnState>;
  private readonly lastUnanswered: StatePropertyAccessor<string | undefined>;
  private readonly unfinishedAnswers: StatePropertyAccessor<PathAnswers | undefined>;
  private readonly savedAnswers: StatePropertyAccessor<PathAnswers>;
  /** the last route check's result in this conversation: own-situation follow-ups are answered from it */
  private readonly lastAssessment: StatePropertyAccessor<Assessment | undefined>;
  /** the message that began a check left half-way before any answer was kept ("March 2025", then a person) */
  private readonly unfinishedOpener: StatePropertyAccessor<string | undefined>;
  private handoff?: HandoffStarterLike;
  private readonly forgetHooks: Array<(context: TurnContext) => Promise<string | void>> = [];
  private readonly engine: ReturnType<typeof createFaqEngine>;

  constructor(private readonly deps: MainConversationDeps) {
    const { config, logger, conversationState, userState, stores } = deps;
    const links = linksOf(config);
    const knowledge = loadKnowledge();
    const engine = createFaqEngine(knowledge);
    this.engine = engine;
    const feedback = new FeedbackLog(stores.keyv('feedback'), config.FEEDBACK_RETENTION_DAYS);
    this.faq = new FaqResponder({ engine, links, feedback, logger, vocabulary: knowledge.vocabulary, today: (context) => this.today(context) });
    this.handoff = deps.handoff;
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.faqState = conversationState.createProperty<FaqTurnState>('faq');
    this.lastUnanswered = conversationState.createProperty<string | undefined>('lastUnanswered');
    // Next to the complete answers: those of a check left half-way ("forget me" deletes both with the user state).
    this.unfinishedAnswers = userState.createProperty<PathAnswers | undefined>('pathAnswersUnfinished');
    this.savedAnswers = userState.createProperty<PathAnswers>('pathAnswers');
    this.lastAssessment = conversationState.createProperty<Assessment | undefined>('lastAssessment');
    this.unfinishedOpener = conversationState.createProperty<string | undefined>('pathOpenerUnfinished');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(
      new RecertPathDialog({
        userAnswers: this.savedAnswers,
        unfinishedAnswers: this.unfinishedAnswers,
        links,
        defaultTimeZone: config.TIMEZONE,
        faq: this.faq,
        now: deps.now,
      }),
    );
  }

  /** The date recognizer costs ~200 ms on first use: pay it at start-up, not on a trainer's turn. */
  async warmUp(): Promise<void> {
    warmUpRecognizers();
  }

  setHandoff(handoff: HandoffStarterLike): void {
    this.handoff = handoff;
  }

  /**
   * Other parts that keep data about a conversation (the transcript, hand-off requests) delete it on "forget me"; a
   * hook may return a sentence for the confirmation (e.g. that a request to support was withdrawn).
   */
  onForget(hook: (context: TurnContext) => Promise<string | void>): void {
    this.forgetHooks.push(hook);
  }

  async run(context: TurnContext): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return;
    const text = messageText(context.activity);
    const dc = await this.dialogs.createContext(context);
    // "forget me" in the middle of the path is still a request to delete what we keep, not an answer.
    if (dc.activeDialog && this.asksToForget(text)) {
      await dc.cancelAllDialogs();
      return this.forget(context);
    }
    if (dc.activeDialog) {
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.complete) await this.afterPath(context, result.result as PathDialogResult);
      // The check was over and the message answered nothing it asked: handled below like any other message.
      if (!(result.status === DialogTurnStatus.complete && (result.result as PathDialogResult | undefined)?.passOn)) return;
    }
    if (!text) {
      await context.sendActivity("I can only read text messages. Type your question, or pick one of the buttons.");
      return;
    }
    // The follow-up's button: a new check (the path dialog offers the saved answers, each one can be changed).
    if (CHECK_AGAIN_RE.test(text)) return this.beginPath(context, dc, text);
    // "how many more CECs do I need?" right after a result: their own numbers, not the rule or a new check.
    if (await this.answerFollowUp(context, text)) return;
    // "I was certified in March 2023, how often do I recertify?": their own dates are worked out from what they said.
    if (this.describesOwnSituation(context, text)) return this.beginPath(context, dc, text);
    const state = await this.faqState.get(context, { misses: 0 });
    // "where were we?", "continue": a check left half-way (for a person, or cancelled) goes on where it stopped.
    if (RESUME_RE.test(text) && (await this.resumeUnfinished(context, dc))) {
      state.pending = undefined;
      return;
    }
    // Back from a person half-way through the route check, "online exam" answers the question left open.
    if (state.pending?.kind !== 'clarify') {
      const answers = await this.answerToOpenQuestion(context, text);
      if (answers) {
        state.pending = undefined;
        return this.beginPath(context, dc, text, undefined, answers);
      }
    }
    // "chek my status pls", a bare "March 3, 2025": the path is the only plausible reading, just not a confident
    // one. A "Did you mean" with one real option costs the trainer a turn and strands the answers that follow.
    // (A pending "Was this helpful?" or "Did you mean" reply never reads this way: "yes", "2", "none of these".)
    const classified = this.engine.classify(text, { lastEntryId: state.lastEntryId });
    if (clearlyThePath(classified)) {
      state.pending = undefined;
      return this.beginPath(context, dc, text, classified);
    }
    // "I need to talk to someone about my lapsed cert": the ask for a person wins over the topic's decline; the
    // topic goes to the agent as the question.
    if (classified.top?.kind !== 'action' && state.pending?.kind !== 'clarify' && asksForPerson(text)) {
      state.pending = undefined;
      return this.startHandoff(context, { reason: 'asked', question: text, lastUnanswered: await this.lastUnanswered.get(context) });
    }
    // Mashed keys, another language, rudeness: no question the article could cover, so no "doesn't cover that".
    // A confident match is trusted, except that a complaint about the bot which asks nothing ("you are not helping")
    // is rudeness even when its words happen to match an answer (the "why recertify" one, say).
    const read = state.pending?.kind !== 'clarify' ? readChatter(text) : undefined;
    const chatter = classified.band !== 'high' || (read === 'rude' && classified.top?.kind === 'faq' && !asksSomething(text)) ? read : undefined;
    // A named decline topic ("CPR") keeps its own reply; rudeness is answered whatever it matched.
    if (chatter && (chatter === 'rude' || classified.top?.kind !== 'decline')) {
      state.pending = chatter === 'unreadable' ? undefined : { kind: 'offer' };
      await context.sendActivity(chatterReply(chatter));
      return;
    }
    // Several questions in one message: the earlier ones answered first, the last one as usual (with its prompt).
    for (const asked of classified.alsoAsked ?? []) await this.faq.tryAnswer(context, asked);
    const outcome = await this.faq.respond(context, text, state, classified, { savedExam: () => this.savedExam(context) });
    // Kept for the hand-off summary: the agent sees what the bot could not answer.
    if (outcome.outcome === 'declined' || outcome.outcome === 'clarifying') await this.lastUnanswered.set(context, text);
    if (outcome.outcome !== 'action' || !outcome.action) return;

    switch (outcome.action) {
      case 'path':
        return this.beginPath(context, dc, text, outcome.classification);
      case 'handoff':
        return this.startHandoff(context, {
          reason: state.misses >= 2 ? 'unanswered' : 'asked',
          question: text,
          lastUnanswered: await this.lastUnanswered.get(context),
        });
      case 'forget':
        return this.forget(context);
      case 'help':
        await context.sendActivity(helpActivity(outcome.leadIn));
        return;
      case 'restart':
        await dc.cancelAllDialogs();
        await this.lastAssessment.delete(context);
        await context.sendActivity(RESTART_TEXT);
        return;
      case 'cancel':
        await context.sendActivity(NOTHING_TO_CANCEL_TEXT);
        return;
    }
  }

  /** The article's general rule first when the FAQ is confident about one, then the trainer's own case. */
  private async beginPath(context: TurnContext, dc: DialogContext, text: string, classified?: FaqResult, answers?: PathAnswers): Promise<void> {
    // A plain statement of facts ("certified March 3 2025, online exam, 1.5 CECs") asks nothing: no article answer.
    // The FAQ turn's classification is passed on when there was one (no second classification of the same text).
    if (asksSomething(text)) {
      const exam = (await this.faqState.get(context))?.exam ?? (await this.savedExam(context));
      await this.faq.answerGeneralRule(context, text, classified, exam);
    }
    const forSomeoneElse = this.deps.isForSomeoneElse?.(context, text) ?? false;
    if (!forSomeoneElse) await this.unfinishedOpener.set(context, text);
    const result = await dc.beginDialog(PATH_DIALOG_ID, { utterance: text, forSomeoneElse, answers } satisfies RecertPathOptions);
    if (result.status === DialogTurnStatus.complete) await this.afterPath(context, result.result as PathDialogResult);
  }

  /**
   * Picks a half-way check up again: its kept answers (the path dialog reads them itself), or else the message
   * that began it, read again so the open question ("Which day in March 2025…?") is asked again. False when none.
   */
  private async resumeUnfinished(context: TurnContext, dc: DialogContext): Promise<boolean> {
    if (this.deps.isForSomeoneElse?.(context, '')) return false;
    const kept = hasAnyAnswer(readAnswers(await this.unfinishedAnswers.get(context)));
    const opener = kept ? undefined : await this.unfinishedOpener.get(context);
    if (!kept && !opener) return false;
    await context.sendActivity(RESUME_TEXT);
    const result = await dc.beginDialog(PATH_DIALOG_ID, { utterance: opener } satisfies RecertPathOptions);
    if (result.status === DialogTurnStatus.complete) await this.afterPath(context, result.result as PathDialogResult);
    return true;
  }

  /** The answers a short message gives to the question a half-way route check left open, if it does. */
  private async answerToOpenQuestion(context: TurnContext, text: string): Promise<PathAnswers | undefined> {
    // Cheap test first: most FAQ turns never read user state for this.
    if (!mayAnswerPathQuestion(text) || this.deps.isForSomeoneElse?.(context, text)) return undefined;
    const unfinished = readAnswers(await this.unfinishedAnswers.get(context));
    if (!hasAnyAnswer(unfinished)) return undefined;
    return answerToOpenQuestion(unfinished, text, this.today(context), context.activity.locale);
  }

  private today(context: TurnContext): string {
    const local = context.activity.localTimezone;
    const timeZone = isValidTimeZone(local) ? local : this.deps.config.TIMEZONE;
    return todayIn(timeZone, this.deps.now?.() ?? new Date());
  }

  /** A message that states the trainer's own certification date goes to the path dialog, whatever it asks. */
  private describesOwnSituation(context: TurnContext, text: string): boolean {
    return describesOwnSituation(text, this.today(context), context.activity.locale);
  }

  private async afterPath(context: TurnContext, result: PathDialogResult | undefined): Promise<void> {
    const exam = result?.assessment?.earnedVia ?? result?.answers?.earnedVia;
    if (exam) (await this.faqState.get(context, { misses: 0 })).exam = exam;
    if (result?.assessment) await this.lastAssessment.set(context, result.assessment);
    // Only a check stopped before any answer was kept needs its first message to go on (its answers say the rest).
    const stoppedEarly = !!result && !result.assessment && (result.handoffRequested || result.cancelled) && !hasAnyAnswer(readAnswers(result.answers));
    if (!stoppedEarly) await this.unfinishedOpener.delete(context);
    if (!result?.handoffRequested) return;
    // Asked for at the early lapse notice, before the check has an assessment: the date alone tells.
    const certifiedOn = result.answers?.certifiedOn;
    const lapsed = result.assessment ? result.assessment.status === 'expired' : !!certifiedOn && statusOn(expiresOnFor(certifiedOn), this.today(context)) === 'expired';
    await this.startHandoff(context, {
      reason: lapsed ? 'lapsed' : 'asked',
      assessment: result.assessment,
      answers: result.answers,
    });
  }

  /** An own-situation follow-up answered from the last result in this conversation; false when there is none. */
  private async answerFollowUp(context: TurnContext, text: string): Promise<boolean> {
    const kind = followUpKind(text);
    if (!kind) return false;
    const parsed = assessmentSchema.safeParse(await this.lastAssessment.get(context));
    if (!parsed.success) return false;
    const state = await this.faqState.get(context, { misses: 0 });
    state.pending = undefined;
    await context.sendActivity(followUpActivity(describeFollowUp(parsed.data, kind, this.today(context)), parsed.data.status === 'expired'));
    return true;
  }

  /** The trainer's own exam as their last check, or a check left half-way, recorded it. */
  private async savedExam(context: TurnContext): Promise<EarnedVia | undefined> {
    const last = assessmentSchema.safeParse(await this.lastAssessment.get(context));
    if (last.success) return last.data.earnedVia;
    return readAnswers(await this.savedAnswers.get(context))?.earnedVia ?? readAnswers(await this.unfinishedAnswers.get(context))?.earnedVia;
  }

  private async startHandoff(context: TurnContext, request: HandoffRequestStart): Promise<void> {
    if (!this.handoff) {
      await context.sendActivity(noHandoffActivity(this.deps.config.SUPPORT_REQUEST_URL));
      return;
    }
    await this.handoff.start(context, request);
  }

  private asksToForget(text: string): boolean {
    if (text.length > 60 || !/\b(?:forget|delete|erase|remove)\b/i.test(text)) return false;
    const result = this.engine.classify(text);
    return result.band === 'high' && result.top?.kind === 'action' && result.top.action === 'forget';
  }

  /** "Forget me": deletes the trainer's saved answers and this conversation's state, then confirms. */
  private async forget(context: TurnContext): Promise<void> {
    await this.deps.userState.delete(context);
    await this.deps.conversationState.delete(context);
    await this.deps.userState.saveChanges(context, true);
    await this.deps.conversationState.saveChanges(context, true);
    const notes: string[] = [];
    for (const hook of this.forgetHooks) {
      const note = await hook(context);
      if (note) notes.push(note);
    }
    this.deps.logger.info({ conversation: hashId(context.activity.conversation?.id) }, 'user data forgotten');
    await context.sendActivity(MessageFactory.text([FORGOTTEN_TEXT, ...notes].join(' ')));
  }
}

/** The reply to a message that is no question (readChatter): never an article fact, a person offered where it helps. */
function chatterReply(chatter: Chatter): Partial<Activity> {
  switch (chatter) {
    case 'unreadable':
      return helpActivity("Sorry, I didn't catch that — could you rephrase?");
    case 'other_language':
      return MessageFactory.suggestedActions(
        [TALK_TO_PERSON],
        'Sorry, I can only answer in English for now. A person from our support team may be able to help: choose "Talk to a person".',
      );
    case 'rude':
      return MessageFactory.suggestedActions(
        [TALK_TO_PERSON],
        'Sorry this has been frustrating. A person from our support team can take over: choose "Talk to a person", or ask me again in other words.',
      );
  }
}

const RESUME_TEXT = 'We were checking your status.';
/** "where were we?", "let's continue", "go on please": back to what was in progress. */
const RESUME_RE = /^\W*(?:(?:ok(?:ay)?|so|right|anyway|sorry)\W+)*(?:where (?:were we|was i|did we (?:leave|stop)(?: off)?)|(?:let'?s |can we |could we |please )?(?:continue|go on|carry on|keep going|resume|pick up where we left off)(?:\s+(?:please|then|where we (?:left off|stopped)|with (?:the|my) (?:check|status)))*)\W*$/i;

const CHECK_AGAIN_RE = new RegExp(`^\\s*${CHECK_AGAIN}\\W*$`, 'i');

/** How far the path entry must lead the runner-up in the middle band to start the path without asking. */
const PATH_LEAD = 2;

/** The FAQ's middle band with the path action on top and nothing close behind it. */
function clearlyThePath(result: FaqResult): boolean {
  const [first, second] = result.candidates;
  if (result.band !== 'middle' || result.top?.kind !== 'action' || result.top.action !== 'path' || first?.id !== result.top.id) return false;
  return !second || first.score >= PATH_LEAD * second.score;
}

/** A question mark, a question word or an inverted question ("…, do I need more?"). */
function asksSomething(text: string): boolean {
  return /\?|\b(?:how|what|whats|when|where|why|which)\b|\b(?:can|could|do|does|should|will|would|must|is|are|am)\s+(?:i|you|we|it|they|my|this|that|those|these)\b/i.test(text);
}

export function createConversation(deps: MainConversationDeps): MainConversation {
  return new MainConversation(deps);
}
