// Interruptions at any prompt of a component dialog (like core-bot's CancelAndHelpDialog): help, cancel/stop,
// start over, talk to a person, and FAQ questions (answered, then the same prompt again). A valid answer to
// the prompt ("online", "2", "March 2025", "no") is never taken for an FAQ question: the FAQ is only tried
// when the prompt's own recognizer refuses the text, or the text is plainly a question.
import { ActivityTypes, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { asksForPerson, readChatter } from '../src/faq/chatter';
import { messageText } from './messageText';

/** The button that asks for a person (the hand-off interruption reads its title). */
export const TALK_TO_A_PERSON = 'Talk to a person';

export type Interruption = 'help' | 'cancel' | 'restart' | 'handoff';

export interface FaqAnswerer {
  /** Answers only when confident; true when it sent an answer. */
  tryAnswer(context: TurnContext, text: string): Promise<boolean>;
  /** Names a topic the article does not cover, with a person offered; true when it sent that. */
  tryDecline?(context: TurnContext, text: string): Promise<boolean>;
}

const HELP = /^(?:help|help me|help please|i need help|what do you need|what do you need to know|why do you need (?:this|that|to know|it)|why do you ask|what is this for|what'?s this for|what do you mean|options|menu)$/;
const CANCEL =
  /^(?:(?:actually|no|nah|sorry|hmm) )?(?:cancel|stop|quit|exit|abort|never ?mind|forget it|forget about it|cancel (?:that|this|it)|stop (?:that|this|it)|i'?m done|end|no thanks,? stop|not now|i (?:don'?t|do not) want to (?:do (?:this|that|it)|continue|go on)(?: (?:anymore|any more|now|right now))?|i changed my mind)$/;
const RESTART =
  /^(?:(?:let'?s|can we|could we|i want to|i'?d like to|i need to|i wanna) )?(?:start over|start again|start afresh|restart|reset|begin again|start from scratch|start from the (?:start|beginning|top)|(?:go back to|from) the (?:start|beginning)|do (?:it|this) (?:again|over))$/;
const HANDOFF =
  /\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a |an |some |the |your )?(?:real |live )?(?:person|human|agent|someone|somebody|representative|rep|staff|support|team|people)\b|^(?:a )?(?:human|agent|person|representative|operator|live agent|real person)(?: please)?$|\bconnect me\b/;
// "i want a real person", "can I get a human", "I'd like to speak to someone": a person asked for in other words
// than "talk to" (the top level hands these off too, through the FAQ's hand-off entry).
const WANTS_PERSON = new RegExp(
  String.raw`\b(?:i(?: want| need| would like|'d like| wanna)|id like|(?:can|could|may) i (?:get|have|see)|get me|give me|let me)` +
    String.raw`(?: to (?:talk|speak|chat) (?:to|with))? (?:a |an |some |the |your )?(?:real |live |actual |human )?` +
    String.raw`(?:person|human|human being|agent|representative|rep|operator|someone|somebody|staff member|support person)(?: please| now| instead)*$` +
    String.raw`|^(?:a |an )?(?:real|live|actual) (?:person|human|agent)(?: please| now)*$`,
);

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:please|ok|okay|um|uh) /, '')
    .replace(/ please$/, '');
}

/** Whole-message commands only, so "I stopped counting CECs" is not a cancel. */
export function classifyInterruption(text: string): Interruption | undefined {
  if (text.length > 80) return undefined;
  const t = normalise(text);
  // The top level's reading of an ask for a person (src/faq/chatter.ts) counts at every prompt too.
  if (HANDOFF.test(t) || WANTS_PERSON.test(t) || asksForPerson(text)) return 'handoff';
  if (HELP.test(t)) return 'help';
  if (CANCEL.test(t)) return 'cancel';
  if (RESTART.test(t)) return 'restart';
  return undefined;
}

// "May" opens a question ("may I…") but also a date ("May 5 2024"): only the former.
const QUESTION_START =
  /^(?:what|whats|when|whens|where|wheres|why|how|hows|who|whos|which|can|could|do|does|did|is|isn't|are|was|were|will|should|would|shall|have|has|may (?:i|we|my|the|a|it)|am)\b/;
// Chat openers that carry on from the last line ("and how much is the fee?", "so which one should I pick?", "oh wait,
// …"): dropped before looking for the question word. An answer keeps its meaning without them ("so 1.5" → "1.5").
const LEAD_INS = /^(?:(?:and|so|but|also|oh|then|wait|hey|hmm+|alright|sorry|ok|okay|um|uh|btw|and also|one more thing)\b,? )+/;
// "…again", "…then": a trainer re-asking; the words only dilute the FAQ match ("what's the code again?").
const TAIL_FILLERS = /(?: (?:again|then|btw|by the way|real quick|quickly))+$/;

/** The message without chat lead-ins and trailing fillers, as the FAQ should read it. */
export function questionCore(text: string): string {
  return normalise(text).replace(LEAD_INS, '').replace(TAIL_FILLERS, '').trim();
}

export function looksLikeQuestion(text: string): boolean {
  return QUESTION_START.test(questionCore(text));
}

/**
 * Plainly a question even when the FAQ can't answer it: a question word, or a "?" after two or more words with no
 * number (a bare "huh?" or "2?" is left to the prompt, whose own "why" fits better).
 */
function plainlyAQuestion(text: string): boolean {
  const core = questionCore(text);
  if (core.split(' ').length < 2) return false;
  return QUESTION_START.test(core) || (/\?\s*$/.test(text) && !/\d/.test(text));
}

export type Courtesy = 'thanks' | 'goodbye';

const THANKS =
  /^(?:(?:great|cool|perfect|awesome|got it|nice|ah|oh|alright)\s+)*(?:thanks|thank you|thank u|thankyou|thx|ty|cheers|many thanks|much appreciated|appreciate it)(?: (?:a lot|so much|very much|again|a bunch|a million))?$/;
const GOODBYE =
  /^(?:(?:ok|okay|alright|thanks|thank you|ty|thx|cheers)\s+)*(?:bye|bye bye|goodbye|good bye|bye for now|see (?:you|ya)(?: later| soon)?|cya|ttyl|later then|talk (?:to you )?later|(?:i(?:'ve| have)? )?(?:gotta|got to|have to|need to|must) go(?: now)?|i'?m (?:off|leaving|out)|i'?ll come back(?: later)?|i'?ll be back(?: later)?|good ?night)$/;

/** Thanks or a goodbye said at a prompt: courtesy, not an answer nor a question for the FAQ. */
export function classifyCourtesy(text: string): Courtesy | undefined {
  if (text.length > 60) return undefined;
  const t = normalise(text);
  if (GOODBYE.test(t)) return 'goodbye';
  if (THANKS.test(t)) return 'thanks';
  return undefined;
}

/**
 * A prompt's reading of an answer: the value, or why it could not be used (said before re-asking), with
 * buttons for the likely answer when there is one ("It expires on June 3, 2026"). `understood`: the text answers the
 * prompt but not usably ("both", "not sure"): the prompt's own explanation fits better than an FAQ answer.
 */
export type Reading<T> = { ok: true; value: T } | { ok: false; why?: string; suggestions?: string[]; understood?: boolean };

export interface AskOptions {
  prompt: Partial<Activity>;
  /** The prompt without its one-off lead-in ("I'll work out…"), for asking again. */
  retryPrompt?: Partial<Activity>;
  /** Button titles; a typed "1"/"2" picks one (plain-text channels show them numbered). */
  choices?: string[];
  /** After this many answers in a row the prompt could not use, a person is offered (a way out of a loop). */
  personAfterMisses?: number;
  /**
   * A last question after the dialog's work is done (the offer of a person after a result): a message that doesn't
   * answer it ends the dialog and is handled as a new message by the parent (passOn), instead of re-asking.
   */
  lastQuestion?: boolean;
  [key: string]: unknown;
}

type Reader<T> = (context: TurnContext, text: string, options: AskOptions) => Reading<T>;

const LAST_READING = Symbol('lastPromptReading');
interface LastReading {
  dialog: AskDialog<unknown>;
  text: string;
  options: AskOptions;
  reading: Reading<unknown>;
}

const ORDINAL_WORDS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const PICK = /^(?:the |option |number |no\.? |choice |#)?\(?(\d|first|second|third|fourth|1st|2nd|3rd|4th)\)?\.?(?: one| option| choice)?[.!]?$/;

/** "2", "(2)", "option 2", "the second one": a button picked by its place in the list. */
export function choiceNumber(text: string): number | undefined {
  const m = PICK.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  return ORDINAL_WORDS[m[1]] ?? Number(m[1]);
}

/** A prompt that knows its own recognizer, so interruptions can ask it before treating text as a question. */
export class AskDialog<T> extends Dialog<AskOptions> {
  constructor(
    dialogId: string,
    private readonly reader: Reader<T>,
  ) {
    super(dialogId);
  }

  read(context: TurnContext, text: string, options: AskOptions): Reading<T> {
    // An answer is read twice per turn (the interruption check asks whether the prompt accepts it, then the
    // prompt reads it); readers are pure within a turn and the date recogniser costs milliseconds, so the
    // turn's last reading is reused.
    const last = context.turnState.get(LAST_READING) as LastReading | undefined;
    if (last && last.dialog === this && last.text === text && last.options === options) return last.reading as Reading<T>;
    const pick = choiceNumber(text);
    const choice = pick && options.choices ? options.choices[pick - 1] : undefined;
    const reading = this.reader(context, choice ?? text, options);
    context.turnState.set(LAST_READING, { dialog: this, text, options, reading } satisfies LastReading);
    return reading;
  }

  async beginDialog(dc: DialogContext, options?: AskOptions): Promise<DialogTurnResult> {
    if (!options?.prompt) throw new Error(`${this.id}: prompt missing`);
    dc.activeDialog!.state.options = options;
    await dc.context.sendActivity(options.prompt);
    return Dialog.EndOfTurn;
  }

  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const options = dc.activeDialog!.state.options as AskOptions;
    const reading = this.read(dc.context, messageText(dc.context.activity), options);
    if (reading.ok) return dc.endDialog(reading.value);
    const state = dc.activeDialog!.state as { misses?: number };
    state.misses = (state.misses ?? 0) + 1;
    let why = reading.why ?? "Sorry, I didn't catch that.";
    let suggestions = reading.suggestions ?? [];
    if (options.personAfterMisses && state.misses >= options.personAfterMisses && !suggestions.includes(TALK_TO_A_PERSON)) {
      why += ` If it's easier, say "talk to a person" and someone from the support team will help.`;
      suggestions = [...suggestions, TALK_TO_A_PERSON];
    }
    const again = options.retryPrompt ?? options.prompt;
    const text = `${why}\n\n${again.text ?? ''}`.trim();
    if (suggestions.length && !again.suggestedActions) {
      await dc.context.sendActivity(MessageFactory.suggestedActions(suggestions, text));
    } else if (suggestions.length && again.suggestedActions) {
      // The prompt's own buttons stay; the way out is added after them.
      const actions = [...again.suggestedActions.actions, ...MessageFactory.suggestedActions(suggestions).suggestedActions!.actions];
      await dc.context.sendActivity({ ...again, text, suggestedActions: { ...again.suggestedActions, actions } });
    } else await dc.context.sendActivity({ ...again, text });
    return Dialog.EndOfTurn;
  }

  async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const options = instance.state.options as AskOptions;
    await context.sendActivity(options.retryPrompt ?? options.prompt);
  }
}

export abstract class InterruptibleDialog<O extends object = {}> extends ComponentDialog<O> {
  protected constructor(
    dialogId: string,
    protected readonly faq?: FaqAnswerer,
  ) {
    super(dialogId);
  }

  /** "What I'm asking and why", for the prompt on top of the stack. */
  protected abstract helpText(innerDc: DialogContext): string;
  /** Ends the dialog saying so; returns the result for the parent. */
  protected abstract cancel(innerDc: DialogContext): Promise<DialogTurnResult>;
  /** Ends the dialog with handoffRequested and what was collected. */
  protected abstract handoff(innerDc: DialogContext): Promise<DialogTurnResult>;
  protected abstract restart(innerDc: DialogContext): Promise<DialogTurnResult>;
  /** Ends the dialog so the parent handles this message itself (see AskOptions.lastQuestion). */
  protected abstract passOn(innerDc: DialogContext): Promise<DialogTurnResult>;

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    if (context.activity.type !== ActivityTypes.Message) return undefined;
    const text = messageText(context.activity);
    if (!text) return undefined;
    switch (classifyInterruption(text)) {
      case 'help':
        await context.sendActivity(this.helpText(innerDc));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'cancel':
        return this.cancel(innerDc);
      case 'restart':
        return this.restart(innerDc);
      case 'handoff':
        return this.handoff(innerDc);
    }
    // After the result, a message that doesn't answer the last question is a new message, not a bad answer.
    if (this.atLastQuestion(innerDc) && !this.promptAccepts(innerDc, text)) return this.passOn(innerDc);
    // A question is answered even when the prompt could read it ("is 2 enough?"); anything else only when the
    // prompt refuses it, so "online", "2", "no thanks" stay answers.
    const question = looksLikeQuestion(text);
    if (this.faq && question && (await this.answerFaq(context, text))) return this.reprompt(innerDc);
    const courtesy = classifyCourtesy(text);
    // Before the prompt's reading: "ok bye" is no "ok" (yes) to the question.
    if (courtesy === 'goodbye') return this.leave(innerDc);
    if (this.promptAccepts(innerDc, text)) return undefined;
    if (courtesy === 'thanks') {
      // Not the top-level "Anything else…?": the check is waiting for an answer.
      await context.sendActivity("You're welcome!");
      return this.reprompt(innerDc);
    }
    if (readChatter(text) === 'rude') {
      await context.sendActivity(`Sorry this has been frustrating. If you'd rather, say "${TALK_TO_A_PERSON.toLowerCase()}" and someone from our support team will take over. Otherwise, let's carry on:`);
      return this.reprompt(innerDc);
    }
    if (!this.faq) return undefined;
    if (!question && (await this.answerFaq(context, text))) return this.reprompt(innerDc);
    if (plainlyAQuestion(text)) {
      if (this.faq.tryDecline && ((await this.faq.tryDecline(context, text)) || (await this.faq.tryDecline(context, questionCore(text))))) {
        await context.sendActivity("Let's carry on:");
        return this.reprompt(innerDc);
      }
      // The prompt's "Please answer yes or no" would treat a question as a bad answer.
      await context.sendActivity(
        `I can't answer that one for sure from the help article right now. Ask me again once we're done here, or say "${TALK_TO_A_PERSON.toLowerCase()}" for someone from our support team.`,
      );
      return this.reprompt(innerDc);
    }
    return undefined;
  }

  /**
   * "Bye" at a prompt: the check stops (saying how to pick it up again, as a cancel does) with a goodbye, rather
   * than a goodbye followed by the same question.
   */
  protected async leave(innerDc: DialogContext): Promise<DialogTurnResult> {
    const result = await this.cancel(innerDc);
    await innerDc.context.sendActivity('Goodbye for now, and good luck with your recertification!');
    return result;
  }

  /** The FAQ's confident answer to the message, or to its core ("what's the code again?" → "what's the code"). */
  private async answerFaq(context: TurnContext, text: string): Promise<boolean> {
    if (!this.faq) return false;
    if (await this.faq.tryAnswer(context, text)) return true;
    const core = questionCore(text);
    return core !== normalise(text) && core.length > 0 && this.faq.tryAnswer(context, core);
  }

  private async reprompt(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  private atLastQuestion(innerDc: DialogContext): boolean {
    return (innerDc.activeDialog?.state.options as AskOptions | undefined)?.lastQuestion === true;
  }

  private promptAccepts(innerDc: DialogContext, text: string): boolean {
    const active = innerDc.activeDialog;
    const dialog = active ? innerDc.findDialog(active.id) : undefined;
    if (!(dialog instanceof AskDialog) || !active) return false;
    const reading = dialog.read(innerDc.context, text, active.state.options as AskOptions);
    return reading.ok || reading.understood === true;
  }
}
