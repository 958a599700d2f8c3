// Thin wrapper over Microsoft.Recognizers.Text: capped input, culture by locale, warm-up.
import { recognizeDateTime } from '@microsoft/recognizers-text-date-time';
import { recognizeNumber, recognizeOrdinal } from '@microsoft/recognizers-text-number';
import { parseIso } from './dates';

/** Longer text is cut before recognition: recognizer cost grows with length, answers are short. */
export const MAX_RECOGNITION_CHARS = 200;

// English locales that write the month first (03/04/2025 = March 4); other English locales read day first.
const MONTH_FIRST = new Set(['en', 'en-us', 'en-ca', 'en-ph', 'en-as', 'en-gu', 'en-mp', 'en-pr', 'en-um', 'en-vi']);

export function cultureFor(locale: string | undefined): 'en-us' | 'en-gb' {
  const l = (locale ?? '').toLowerCase().replace('_', '-');
  if (!l.startsWith('en') || MONTH_FIRST.has(l)) return 'en-us';
  return 'en-gb';
}

export function capText(text: string): string {
  return text.length > MAX_RECOGNITION_CHARS ? text.slice(0, MAX_RECOGNITION_CHARS) : text;
}

export interface DateEntity {
  text: string;
  start: number;
  end: number;
  typeName: string;
  values: Array<Record<string, string>>;
}

/** Noon local time on `today`: the recognizer reads the reference's local calendar fields. */
function referenceDate(today: string): Date {
  const { year, month, day } = parseIso(today);
  return new Date(year, month - 1, day, 12, 0, 0);
}

export function recognizeDates(text: string, today: string, locale?: string): DateEntity[] {
  const results = recognizeDateTime(capText(text), cultureFor(locale), undefined, referenceDate(today));
  return results.map((r) => ({
    text: r.text,
    start: r.start,
    end: r.end,
    typeName: r.typeName,
    values: ((r.resolution as { values?: Array<Record<string, string>> } | undefined)?.values ?? []),
  }));
}

export interface NumberEntity {
  text: string;
  start: number;
  end: number;
  value: number;
}

export function recognizeNumbers(text: string, locale?: string): NumberEntity[] {
  return recognizeNumber(capText(text), cultureFor(locale))
    .map((r) => ({ text: r.text, start: r.start, end: r.end, value: Number((r.resolution as { value?: string }).value) }))
    .filter((n) => Number.isFinite(n.value));
}

export function recognizeOrdinals(text: string, locale?: string): NumberEntity[] {
  return recognizeOrdinal(capText(text), cultureFor(locale))
    .map((r) => ({ text: r.text, start: r.start, end: r.end, value: Number((r.resolution as { value?: string }).value) }))
    .filter((n) => Number.isFinite(n.value));
}

let warmed = false;
/**
 * The recognizers build their regex tables lazily, per culture and per kind of expression (~0.2-0.6 s on
 * first use, ~0.2 s more for the first duration). The app calls this at start-up so no trainer pays it.
 */
export function warmUpRecognizers(): void {
  if (warmed) return;
  for (const text of ['March 3, 2025', 'the 3rd of March 2025', '18 months ago', 'last June', 'it expires on 06/03/2027']) {
    recognizeDates(text, '2025-06-01');
    recognizeDates(text, '2025-06-01', 'en-GB');
  }
  recognizeNumbers('one and a half');
  recognizeOrdinals('the third');
  warmed = true;
}
