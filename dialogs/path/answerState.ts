// How answers change the path dialog's state: facts said now over facts said before, corrections acknowledged
// with exactly what changed, an item dropped to be asked again.
import type { PathAnswers } from '../../src/recert/answers';
import { formatLongDate, formatMonth } from '../../src/recert/dates';
import type { Facts } from '../../src/recert/extractFacts';
import { cecCount, formatCecs } from '../../src/recert/cecText';
import { examName, wordingFor } from '../pathResult';
import { isAside, type Aside, type ConfirmReading, type DateReading, type ExamReading, type Extras, type Item, type PathState, type ReuseReading } from './types';

/** The answers without undefined fields (kept as plain JSON in state). */
export function definedOnly(a: PathAnswers): PathAnswers {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as PathAnswers;
}

/** The answers from before still in use (not replaced by what was said now). */
export function keptFrom(before: PathAnswers, now: PathAnswers): PathAnswers {
  return definedOnly({
    certifiedOn: before.certifiedOn !== undefined && before.certifiedOn === now.certifiedOn ? before.certifiedOn : undefined,
    earnedVia: before.earnedVia !== undefined && before.earnedVia === now.earnedVia ? before.earnedVia : undefined,
    cecsEarned: before.cecsEarned !== undefined && before.cecsEarned === now.cecsEarned ? before.cecsEarned : undefined,
  });
}

/** Whether anything usable was said: a date or month, the exam or the CECs. */
export function hasFacts(f: Facts): boolean {
  return f.certifiedOn !== undefined || f.month !== undefined || f.earnedVia !== undefined || f.cecsEarned !== undefined;
}

/** Facts said now replace what was known; a full date or a month ends any half-said date. */
export function applyFacts(state: PathState, facts: Facts): void {
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

export function applyExtras(state: PathState, extras: Extras | undefined): void {
  if (extras?.earnedVia) state.answers.earnedVia = extras.earnedVia;
  if (extras?.cecsEarned !== undefined) state.answers.cecsEarned = extras.cecsEarned;
}

/**
 * Applies facts given aside or as a correction and says exactly what changed and what was added ("Changed the
 * CECs to 2.", "Got it: the online exam."), so a trainer sees nothing else moved.
 */
export function acknowledge(state: PathState, facts: Facts): string {
  const before = { ...state.answers };
  const hadMonth = state.pendingMonth;
  applyFacts(state, facts);
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

/** "Change the date": drops that item so it is asked again (the date kept aside for a year said next). */
export function forget(state: PathState, item: Item): void {
  if (item === 'date') {
    state.previousDate = state.answers.certifiedOn ?? state.previousDate;
    state.answers.certifiedOn = undefined;
    state.pendingMonth = undefined;
  } else if (item === 'exam') state.answers.earnedVia = undefined;
  else state.answers.cecsEarned = undefined;
}

/**
 * Applies the reading of the question just asked: facts said aside are acknowledged and the same question comes
 * again; an answer fills its item (and anything said with it). The hand-off offer's yes/no is the dialog's.
 */
export function applyAnswer(state: PathState, value: unknown, today: string): void {
  const w = wordingFor(state.forSomeoneElse);
  if (isAside(value)) {
    state.futureSaid = value.futureSaid ?? state.futureSaid;
    state.note = [acknowledge(state, value.facts), value.why].filter(Boolean).join(' ');
    return;
  }
  switch (state.asking) {
    case 'reuse': {
      const r = value as ReuseReading;
      const saved = state.offerReuse!;
      state.offerReuse = undefined;
      if (r.kind === 'yes') {
        state.answers = { ...saved, ...state.answers };
        state.confirmed = true;
      } else if (r.kind === 'change') {
        state.answers = { ...saved, ...state.answers };
        forget(state, r.item);
      } else if (r.kind === 'facts') {
        // New facts win over saved ones and are said back ("Changed the CECs to 2.5."); then the confirmation.
        state.answers = { ...saved, ...state.answers };
        state.note = acknowledge(state, r.facts) || undefined;
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
      applyExtras(state, r.extras);
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
            r.said < today
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
      applyExtras(state, r.extras);
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
      else if (r.kind === 'change') forget(state, r.item);
      else state.note = acknowledge(state, r.facts);
      break;
    }
  }
}
