// The recertification path dialog: asks only for what the trainer hasn't said (certification or expiry date,
// exam history, CECs), one question at a time; confirms, lets one item be corrected, then shows the route.
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
import type { Assessment, EarnedVia } from '../src/recert/assessment';
import { isComplete, readAnswers, type CompleteAnswers, type PathAnswers } from '../src/recert/answers';
import { addYears, formatLongDate, formatMonth, isValidTimeZone, MONTH_NAMES, todayIn } from '../src/recert/dates';
import { extractFacts, type Facts } from '../src/recert/extractFacts';
import { correctedYear, withYear, yearNamesExpiry } from '../src/recert/corrections';
import { findCecsInSentence, mayContainNumber, parseCecs, type CecProblem } from '../src/recert/parseCecs';
import { checkCertifiedOn, MAX_YEARS_AGO, parseDayAnswer, type DateProblem, type DateSource } from '../src/recert/parseDate';
import { parseExam } from '../src/recert/parseExam';
import { hasAnyAnswer } from '../src/recert/resume';
import { assess, certifiedOnFor, expiresOnFor } from '../src/recert/rules';
import { AskDialog, InterruptibleDialog, TALK_TO_A_PERSON, type AskOptions, type FaqAnswerer, type Reading } from './interruptibleDialog';
import { examName, formatCecs, resultActivity, wordingFor, type Wording } from './pathResult';

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
}

type Item = 'date' | 'exam' | 'cecs';
type Asking = 'reuse' | 'date' | 'day' | 'exam' | 'cecs' | 'confirm' | 'which' | 'handoff';

/** The working state of one run, carried in the loop's options. */
interface PathState {
  answers: PathAnswers;
  forSomeoneElse: boolean;
  pendingMonth?: PendingMonth;
  /** A year said alone at the date prompt: the next answer ("March 3") is read in it. */
  pendingYear?: number;
  /** The date dropped by "change the date": a year said next keeps its month and day. */
  previousDate?: string;
  confirmed: boolean;
  choosingItem?: boolean;
  offerReuse?: CompleteAnswers;
  /** A future date said as the certification date ('YYYY-MM-DD' or 'YYYY-MM'): "yes, that's when it expires" uses it. */
  futureSaid?: string;
  /** Said just before the next question (an acknowledgement or an explanation). */
  note?: string;
  asking?: Asking;
  assessment?: Assessment;
}

type PendingMonth = { year: number; month: number; from: DateSource; yearless?: boolean };

/** Other facts said with an answer ("March 3 2025, online exam"): kept, so they are not asked again. */
type Extras = Pick<Facts, 'earnedVia' | 'cecsEarned'>;
/**
 * An answer that gives other facts but not the one asked for ("online exam, I have 1.5 CECs" at the date
 * prompt): they are kept and the same question asked again; `why` says what was wrong with the date, if anything.
 */
type Aside = { kind: 'aside'; facts: Facts; why?: string; futureSaid?: string };
/** A future date said as the certification date that may be the expiry: asked about, and kept for a "yes". */
type Future = { kind: 'future'; said: string; why: string };
type DateReading =
  | { kind: 'date'; certifiedOn: string; from: DateSource; said: string; assumedFirst?: boolean; extras?: Extras; why?: string }
  | ({ kind: 'month'; extras?: Extras; why?: string } & PendingMonth)
  | { kind: 'year'; year: number }
  | Future
  | Aside;
type ExamReading = { earnedVia: EarnedVia; extras?: Extras } | Aside;
type CecReading = number | Aside;

/** The answers without undefined fields (kept as plain JSON in state). */
function definedOnly(a: PathAnswers): PathAnswers {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as PathAnswers;
}

/** The answers from before still in use (not replaced by what was said now). */
function keptFrom(before: PathAnswers, now: PathAnswers): PathAnswers {
  return definedOnly({
    certifiedOn: before.certifiedOn !== undefined && before.certifiedOn === now.certifiedOn ? before.certifiedOn : undefined,
    earnedVia: before.earnedVia !== undefined && before.earnedVia === now.earnedVia ? before.earnedVia : undefined,
    cecsEarned: before.cecsEarned !== undefined && before.cecsEarned === now.cecsEarned ? before.cecsEarned : undefined,
  });
}

function isAside(value: unknown): value is Aside {
  return typeof value === 'object' && value !== null && (value as { kind?: string }).kind === 'aside';
}

// A CEC class taken online is not the online exam: exam words are needed before a stray "online" counts.
const EXAM_WORDS = /\b(exam|test(?:ing)?|proctor\w*|ncca|prometric|certif\w*|cert)\b/i;
const CLASS_WORDS = /\b(class(?:es)?|courses?|programs?|programmes?|webinars?|seminars?|workshops?|modules?)\b/i;
const ONLINE_WORD = /\bon-?line\b/i;
const CENTER_WORD = /\b(test(?:ing)?[\s-]*cent(?:er|re)|ncca|proctored|in[\s-]person)\b/i;
// After "that date is still ahead; if it's when it expires, say so": "oh, that's when it expires", "it's the renewal date".
const SAYS_EXPIRY = /\b(expir\w*|runs? out|renew\w*|due|end date|ends)\b/;
type ConfirmReading = { kind: 'yes' } | { kind: 'no' } | { kind: 'change'; item: Item } | { kind: 'facts'; facts: Facts };
type ReuseReading = { kind: 'yes' } | { kind: 'no' } | { kind: 'facts'; facts: Facts };

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

const YES =
  /^(?:👍|✅|yes|y|yep|yeah|yea|yup|ya|sure|ok|okay|k|correct|right|true|fine|great|good|absolutely|definitely|indeed|affirmative|of course|spot on|that'?s (?:it|right|correct|all (?:right|correct))|that is (?:right|correct|it)|it(?:'s| is) (?:right|correct|all (?:right|correct))|looks (?:good|right|correct|fine)|sounds (?:good|right)|all (?:good|correct|right|fine|ok)|everything(?:'s| is) (?:right|correct|fine|ok)|confirm(?:ed)?|exactly|perfect|use them|nothing)(?=$|[^a-z0-9])/;
const NO = /^(?:no|n|nope|nah|not (?:quite|really|right)|wrong|incorrect|that'?s (?:wrong|not right)|don'?t)\b/;
const ITEM_WORDS: Array<[Item, RegExp]> = [
  ['cecs', /\b(cecs?|ceus?|credits?|continuing education)\b/],
  ['exam', /\b(exam|test|online|testing|cent(?:er|re)|proctored|ncca)\b/],
  ['date', /\b(dates?|when|certified|certification date|expir\w*|day|month|year)\b/],
];

const EXAM_CHOICES = ['Online exam', 'Testing-center exam (NCCA)'];
const CONFIRM_CHOICES = ['Yes', 'Change the date', 'Change the exam', 'Change the CECs'];
const WHICH_CHOICES = ['The date', 'The exam', 'The CECs', "Nothing, it's right"];
const YES_NO = ['Yes', 'No'];

function lower(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").trim();
}

function itemMentioned(text: string): Item | undefined {
  return ITEM_WORDS.find(([, re]) => re.test(text))?.[0];
}

function hasFacts(f: Facts): boolean {
  return f.certifiedOn !== undefined || f.month !== undefined || f.earnedVia !== undefined || f.cecsEarned !== undefined;
}

/** A count of CECs as echoed back: "0 CECs", "1 CEC", "1.5 CECs" (only exactly one is singular). */
function cecCount(value: number): string {
  const n = formatCecs(value);
  return `${n} ${n === '1' ? 'CEC' : 'CECs'}`;
}

/** A date or month as said: 'YYYY-MM-DD' → "June 3, 2026", 'YYYY-MM' → "June 2026". */
function formatSaid(said: string): string {
  return said.length === 7 ? formatMonth(Number(said.slice(0, 4)), Number(said.slice(5, 7))) : formatLongDate(said);
}

/** A future date said as the certification date may well be the expiry date: the answer that says so. */
function expiryAnswerFor(said: string | undefined, today: string): string | undefined {
  if (!said || (said.length === 7 ? `${said}-01` : said) > addYears(today, 2)) return undefined;
  return said.length === 7 ? `It expires in ${formatSaid(said)}` : `It expires on ${formatSaid(said)}`;
}

function dateWhy(problem: DateProblem, w: Wording, month?: { year: number; month: number }, said?: string, today?: string): string {
  switch (problem) {
    case 'future': {
      if (!said) return `That date is in the future, so it can't be when ${w.youWere} certified.`;
      const expiry = today ? expiryAnswerFor(said, today) : undefined;
      const hint = expiry ? ` If that's when ${w.your} certification expires, just say so.` : '';
      return `${formatSaid(said)} is still ahead, so it can't be when ${w.youWere} certified.${hint}`;
    }
    case 'vague':
      return 'I need at least the month and the year (for example, April 2024): a season or part of a year is too rough to work out the expiry date.';
    case 'expiry-too-far':
      return "A certification runs for two years, so it can't expire more than two years from today.";
    case 'too-old':
      return `That's more than ${MAX_YEARS_AGO} years ago. A certification runs for two years, so I need the date of ${w.your} most recent certification or recertification.`;
    case 'year-only':
      return 'I need at least the month and the year (for example, March 2025).';
    case 'no-such-day': {
      // said: 'YYYY-MM-DD' of the impossible day (year 0000 when none was given): "February 2025 has no 31st."
      const m = said ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(said) : null;
      if (m) {
        const name = Number(m[1]) > 0 ? formatMonth(Number(m[1]), Number(m[2])) : MONTH_NAMES[Number(m[2]) - 1];
        return `${name} has no ${ordinal(Number(m[3]))}.`;
      }
      return month ? `${formatMonth(month.year, month.month)} doesn't have that day.` : "That month doesn't have that day.";
    }
    case 'unreadable':
      return "I couldn't read a date there.";
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

// "I don't remember", "no idea": where the date may be found, the month alone being enough, or a person.
const DONT_KNOW_DATE = /^(?:(?:um+|hmm+|well|sorry|honestly)[\s,.]+)*(?:i\s+)?(?:don'?t|do not|can'?t|cannot|really don'?t)\s+(?:remember|recall|know|member)\b|^(?:no idea|not sure|unsure|dunno|idk|no clue|forgot|i forgot|i'?m not sure|i have no idea)\b/;
const MONTH_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/;

function dontKnowDateWhy(w: Wording): string {
  // The article says nothing about where the dates are printed, so no place is named.
  return `No problem. The month and year are enough to start (if ${w.you} don't know the day, I'll use the 1st), and the expiry date works as well if ${w.you} know that instead. Or say "talk to a person" and someone from the support team will help.`;
}

// "neither", "I was grandfathered in": a certification that came neither way; the article covers only the two exams.
const NEITHER_EXAM = /\b(neither|none of (?:them|those|these|the two|the above)|not either|grandfather\w*|something else|another way|other way|different (?:exam|way|route))\b/i;

function cecWhy(problem: CecProblem): string {
  switch (problem) {
    case 'negative':
      return "CECs can't be negative.";
    case 'too-many':
      return "That's more than 50 CECs, which doesn't look right (2.0 are needed to recertify).";
    case 'several':
      return 'I saw more than one number there. Please give one number of CECs (your best estimate is fine).';
    case 'hours':
      return "I need the number of CECs rather than hours (the article doesn't say how hours convert to CECs; your CEC certificates or portal show each course's CEC value).";
    case 'unreadable':
      return "I couldn't read a number of CECs there. If you're not sure, a best estimate is fine, or say \"none\".";
  }
}

export class RecertPathDialog extends InterruptibleDialog<RecertPathOptions> {
  private readonly now: () => Date;

  constructor(private readonly deps: RecertPathDeps) {
    super(RECERT_PATH_DIALOG_ID, deps.faq);
    this.now = deps.now ?? (() => new Date());
    this.addDialog(new WaterfallDialog(LOOP, [this.askStep.bind(this), this.applyStep.bind(this)]));
    this.addDialog(new AskDialog(ASK.reuse, (c, t) => this.readReuse(c, t)));
    this.addDialog(new AskDialog(ASK.date, (c, t, o) => this.readDate(c, t, o)));
    this.addDialog(new AskDialog(ASK.day, (c, t, o) => this.readDay(c, t, o)));
    this.addDialog(new AskDialog(ASK.exam, (c, t, o) => this.readExam(c, t, o)));
    this.addDialog(new AskDialog(ASK.cecs, (c, t, o) => this.readCecs(c, t, o)));
    this.addDialog(new AskDialog(ASK.confirm, (c, t, o) => this.readConfirm(c, t, o)));
    this.addDialog(new AskDialog(ASK.which, (c, t) => this.readWhich(c, t)));
    this.addDialog(new AskDialog(ASK.handoff, (_c, t) => this.readYesNo(t)));
    this.initialDialogId = LOOP;
  }

  /** Today in the trainer's time zone (the activity's localTimezone), else the configured one. */
  today(context: TurnContext): string {
    const tz = context.activity.localTimezone;
    return todayIn(isValidTimeZone(tz) ? tz : this.deps.defaultTimeZone, this.now());
  }

  protected async onBeginDialog(innerDc: DialogContext, options?: RecertPathOptions): Promise<DialogTurnResult> {
    const { context } = innerDc;
    const forSomeoneElse = !!options?.forSomeoneElse;
    const w = wordingFor(forSomeoneElse);
    const today = this.today(context);
    const state: PathState = { answers: {}, forSomeoneElse, confirmed: false };
    const utterance = options?.utterance?.trim() ?? '';
    const facts = utterance ? extractFacts(utterance, today, context.activity.locale) : {};
    // What was said now wins over what the caller read as the open question's answer, and both over what was
    // said in a check left half-way.
    const unfinished = forSomeoneElse ? undefined : readAnswers(await this.deps.unfinishedAnswers?.get(context));
    state.answers = { ...unfinished, ...definedOnly(options?.answers ?? {}) };
    this.applyFacts(state, facts);
    const resumed = hasAnyAnswer(unfinished) ? keptFrom(unfinished, state.answers) : {};
    const notes: string[] = [];
    if (hasAnyAnswer(resumed)) {
      notes.push(isComplete(state.answers) ? 'Picking up where we left off.' : `Picking up where we left off: ${this.known(state.answers)} (say "start over" to answer afresh).`);
    } else if (utterance && /\b(expir\w*|renew\w*|valid|run out|how long|when)\b/i.test(utterance)) {
      notes.push(`An ACTION certification runs for two years, so ${w.your} expiry date is two years after ${w.youWere} certified.`);
    } else if (!hasFacts(facts)) {
      notes.push(`I'll work out ${w.your} recertification route from a few quick answers.`);
    }
    if (facts.dateProblem) notes.push(dateWhy(facts.dateProblem, w, undefined, facts.dateProblemSaid, today));
    if (facts.dateProblem === 'future' && expiryAnswerFor(facts.dateProblemSaid, today)) state.futureSaid = facts.dateProblemSaid;
    if (facts.cecsProblem) notes.push(cecWhy(facts.cecsProblem));
    const saved = forSomeoneElse ? undefined : readAnswers(await this.deps.userAnswers.get(context));
    if (isComplete(saved) && !hasAnyAnswer(resumed) && !isComplete(state.answers) && !state.pendingMonth) state.offerReuse = saved;
    state.note = notes.join(' ') || undefined;
    return innerDc.beginDialog(LOOP, state);
  }

  // ---- the loop: ask for the next missing thing, apply the answer, repeat ----

  private async askStep(step: WaterfallStepContext<PathState>): Promise<DialogTurnResult> {
    const state = step.options;
    const w = wordingFor(state.forSomeoneElse);
    const a = state.answers;
    const note = state.note ? `${state.note}\n\n` : '';
    state.note = undefined;
    const ask = (asking: Asking, text: string, choices?: string[], extra: Record<string, unknown> = {}): Promise<DialogTurnResult> => {
      state.asking = asking;
      // A single likely answer is a button (suggested action) on every channel; a choice list follows the channel.
      const build = (body: string): Partial<Activity> =>
        choices?.length === 1
          ? MessageFactory.suggestedActions(choices, body)
          : choices
            ? ChoiceFactory.forChannel(step.context.activity.channelId, choices, body)
            : MessageFactory.text(body);
      const prompt = build(note + text);
      const retryPrompt = note ? build(text) : undefined;
      const options: AskOptions = { prompt, retryPrompt, choices, forSomeoneElse: state.forSomeoneElse, known: { ...state.answers }, ...extra };
      return step.beginDialog(ASK[asking], options);
    };

    if (state.offerReuse) {
      const s = state.offerReuse;
      return ask(
        'reuse',
        `Use the answers you gave last time (certified ${formatLongDate(s.certifiedOn)}, ${examName(s.earnedVia)}, ${cecCount(s.cecsEarned)})?`,
        YES_NO,
      );
    }
    if (state.pendingMonth) {
      const m = state.pendingMonth;
      const [ty, tm] = this.today(step.context).split('-').map(Number);
      const past = m.year * 12 + m.month < ty * 12 + tm;
      const what = m.from === 'expiry' ? (past ? 'did it expire' : 'does it expire') : `${w.wereYou} certified`;
      return ask('day', `Which day in ${formatMonth(m.year, m.month)} ${what}? If ${w.you} don't know, say "don't know" and I'll use the 1st.`, undefined, { pendingMonth: m });
    }
    if (!a.certifiedOn && state.pendingYear) {
      const y = state.pendingYear;
      return ask('date', `Which day in ${y} ${w.wereYou} certified? For example: March 3, ${y} (the month alone is fine too).`, undefined, { pendingYear: y });
    }
    if (!a.certifiedOn) {
      const expiry = expiryAnswerFor(state.futureSaid, this.today(step.context));
      return ask('date', `When ${w.wereYou} certified? (Or tell me when it expires.) For example: March 3, 2025.`, expiry ? [expiry] : undefined, {
        futureSaid: expiry ? state.futureSaid : undefined,
        previousDate: state.previousDate,
        personAfterMisses: 2,
      });
    }
    if (!a.earnedVia) {
      return ask('exam', `Which exam did ${w.you} pass for ${w.your} current certification: the online exam (a certificate) or the NCCA-accredited exam at a testing center?`, EXAM_CHOICES, { personAfterMisses: 2 });
    }
    if (a.cecsEarned === undefined) {
      return ask('cecs', `How many CECs ${w.haveYou} earned since ${w.youWere} certified? (For example 1.5, or "none".)`, undefined, { personAfterMisses: 2 });
    }
    if (state.choosingItem) return ask('which', 'What should I change?', WHICH_CHOICES);
    if (!state.confirmed) return ask('confirm', `${this.summary(a as CompleteAnswers)}\n\nIs that right?`, CONFIRM_CHOICES);
    return this.finish(step, state);
  }

  private async applyStep(step: WaterfallStepContext<PathState>): Promise<DialogTurnResult> {
    const state = step.options;
    const w = wordingFor(state.forSomeoneElse);
    const value = step.result as unknown;
    if (isAside(value)) {
      state.futureSaid = value.futureSaid ?? state.futureSaid;
      state.note = [this.acknowledge(state, value.facts), value.why].filter(Boolean).join(' ');
      return step.replaceDialog(LOOP, state);
    }
    switch (state.asking) {
      case 'reuse': {
        const r = value as ReuseReading;
        const saved = state.offerReuse!;
        state.offerReuse = undefined;
        if (r.kind === 'yes') {
          state.answers = { ...saved, ...state.answers };
          state.confirmed = true;
        } else if (r.kind === 'facts') {
          state.answers = { ...saved, ...state.answers };
          this.applyFacts(state, r.facts);
        }
        break;
      }
      case 'date':
      case 'day': {
        const r = value as Exclude<DateReading, Aside>;
        if (r.kind === 'year') {
          state.pendingYear = r.year;
          state.note = `I need at least the month and the year.`;
          break;
        }
        state.pendingYear = undefined;
        if (r.kind === 'future') {
          state.pendingMonth = undefined;
          state.futureSaid = r.said;
          state.note = r.why;
          break;
        }
        state.futureSaid = undefined;
        this.applyExtras(state, r.extras);
        if (r.kind === 'month') {
          state.pendingMonth = { year: r.year, month: r.month, from: r.from, ...(r.yearless ? { yearless: true } : {}) };
          state.note = r.why;
        } else {
          state.pendingMonth = undefined;
          state.previousDate = undefined;
          state.answers.certifiedOn = r.certifiedOn;
          const notes: string[] = [];
          if (r.why) notes.push(r.why);
          if (r.assumedFirst) notes.push(`No problem: I'll use ${formatLongDate(r.said)}, the first of the month.`);
          if (r.from === 'expiry') {
            notes.push(
              r.said < this.today(step.context)
                ? `It expired on ${formatLongDate(r.said)}, so ${w.youWere} certified on ${formatLongDate(r.certifiedOn)}.`
                : `Expiring ${formatLongDate(r.said)} means ${w.youWere} certified on ${formatLongDate(r.certifiedOn)}.`,
            );
          }
          state.note = notes.join(' ') || undefined;
        }
        break;
      }
      case 'exam': {
        const r = value as Exclude<ExamReading, Aside>;
        state.answers.earnedVia = r.earnedVia;
        this.applyExtras(state, r.extras);
        break;
      }
      case 'cecs':
        state.answers.cecsEarned = value as number; // an aside was handled above
        break;
      case 'confirm':
      case 'which': {
        const r = value as ConfirmReading;
        state.choosingItem = false;
        if (r.kind === 'yes') state.confirmed = true;
        else if (r.kind === 'no') state.choosingItem = true;
        else if (r.kind === 'change') this.forget(state, r.item);
        else state.note = this.acknowledge(state, r.facts);
        break;
      }
      case 'handoff':
        return step.endDialog({ assessment: state.assessment, answers: state.answers, handoffRequested: value === true } satisfies PathDialogResult);
    }
    return step.replaceDialog(LOOP, state);
  }

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
      return step.beginDialog(ASK.handoff, { prompt, choices: YES_NO } satisfies AskOptions);
    }
    return step.endDialog({ assessment, answers } satisfies PathDialogResult);
  }

  // ---- state helpers ----

  private applyFacts(state: PathState, facts: Facts): void {
    if (facts.certifiedOn) {
      state.answers.certifiedOn = facts.certifiedOn;
      state.pendingMonth = undefined;
      state.pendingYear = undefined;
      state.previousDate = undefined;
    } else if (facts.month) {
      state.answers.certifiedOn = undefined;
      state.pendingMonth = facts.month;
      state.pendingYear = undefined;
    }
    if (facts.earnedVia) state.answers.earnedVia = facts.earnedVia;
    if (facts.cecsEarned !== undefined) state.answers.cecsEarned = facts.cecsEarned;
  }

  private applyExtras(state: PathState, extras: Extras | undefined): void {
    if (extras?.earnedVia) state.answers.earnedVia = extras.earnedVia;
    if (extras?.cecsEarned !== undefined) state.answers.cecsEarned = extras.cecsEarned;
  }

  /** What is known, in words: "certified March 3, 2025, the online exam and 1.5 CECs". */
  private known(a: PathAnswers): string {
    const parts: string[] = [];
    if (a.certifiedOn) parts.push(`certified ${formatLongDate(a.certifiedOn)}`);
    if (a.earnedVia) parts.push(examName(a.earnedVia));
    if (a.cecsEarned !== undefined) parts.push(cecCount(a.cecsEarned));
    return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts.join('');
  }

  /** Keeps the answers of a check left half-way for the next one (never someone else's). */
  private async keepUnfinished(context: TurnContext, state: PathState | undefined): Promise<void> {
    // A finished check (a lapsed result, then "cancel" at the offer of a person) is saved complete already.
    if (!state || state.forSomeoneElse || state.assessment || !hasAnyAnswer(state.answers)) return;
    await this.deps.unfinishedAnswers?.set(context, definedOnly(state.answers));
  }

  /**
   * Applies facts given aside or as a correction and says exactly what changed and what was added ("Changed the
   * CECs to 2.", "Got it: the online exam."), so a trainer sees nothing else moved.
   */
  private acknowledge(state: PathState, facts: Facts): string {
    const before = { ...state.answers };
    const hadMonth = state.pendingMonth;
    this.applyFacts(state, facts);
    const changed: string[] = [];
    const added: string[] = [];
    const hadDate = before.certifiedOn !== undefined || hadMonth !== undefined;
    const date = facts.certifiedOn
      ? formatLongDate(facts.certifiedOn)
      : facts.month
        ? formatMonth(facts.month.year, facts.month.month)
        : undefined;
    if (date && hadDate && facts.certifiedOn !== before.certifiedOn) changed.push(`the certification date to ${date}`);
    else if (facts.certifiedOn) added.push(`certified ${date}`);
    else if (facts.month) added.push(`${facts.month.from === 'expiry' ? 'expiring' : 'certified'} in ${date}`);
    if (facts.earnedVia && before.earnedVia && before.earnedVia !== facts.earnedVia) changed.push(`the exam to ${examName(facts.earnedVia)}`);
    else if (facts.earnedVia) added.push(examName(facts.earnedVia));
    if (facts.cecsEarned !== undefined && before.cecsEarned !== undefined && before.cecsEarned !== facts.cecsEarned) changed.push(`the CECs to ${formatCecs(facts.cecsEarned)}`);
    else if (facts.cecsEarned !== undefined) added.push(cecCount(facts.cecsEarned));
    const parts: string[] = [];
    if (changed.length) parts.push(`Changed ${changed.join(' and ')}.`);
    if (added.length) parts.push(`${changed.length ? 'And' : 'Got it'}: ${added.join(' and ')}.`);
    return parts.join(' ');
  }

  /**
   * Facts other than the one asked for, new to what is known: kept by the caller instead of being lost to an
   * FAQ answer or a "please choose" (trainers often answer the next question first).
   */
  private asideFacts(context: TurnContext, text: string, asked: Item, options: AskOptions, read?: Facts): Facts | undefined {
    const f = read ?? extractFacts(text, this.today(context), context.activity.locale);
    const known = (options.known ?? {}) as PathAnswers;
    const facts: Facts = {};
    if (asked !== 'date') {
      if (f.certifiedOn && f.certifiedOn !== known.certifiedOn) Object.assign(facts, { certifiedOn: f.certifiedOn, dateSaid: f.dateSaid, dateFrom: f.dateFrom });
      else if (f.month) facts.month = f.month;
    }
    const examWorded = EXAM_WORDS.test(text) || !CLASS_WORDS.test(text);
    if (asked !== 'exam' && f.earnedVia && f.earnedVia !== known.earnedVia && examWorded) facts.earnedVia = f.earnedVia;
    if (asked !== 'cecs' && f.cecsEarned !== undefined && f.cecsEarned !== known.cecsEarned) facts.cecsEarned = f.cecsEarned;
    return hasFacts(facts) ? facts : undefined;
  }

  private forget(state: PathState, item: Item): void {
    if (item === 'date') {
      state.previousDate = state.answers.certifiedOn ?? state.previousDate;
      state.answers.certifiedOn = undefined;
      state.pendingMonth = undefined;
    } else if (item === 'exam') state.answers.earnedVia = undefined;
    else state.answers.cecsEarned = undefined;
  }

  private summary(a: CompleteAnswers): string {
    return [
      "Here's what I have:",
      `- Certified on: ${formatLongDate(a.certifiedOn)} (so it expires ${formatLongDate(expiresOnFor(a.certifiedOn))})`,
      `- Exam: ${examName(a.earnedVia)}`,
      `- CECs earned: ${formatCecs(a.cecsEarned)}`,
    ].join('\n');
  }

  // ---- readers: each prompt's own recognizer ----

  private wording(options: AskOptions): Wording {
    return wordingFor(options.forSomeoneElse === true);
  }

  private readReuse(context: TurnContext, text: string): Reading<ReuseReading> {
    const t = lower(text);
    const facts = NO.test(t) || !YES.test(t) ? extractFacts(t, this.today(context), context.activity.locale) : {};
    if (hasFacts(facts)) return { ok: true, value: { kind: 'facts', facts } };
    if (YES.test(t)) return { ok: true, value: { kind: 'yes' } };
    if (NO.test(t)) return { ok: true, value: { kind: 'no' } };
    return { ok: false, why: 'Please answer yes or no.' };
  }

  /**
   * "actually it was 2023", "the year was 2023 not 2025": the known date moved to that year (month and day kept;
   * a year said with "expires" is the expiry's), or why it can't be. `bare`: a year said alone counts.
   */
  private yearChange(context: TurnContext, text: string, base: string | undefined, bare: boolean, w: Wording): { facts: Facts } | { why: string } | undefined {
    if (!base) return undefined;
    const year = correctedYear(text, bare);
    if (year === undefined) return undefined;
    const certifiedOn = withYear(base, yearNamesExpiry(text) ? year - 2 : year);
    const problem = checkCertifiedOn(certifiedOn, this.today(context), 'certified');
    if (problem) return { why: dateWhy(problem, w, undefined, problem === 'future' ? certifiedOn : undefined) };
    return { facts: { certifiedOn, dateSaid: certifiedOn, dateFrom: 'certified' } };
  }

  private readDate(context: TurnContext, text: string, options: AskOptions): Reading<DateReading> {
    const w = this.wording(options);
    const today = this.today(context);
    // After "change the date", a year alone keeps the month and day said before.
    const change = this.yearChange(context, text, options.previousDate as string | undefined, true, w);
    if (change && 'why' in change) return { ok: false, why: change.why };
    if (change) {
      const on = change.facts.certifiedOn!;
      return { ok: true, value: { kind: 'date', certifiedOn: on, from: 'certified', said: on, why: `Changed the certification date to ${formatLongDate(on)}.` } };
    }
    // A year alone ("2023", "the year was 2023 not 2025"): asked which day in it, and the next answer read in it.
    const year = correctedYear(text, true);
    if (year !== undefined && !yearNamesExpiry(text) && year <= Number(today.slice(0, 4))) return { ok: true, value: { kind: 'year', year } };
    const pendingYear = options.pendingYear as number | undefined;
    const inYear = pendingYear && !/\b(?:19|20)\d\d\b/.test(text) && MONTH_WORD.test(lower(text)) ? `${text} ${pendingYear}` : text;
    // One pass over the answer reads the date and anything else said with it (the exam, the CECs).
    const f = extractFacts(inYear, today, context.activity.locale);
    const extras: Extras | undefined = f.earnedVia || f.cecsEarned !== undefined ? { earnedVia: f.earnedVia, cecsEarned: f.cecsEarned } : undefined;
    const future = options.futureSaid as string | undefined;
    const t = lower(text);
    if (future && !f.certifiedOn && !f.month && !f.dateProblem && !NO.test(t) && (YES.test(t) || SAYS_EXPIRY.test(t))) {
      // "yes, that's when it expires": the future date said before is the expiry date.
      if (future.length === 7) return { ok: true, value: { kind: 'month', year: Number(future.slice(0, 4)), month: Number(future.slice(5, 7)), from: 'expiry', extras } };
      return { ok: true, value: { kind: 'date', certifiedOn: certifiedOnFor(future), from: 'expiry', said: future, extras } };
    }
    if (f.certifiedOn) return { ok: true, value: { kind: 'date', certifiedOn: f.certifiedOn, from: f.dateFrom ?? 'certified', said: f.dateSaid ?? f.certifiedOn, extras } };
    if (f.month) return { ok: true, value: { kind: 'month', ...f.month, extras } };
    // "Feb 31 2025": that month is known, so its day is asked ("February 2025 has no 31st.").
    const noDay = f.dateProblem === 'no-such-day' ? /^(\d{4})-(\d\d)/.exec(f.dateProblemSaid ?? '') : null;
    if (noDay && Number(noDay[1]) > 0) {
      const why = dateWhy('no-such-day', w, undefined, f.dateProblemSaid);
      return { ok: true, value: { kind: 'month', year: Number(noDay[1]), month: Number(noDay[2]), from: f.dateFrom ?? 'certified', extras, why } };
    }
    if (!f.dateProblem && !hasFacts(f) && DONT_KNOW_DATE.test(t)) {
      return { ok: false, understood: true, why: dontKnowDateWhy(w), suggestions: [TALK_TO_A_PERSON] };
    }
    const problem = f.dateProblem ?? 'unreadable';
    const example = problem === 'unreadable' ? ' Try a date like "March 3, 2025", or "it expires on June 3, 2027".' : '';
    const why = dateWhy(problem, this.wording(options), undefined, f.dateProblemSaid, today) + example;
    const expiry = problem === 'future' ? expiryAnswerFor(f.dateProblemSaid, today) : undefined;
    const aside = this.asideFacts(context, text, 'date', options, f);
    if (aside) return { ok: true, value: { kind: 'aside', facts: aside, why: f.dateProblem ? why : undefined, futureSaid: expiry ? f.dateProblemSaid : undefined } };
    if (expiry) return { ok: true, value: { kind: 'future', said: f.dateProblemSaid!, why } };
    return { ok: false, why };
  }

  private readDay(context: TurnContext, text: string, options: AskOptions): Reading<unknown> {
    const pending = options.pendingMonth as PendingMonth;
    const today = this.today(context);
    // "actually it was 2023": the same month in that year, its day still asked.
    const year = correctedYear(text, true);
    if (year !== undefined && year !== pending.year && !yearNamesExpiry(text)) {
      return { ok: true, value: { kind: 'month', year, month: pending.month, from: pending.from, why: `Changed the year to ${year}.` } };
    }
    const r = parseDayAnswer(text, pending, today, context.activity.locale);
    if (r.kind === 'date') {
      // "not sure, the online one I think": the 1st, and the exam said with it kept (not asked again).
      const aside = this.asideFacts(context, text, 'date', options);
      const extras: Extras | undefined = aside ? { earnedVia: aside.earnedVia, cecsEarned: aside.cecsEarned } : undefined;
      return { ok: true, value: { ...r, extras } };
    }
    const example = r.problem === 'unreadable' ? ' A day of the month, like "3" or "the 3rd".' : '';
    // "I don't know the day but it was the online exam" reads as the 1st above; "online, 2 CECs" is kept aside.
    const aside = r.problem === 'unreadable' ? this.asideFacts(context, text, 'date', options) : undefined;
    if (aside) return { ok: true, value: { kind: 'aside', facts: aside } };
    const why = dateWhy(r.problem, this.wording(options), pending, r.said, today) + example;
    // A certification day still ahead may be the expiry: back to the date question, with that as a one-tap answer.
    if (r.problem === 'future' && pending.from === 'certified' && expiryAnswerFor(r.said, today)) return { ok: true, value: { kind: 'future', said: r.said!, why } };
    return { ok: false, why };
  }

  private readExam(context: TurnContext, text: string, options: AskOptions): Reading<ExamReading> {
    // "actually it was 2023": a correction of the date's year, not an exam answer.
    const change = this.yearChange(context, text, (options.known as PathAnswers | undefined)?.certifiedOn, true, this.wording(options));
    if (change) return 'why' in change ? { ok: false, understood: true, why: change.why } : { ok: true, value: { kind: 'aside', facts: change.facts } };
    // "not sure, which one gives a certificate?": a question about the exams, not an answer naming one.
    const asking = /\?/.test(text) && /\b(which|what|how|does|do|is|are|was|can|difference)\b/i.test(text);
    const r = asking ? 'unsure' : parseExam(text);
    if (r === 'online-exam' || r === 'testing-center-exam') {
      // "testing center, and I have 2 CECs": the CECs too (only a number next to the word CEC/credit).
      const cecs = findCecsInSentence(text, [], context.activity.locale);
      return { ok: true, value: { earnedVia: r, extras: cecs?.kind === 'cecs' ? { cecsEarned: cecs.value } : undefined } };
    }
    if (r === 'unsure') {
      return {
        ok: false,
        understood: true,
        why: 'If the exam was taken online and gave a certificate, choose "Online exam". If it was the NCCA-accredited exam taken at a testing center, choose "Testing-center exam (NCCA)".',
      };
    }
    const aside = this.asideFacts(context, text, 'exam', options);
    if (aside) return { ok: true, value: { kind: 'aside', facts: aside } };
    if (NEITHER_EXAM.test(text)) {
      const w = this.wording(options);
      return {
        ok: false,
        understood: true,
        why: `I can only work out routes after one of these two exams, the ones the help article covers. If ${w.your} certification came another way, a person from the support team can help: say "talk to a person".`,
        suggestions: [TALK_TO_A_PERSON],
      };
    }
    const both = /\bboth\b/i.test(text) || (ONLINE_WORD.test(text) && CENTER_WORD.test(text));
    // "online first, then the testing-center one": passing the testing-center exam after the online exam upgrades
    // the certificate to full certification (the article), so the current certification is from the later exam.
    const online = text.search(ONLINE_WORD);
    const center = text.search(CENTER_WORD);
    if (both && online >= 0 && center > online && /\b(then|after(?:wards)?|later|upgraded?)\b/i.test(text)) {
      return { ok: true, value: { earnedVia: 'testing-center-exam' } };
    }
    return {
      ok: false,
      understood: both,
      why: both ? 'Please choose the exam your current certification came from.' : 'Please choose one of the two exams.',
    };
  }

  private readCecs(context: TurnContext, text: string, options: AskOptions): Reading<CecReading> {
    // "actually it was 2023" (a year said alone here is a count, however unlikely).
    const change = this.yearChange(context, text, (options.known as PathAnswers | undefined)?.certifiedOn, false, this.wording(options));
    if (change) return 'why' in change ? { ok: false, why: change.why } : { ok: true, value: { kind: 'aside', facts: change.facts } };
    // parseCecs reads hedges ("probably none") and "the online one" (not 1 CEC) itself.
    const r = parseCecs(text, context.activity.locale);
    if (r.kind === 'cecs') return { ok: true, value: r.value };
    // At the CEC prompt an exam needs an exam word ("I did an online class" is about CECs). The numbers of a
    // corrected date ("actually the date was sept 9 2023") are no count: the date is kept.
    const aside = r.problem === 'unreadable' || r.problem === 'several' || r.problem === 'too-many' ? this.asideFacts(context, text, 'cecs', options) : undefined;
    const datedAside = aside && (aside.certifiedOn !== undefined || aside.month !== undefined);
    if (aside && (r.problem === 'unreadable' || datedAside) && (!aside.earnedVia || EXAM_WORDS.test(text))) return { ok: true, value: { kind: 'aside', facts: aside } };
    return { ok: false, why: cecWhy(r.problem) };
  }

  private readConfirm(context: TurnContext, text: string, options: AskOptions): Reading<ConfirmReading> {
    const t = lower(text);
    const mentioned = itemMentioned(t);
    // "yes" alone or "yes, that's right" confirms; "yes but the date is wrong" is a correction.
    if (YES.test(t) && !/\b(but|wrong|change|not|fix|actually)\b/.test(t)) return { ok: true, value: { kind: 'yes' } };
    const w = this.wording(options);
    const change = this.yearChange(context, text, (options.known as PathAnswers | undefined)?.certifiedOn, true, w);
    if (change) return 'why' in change ? { ok: false, understood: true, why: change.why } : { ok: true, value: { kind: 'facts', facts: change.facts } };
    const facts = extractFacts(t, this.today(context), context.activity.locale);
    if (hasFacts(facts)) return { ok: true, value: { kind: 'facts', facts } };
    if (facts.dateProblem) return { ok: false, understood: true, why: dateWhy(facts.dateProblem, w, undefined, facts.dateProblem === 'no-such-day' ? facts.dateProblemSaid : undefined) };
    // A number alone ("about 1", "so 1.5", "-1") can only be the CECs: a correction of them, or why not.
    if ((!mentioned || mentioned === 'cecs') && mayContainNumber(t)) {
      const cecs = parseCecs(t, context.activity.locale);
      if (cecs.kind === 'cecs') return { ok: true, value: { kind: 'facts', facts: { cecsEarned: cecs.value } } };
      if (cecs.problem === 'negative' || cecs.problem === 'too-many' || cecs.problem === 'hours') return { ok: false, understood: true, why: cecWhy(cecs.problem) };
    }
    if (mentioned) return { ok: true, value: { kind: 'change', item: mentioned } };
    if (NO.test(t)) return { ok: true, value: { kind: 'no' } };
    return { ok: false, why: 'Please say yes, or tell me what to change.' };
  }

  private readWhich(context: TurnContext, text: string): Reading<ConfirmReading> {
    const t = lower(text);
    if (YES.test(t)) return { ok: true, value: { kind: 'yes' } };
    const facts = extractFacts(t, this.today(context), context.activity.locale);
    if (hasFacts(facts)) return { ok: true, value: { kind: 'facts', facts } };
    const mentioned = itemMentioned(t);
    if (mentioned) return { ok: true, value: { kind: 'change', item: mentioned } };
    return { ok: false, why: 'Please choose the date, the exam or the CECs.' };
  }

  private readYesNo(text: string): Reading<boolean> {
    const t = lower(text);
    if (YES.test(t)) return { ok: true, value: true };
    if (NO.test(t)) return { ok: true, value: false };
    return { ok: false, why: 'Please answer yes or no.' };
  }

  // ---- interruptions ----

  private loopState(innerDc: DialogContext): PathState | undefined {
    const loop = innerDc.stack.find((i) => i.id === LOOP);
    return loop?.state?.options as PathState | undefined;
  }

  protected helpText(innerDc: DialogContext): string {
    const state = this.loopState(innerDc);
    const w = wordingFor(state?.forSomeoneElse);
    const tail = ' You can also say "cancel" to stop, "start over", or "talk to a person".';
    switch (state?.asking) {
      case 'date':
        return `I'm asking when ${w.youWere} certified, or when ${w.your} certification expires. A certification runs for two years, so that date tells me the expiry date and whether recertification is due soon.${tail}`;
      case 'day':
        return `I need the day to work out the exact expiry date. If ${w.you} don't know it, say "don't know" and I'll use the 1st of the month.${tail}`;
      case 'exam':
        return `The exam decides the route: after the online exam (a certificate) ${w.you} can recertify by taking the NCCA-accredited exam at a testing center; after the testing-center exam, recertification is by CECs only.${tail}`;
      case 'cecs':
        return `Recertifying by credits needs 2.0 CECs earned within the two-year window. With ${w.your} number I can say how many are still needed. Say "none" if there are none yet.${tail}`;
      case 'confirm':
      case 'which':
        return `I'm checking I understood before working out the route. Say "yes", or tell me what to change (the date, the exam or the CECs).${tail}`;
      case 'reuse':
        return `Last time ${w.you} gave me these answers; say "yes" to use them again or "no" to answer afresh.${tail}`;
      default:
        return `Say "yes" to be connected with a person, or "no".${tail}`;
    }
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

  protected async restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    const state = this.loopState(innerDc);
    if (!state?.forSomeoneElse) await this.deps.unfinishedAnswers?.delete(innerDc.context);
    await innerDc.cancelAllDialogs();
    const fresh: PathState = { answers: {}, forSomeoneElse: !!state?.forSomeoneElse, confirmed: false, note: "Okay, let's start over." };
    return innerDc.beginDialog(LOOP, fresh);
  }
}

