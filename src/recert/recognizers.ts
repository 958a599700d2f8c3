// Thin wrapper over Microsoft.Recognizers.Text: capped input, culture by locale, warm-up.
import { DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { NumberRecognizer } from '@microsoft/recognizers-text-number';
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

type Culture = ReturnType<typeof cultureFor>;
type DateModel = ReturnType<DateTimeRecognizer['getDateTimeModel']>;
type NumberModel = ReturnType<NumberRecognizer['getNumberModel']>;

// The library's recognizeDateTime / recognizeNumber build a new recogniser on every call (about 1 ms, most of
// a short answer's cost); its models are stateless between parses, so one per culture is built and kept.
const dateModels = new Map<Culture, DateModel>();
const numberModels = new Map<Culture, NumberModel>();
const ordinalModels = new Map<Culture, NumberModel>();

function cached<M>(models: Map<Culture, M>, culture: Culture, build: () => M): M {
  let model = models.get(culture);
  if (!model) models.set(culture, (model = build()));
  return model;
}

const dateModel = (c: Culture) => cached(dateModels, c, () => new DateTimeRecognizer(c).getDateTimeModel(c, true));
const numberModel = (c: Culture) => cached(numberModels, c, () => new NumberRecognizer(c).getNumberModel(c, true));
const ordinalModel = (c: Culture) => cached(ordinalModels, c, () => new NumberRecognizer(c).getOrdinalModel(c, true));

export function recognizeDates(text: string, today: string, locale?: string): DateEntity[] {
  const results = dateModel(cultureFor(locale)).parse(capText(text), referenceDate(today));
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
  return numberModel(cultureFor(locale))
    .parse(capText(text))
    .map((r) => ({ text: r.text, start: r.start, end: r.end, value: Number((r.resolution as { value?: string }).value) }))
    .filter((n) => Number.isFinite(n.value));
}

export function recognizeOrdinals(text: string, locale?: string): NumberEntity[] {
  return ordinalModel(cultureFor(locale))
    .parse(capText(text))
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
