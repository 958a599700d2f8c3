// The path dialog's working state and what each prompt's reader hands back to the loop.
import type { CompleteAnswers, PathAnswers } from '../../src/recert/answers';
import type { Assessment, EarnedVia } from '../../src/recert/assessment';
import type { Facts } from '../../src/recert/extractFacts';
import type { DateSource } from '../../src/recert/parseDate';
import type { AskOptions } from '../interruptibleDialog';
import { wordingFor, type Wording } from '../pathResult';

export type Item = 'date' | 'exam' | 'cecs';
export type Asking = 'reuse' | 'date' | 'day' | 'exam' | 'cecs' | 'confirm' | 'which' | 'handoff';

/** The working state of one run, carried in the loop's options. */
export interface PathState {
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

export type PendingMonth = { year: number; month: number; from: DateSource; yearless?: boolean };

/** Other facts said with an answer ("March 3 2025, online exam"): kept, so they are not asked again. */
export type Extras = Pick<Facts, 'earnedVia' | 'cecsEarned'>;
/**
 * An answer that gives other facts but not the one asked for ("online exam, I have 1.5 CECs" at the date
 * prompt): they are kept and the same question asked again; `why` says what was wrong with the date, if anything.
 */
export type Aside = { kind: 'aside'; facts: Facts; why?: string; futureSaid?: string };
/** A future date said as the certification date that may be the expiry: asked about, and kept for a "yes". */
export type Future = { kind: 'future'; said: string; why: string };
export type DateReading =
  | { kind: 'date'; certifiedOn: string; from: DateSource; said: string; assumedFirst?: boolean; extras?: Extras; why?: string }
  | ({ kind: 'month'; extras?: Extras; why?: string } & PendingMonth)
  | { kind: 'year'; year: number }
  | Future
  | Aside;
export type ExamReading = { earnedVia: EarnedVia; extras?: Extras } | Aside;
export type CecReading = number | Aside;

export type ConfirmReading = { kind: 'yes' } | { kind: 'no' } | { kind: 'change'; item: Item } | { kind: 'facts'; facts: Facts };
export type ReuseReading = { kind: 'yes' } | { kind: 'no' } | { kind: 'facts'; facts: Facts } | { kind: 'change'; item: Item };

export function isAside(value: unknown): value is Aside {
  return typeof value === 'object' && value !== null && (value as { kind?: string }).kind === 'aside';
}

/** What a reader needs from the turn: today in the trainer's time zone and the activity's locale. */
export interface ReadContext {
  today: string;
  locale?: string;
}

/** "you" or "they": the prompt's options say whether the check is for someone else (Teams staff). */
export function wordingOf(options: AskOptions): Wording {
  return wordingFor(options.forSomeoneElse === true);
}
