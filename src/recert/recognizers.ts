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

// A whole (normalised, lower-case) answer that is one explicit date ("march 3, 2025", "3 march 2025",
// "2025-03-03") is read here: the model runs hundreds of regular expressions for it (≈ 1.5 ms). Only shapes whose
// reading depends on neither culture nor reference date, only real calendar days; the output is exactly the
// model's (test/recert/explicitDate.test.ts compares them day by day).
const MONTH_WORDS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const MONTH_DAY_YEAR = new RegExp(`^(${MONTH_WORDS}) (\\d{1,2})(?:st|nd|rd|th)?(?:, ?| )((?:19|20)\\d\\d)$`);
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2}) (${MONTH_WORDS}) ((?:19|20)\\d\\d)$`);
const ISO_DATE = /^((?:19|20)\d\d)-(\d\d)-(\d\d)$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const MONTH_OF: Record<string, number> = Object.fromEntries(
  MONTH_WORDS.split('|').map((word) => [word, ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(word.slice(0, 3)) + 1]),
);

/** The reading of a whole answer that is one explicit date, or undefined (the model reads it). */
export function explicitDate(text: string): DateEntity[] | undefined {
  let year: number, month: number, day: number;
  let m = MONTH_DAY_YEAR.exec(text);
  if (m) [year, month, day] = [Number(m[3]), MONTH_OF[m[1]], Number(m[2])];
  else if ((m = DAY_MONTH_YEAR.exec(text))) [year, month, day] = [Number(m[3]), MONTH_OF[m[2]], Number(m[1])];
  else if ((m = ISO_DATE.exec(text))) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29 && !leap)) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return [{ text, start: 0, end: text.length - 1, typeName: 'datetimeV2.date', values: [{ timex: iso, type: 'date', value: iso }] }];
}

export function recognizeDates(text: string, today: string, locale?: string): DateEntity[] {
  const explicit = explicitDate(capText(text));
  if (explicit) return explicit;
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

// A whole answer that is one plain number ("2", "1.5", the commonest CEC answers) is read directly, with exactly
// the model's output (compared in test/recert/recognizers.test.ts); the model costs ~0.3 ms even for "2".
const PLAIN_NUMBER = /^(?:0|[1-9]\d{0,5})(?:\.\d{1,4})?$/;

export function recognizeNumbers(text: string, locale?: string): NumberEntity[] {
  if (PLAIN_NUMBER.test(text)) return [{ text, start: 0, end: text.length - 1, value: Number(text) }];
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
