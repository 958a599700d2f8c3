// The recertification path dialog: asks only for what the trainer hasn't said (certification or expiry date,
// exam history, CECs), one question at a time; confirms, lets one item be corrected, then shows the route.
// This class only runs the loop and the interruptions; the parts live in ./path/: the first state (startState.ts),
// what to ask next and its wording (prompts.ts), each prompt's reader (read*.ts, with asides.ts and
// answerWords.ts), how an answer changes the state (answerState.ts), why an answer can't be used (problems.ts).
import { MessageFactory, type Activity, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  ChoiceFactory,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Links } from '../src/config';
import type { Assessment } from '../src/recert/assessment';
import { readAnswers, type CompleteAnswers, type PathAnswers } from '../src/recert/answers';
import { isValidTimeZone, todayIn } from '../src/recert/dates';
import { hasAnyAnswer } from '../src/recert/resume';
import { assess } from '../src/recert/rules';
import { AskDialog, InterruptibleDialog, type AskOptions, type FaqAnswerer } from './interruptibleDialog';
import { resultActivity, wordingFor } from './pathResult';
import { applyAnswer, definedOnly } from './path/answerState';
import { helpFor, nextQuestion, YES_NO, type Question } from './path/prompts';
import { readCecs } from './path/readCecs';
import { readConfirm, readReuse, readWhich, readYesNo } from './path/readConfirm';
import { readDate, readDay } from './path/readDate';
import { readExam } from './path/readExam';
import { startState } from './path/startState';
import { isAside, type Asking, type PathState, type ReadContext } from './path/types';

export const RECERT_PATH_DIALOG_ID = 'recertPath';

export type { PathAnswers };

export interface RecertPathDeps {
  userAnswers: StatePropertyAccessor<PathAnswers>;
  /**
   * Answers of a route check left half-way (a hand-off, a cancel), kept next to the complete ones so the next
   * check asks only what is missing (user state `pathAnswersUnfinished`).
   */
  unfinishedAnswers?: StatePropertyAccessor<PathAnswers | undefined>;
  links: Links;
  defaultTimeZone: string;
  faq?: FaqAnswerer;
  /** The clock; tests fix it. */
  now?: () => Date;
}

export interface RecertPathOptions {
  /** What the trainer said to start the dialog; anything it already tells is not asked again. */
  utterance?: string;
  /** Teams staff checking a trainer: "their certification". */
  forSomeoneElse?: boolean;
  /** Answers already read from the utterance as the answer to the question left open ("1.5" after a hand-back). */
  answers?: PathAnswers;
}

export interface PathDialogResult {
  assessment?: Assessment;
  answers: PathAnswers;
  handoffRequested?: boolean;
  cancelled?: boolean;
  /** The check was over and this turn's message was something else: the main dialog handles it as usual. */
  passOn?: boolean;
}

/** The reply to "no" at the offer of a person after a lapsed result. */
export const DECLINED_PERSON = 'OK. Anything else about recertification?';

const LOOP = 'recertPath.loop';
const ASK: Record<Asking, string> = {
  reuse: 'recertPath.reuse',
  date: 'recertPath.date',
  day: 'recertPath.day',
  exam: 'recertPath.exam',
  cecs: 'recertPath.cecs',
  confirm: 'recertPath.confirm',
  which: 'recertPath.which',
  handoff: 'recertPath.handoff',
};

export class RecertPathDialog extends InterruptibleDialog<RecertPathOptions> {
  private readonly now: () => Date;

  constructor(private readonly deps: RecertPathDeps) {
    super(RECERT_PATH_DIALOG_ID, deps.faq);
    this.now = deps.now ?? (() => new Date());
    this.addDialog(new WaterfallDialog(LOOP, [this.askStep.bind(this), this.applyStep.bind(this)]));
    this.addDialog(new AskDialog(ASK.reuse, (c, t) => readReuse(this.readContext(c), t)));
    this.addDialog(new AskDialog(ASK.date, (c, t, o) => readDate(this.readContext(c), t, o)));
    this.addDialog(new AskDialog(ASK.day, (c, t, o) => readDay(this.readContext(c), t, o)));
    this.addDialog(new AskDialog(ASK.exam, (c, t, o) => readExam(this.readContext(c), t, o)));
    this.addDialog(new AskDialog(ASK.cecs, (c, t, o) => readCecs(this.readContext(c), t, o)));
    this.addDialog(new AskDialog(ASK.confirm, (c, t, o) => readConfirm(this.readContext(c), t, o)));
    this.addDialog(new AskDialog(ASK.which, (c, t, o) => readWhich(this.readContext(c), t, o)));
    this.addDialog(new AskDialog(ASK.handoff, (_c, t) => readYesNo(t)));
    this.initialDialogId = LOOP;
  }

  /** Today in the trainer's time zone (the activity's localTimezone), else the configured one. */
  today(context: TurnContext): string {
    const tz = context.activity.localTimezone;
    return todayIn(isValidTimeZone(tz) ? tz : this.deps.defaultTimeZone, this.now());
  }

  private readContext(context: TurnContext): ReadContext {
    return { today: this.today(context), locale: context.activity.locale };
  }

  protected async onBeginDialog(innerDc: DialogContext, options?: RecertPathOptions): Promise<DialogTurnResult> {
    const { context } = innerDc;
    const forSomeoneElse = !!options?.forSomeoneElse;
    // Someone else's check (Teams staff) neither picks up nor offers the user's own answers.
    const unfinished = forSomeoneElse ? undefined : readAnswers(await this.deps.unfinishedAnswers?.get(context));
    const saved = forSomeoneElse ? undefined : readAnswers(await this.deps.userAnswers.get(context));
    const start = { utterance: options?.utterance, forSomeoneElse, answers: options?.answers, unfinished, saved };
    return innerDc.beginDialog(LOOP, startState(start, this.readContext(context)));
  }

  // ---- the loop: ask for the next missing thing, apply the answer, repeat ----

  private async askStep(step: WaterfallStepContext<PathState>): Promise<DialogTurnResult> {
    const state = step.options;
    const note = state.note ? `${state.note}\n\n` : '';
    state.note = undefined;
    const question = nextQuestion(state, this.today(step.context));
    return question ? this.ask(step, state, question, note) : this.finish(step, state);
  }

  private ask(step: WaterfallStepContext<PathState>, state: PathState, q: Question, note: string): Promise<DialogTurnResult> {
    const { asking, text, choices, extra = {} } = q;
    state.asking = asking;
    // A single likely answer is a button (suggested action) on every channel; a choice list follows the channel.
    const build = (body: string): Partial<Activity> =>
      choices?.length === 1
        ? MessageFactory.suggestedActions(choices, body)
        : choices
          ? ChoiceFactory.forChannel(step.context.activity.channelId, choices, body)
          : MessageFactory.text(body);
    const prompt = build(note + text);
    // The note (an acknowledgement or an explanation) is said once; a re-prompt is the question alone.
    const retryPrompt = note ? build(text) : undefined;
    const options: AskOptions = { prompt, retryPrompt, choices, forSomeoneElse: state.forSomeoneElse, known: { ...state.answers }, ...extra };
    return step.beginDialog(ASK[asking], options);
  }

  private async applyStep(step: WaterfallStepContext<PathState>): Promise<DialogTurnResult> {
    const state = step.options;
    const value = step.result as unknown;
    if (!isAside(value) && state.asking === 'handoff') {
      // A declined person still gets a reply, so the check visibly ends.
      if (value !== true) await step.context.sendActivity(DECLINED_PERSON);
      return step.endDialog({ assessment: state.assessment, answers: state.answers, handoffRequested: value === true } satisfies PathDialogResult);
    }
    applyAnswer(state, value, this.today(step.context));
    return step.replaceDialog(LOOP, state);
  }

  /** The result card; a lapsed certification is offered a person (the main dialog starts the hand-off). */
  private async finish(step: WaterfallStepContext<PathState>, state: PathState): Promise<DialogTurnResult> {
    const answers = state.answers as CompleteAnswers;
    const today = this.today(step.context);
    const assessment = assess({ ...answers, today });
    const w = wordingFor(state.forSomeoneElse);
    await step.context.sendActivity(resultActivity(assessment, this.deps.links, today, step.context.activity.channelId, w));
    if (!state.forSomeoneElse) {
      await this.deps.userAnswers.set(step.context, { ...answers });
      await this.deps.unfinishedAnswers?.delete(step.context);
    }
    if (assessment.status === 'expired') {
      state.assessment = assessment;
      state.asking = 'handoff';
      const prompt = ChoiceFactory.forChannel(step.context.activity.channelId, YES_NO, 'Would you like me to connect you with a person from the support team?');
      return step.beginDialog(ASK.handoff, { prompt, choices: YES_NO, lastQuestion: true } satisfies AskOptions);
    }
    return step.endDialog({ assessment, answers } satisfies PathDialogResult);
  }

  /** Keeps the answers of a check left half-way for the next one (never someone else's). */
  private async keepUnfinished(context: TurnContext, state: PathState | undefined): Promise<void> {
    // A finished check (a lapsed result, then "cancel" at the offer of a person) is saved complete already.
    if (!state || state.forSomeoneElse || state.assessment || !hasAnyAnswer(state.answers)) return;
    await this.deps.unfinishedAnswers?.set(context, definedOnly(state.answers));
  }

  // ---- interruptions ----

  private loopState(innerDc: DialogContext): PathState | undefined {
    const loop = innerDc.stack.find((i) => i.id === LOOP);
    return loop?.state?.options as PathState | undefined;
  }

  protected helpText(innerDc: DialogContext): string {
    const state = this.loopState(innerDc);
    return helpFor(state?.asking, wordingFor(state?.forSomeoneElse));
  }

  protected async cancel(innerDc: DialogContext): Promise<DialogTurnResult> {
    const state = this.loopState(innerDc);
    const w = wordingFor(state?.forSomeoneElse);
    await this.keepUnfinished(innerDc.context, state);
    await innerDc.context.sendActivity(`Okay, I've stopped checking ${w.your} recertification. Ask me anything else, or say "check my status" to start again.`);
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: { answers: { ...state?.answers }, cancelled: true } satisfies PathDialogResult };
  }

  protected async handoff(innerDc: DialogContext): Promise<DialogTurnResult> {
    const state = this.loopState(innerDc);
    // After the agent hands back, "check my status" (or the open question's answer) goes on from here.
    await this.keepUnfinished(innerDc.context, state);
    await innerDc.cancelAllDialogs();
    return {
      status: DialogTurnStatus.complete,
      result: { answers: { ...state?.answers }, assessment: state?.assessment, handoffRequested: true } satisfies PathDialogResult,
    };
  }

  /** At the offer of a person after a result, a message that is no answer to it ends the check quietly. */
  protected async passOn(innerDc: DialogContext): Promise<DialogTurnResult> {
    const state = this.loopState(innerDc);
    await innerDc.cancelAllDialogs();
    return {
      status: DialogTurnStatus.complete,
      result: { answers: { ...state?.answers }, assessment: state?.assessment, passOn: true } satisfies PathDialogResult,
    };
  }

  protected async restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    const state = this.loopState(innerDc);
    if (!state?.forSomeoneElse) await this.deps.unfinishedAnswers?.delete(innerDc.context);
    await innerDc.cancelAllDialogs();
    const fresh: PathState = { answers: {}, forSomeoneElse: !!state?.forSomeoneElse, confirmed: false, note: "Okay, let's start over." };
    return innerDc.beginDialog(LOOP, fresh);
  }
}

