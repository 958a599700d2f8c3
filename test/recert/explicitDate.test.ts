// recognizeDates reads a whole answer that is one explicit date without the recogniser model; that reading must be
// exactly the model's (text, span, type, values), for every day, month word, year and reference date it accepts,
// and it must leave everything else (impossible days, other shapes) to the model.
import { DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { explicitDate, recognizeDates } from '../../src/recert/recognizers';

const models = { 'en-us': new DateTimeRecognizer('en-us').getDateTimeModel('en-us', true), 'en-gb': new DateTimeRecognizer('en-gb').getDateTimeModel('en-gb', true) };
const modelReading = (text: string, culture: 'en-us' | 'en-gb', reference: Date) =>
  models[culture].parse(text, reference).map((r) => ({ text: r.text, start: r.start, end: r.end, typeName: r.typeName, values: (r.resolution as { values?: unknown }).values ?? [] }));

const MONTH_WORDS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);
const pad = (n: number) => String(n).padStart(2, '0');
const ordinal = (d: number) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

const shapes: Array<[string, string[]]> = [
  ['month day, year (every word and day, 2024 or 2025)', MONTH_WORDS.flatMap((w) => DAYS.map((d) => (d % 2 ? `${w} ${d}, 2024` : `${w} ${d} 2025`)))],
  ['month day year separators and ordinals', ['march 3,2025', 'march 3rd, 2025', 'march 3rd 2025', 'june 1st 2024', 'june 22nd, 2024', 'august 13th 2024', 'may 31 2025']],
  ['day month year (every word and day)', MONTH_WORDS.flatMap((w) => DAYS.map((d) => `${d} ${w} 2024`))],
  ['ISO (every day of 2024, impossible ones, February 2025)', [
    ...Array.from({ length: 13 }, (_, i) => i + 1).flatMap((m) => [...DAYS, 0].map((d) => `2024-${pad(m)}-${pad(d)}`)),
    ...[28, 29, 30].map((d) => `2025-02-${d}`),
  ]],
  ['years 1900-2099 (every third)', Array.from({ length: 67 }, (_, i) => 1900 + 3 * i).flatMap((y) => [`march 3, ${y}`, `3 march ${y}`, `${y}-03-03`, `february 29 ${y}`]).concat(['february 29 2000', '2000-02-29', 'february 29 1900'])],
  ['other shapes (left to the model)', ['march 3', 'march 2025', '03/03/2025', 'the 3rd of march 2025', `${ordinal(3)} march 2025`, 'march 3, 2025 online', 'march  3 2025', 'March 3, 2025', 'on march 3, 2025', '1899-03-03', 'march 3, 2100']],
];

// Every text against the model (en-US, one reference date); every 7th also in en-GB and from a leap day.
test.each(shapes)('%s: read as the model reads it', (_name, texts) => {
  texts.forEach((text, i) => {
    const explicit = explicitDate(text);
    expect({ text, reading: recognizeDates(text, '2025-06-01') }).toEqual({ text, reading: modelReading(text, 'en-us', new Date(2025, 5, 1, 12)) });
    if (explicit && i % 7 === 0) {
      for (const culture of ['en-us', 'en-gb'] as const) {
        expect({ text, culture, reading: explicit }).toEqual({ text, culture, reading: modelReading(text, culture, new Date(2024, 1, 29, 12)) });
      }
    }
  });
});

test.each([
  ['march 3, 2025', '2025-03-03'],
  ['june 15 2024', '2024-06-15'],
  ['3 mar 2025', '2025-03-03'],
  ['sept 30th, 2024', '2024-09-30'],
  ['2024-02-29', '2024-02-29'],
])('"%s" is read without the model as %s', (text, iso) => {
  expect(explicitDate(text)?.[0].values).toEqual([{ timex: iso, type: 'date', value: iso }]);
});

test.each(['february 29 2025', '2025-02-29', 'april 31 2025', '2025-13-01', '2025-00-10', 'march 0 2025', 'march 3', 'March 3, 2025', 'march 3, 2025 online', '03/03/2025'])(
  '"%s" is left to the model',
  (text) => expect(explicitDate(text)).toBeUndefined(),
);
