// recognizers.ts keeps one recogniser model per culture instead of the library's build-per-call helpers:
// the kept models must read exactly what fresh ones read, whatever was parsed before (other cultures,
// other reference dates).
import { recognizeDateTime } from '@microsoft/recognizers-text-date-time';
import { recognizeNumber, recognizeOrdinal } from '@microsoft/recognizers-text-number';
import { cultureFor, recognizeDates, recognizeNumbers, recognizeOrdinals } from '../../src/recert/recognizers';

const texts = ['March 3, 2025', '3/4/2025', 'the 3rd of March 2025', '18 months ago', 'last June', 'a year and a half ago', 'online', '1.5', 'one and a half', 'the third'];
const cases = ['2025-06-01', '2024-02-29'].flatMap((today) => ['en-US', 'en-GB'].flatMap((locale) => texts.map((text) => [text, today, locale] as const)));

test.each(cases)('%s (today %s, %s) reads as a fresh recogniser reads it', (text, today, locale) => {
  const [y, m, d] = today.split('-').map(Number);
  const culture = cultureFor(locale);
  const fresh = recognizeDateTime(text, culture, undefined, new Date(y, m - 1, d, 12)).map((r) => [r.text, r.typeName, (r.resolution as { values?: unknown }).values]);
  expect(recognizeDates(text, today, locale).map((r) => [r.text, r.typeName, r.values])).toEqual(fresh);
  expect(recognizeNumbers(text, locale).map((n) => String(n.value))).toEqual(recognizeNumber(text, culture).map((r) => r.resolution.value));
  expect(recognizeOrdinals(text, locale).map((n) => String(n.value))).toEqual(recognizeOrdinal(text, culture).map((r) => r.resolution.value));
});

// The plain-number fast path must give the model's entity exactly (text, span, value), and leave everything else
// ("01", "1.", "1,5", "-2", "1e3", " 2") to the model.
const plain = ['0', '1', '2', '10', '24', '100', '999999', '0.5', '1.5', '2.25', '19.75', '3.1415'];
const notPlain = ['01', '1.', '.5', '1,5', '-2', '1e3', ' 2', '2 ', '1234567', '1.23456', 'two'];
test.each([...plain, ...notPlain])('number %p reads as the model reads it', (text) => {
  const fresh = recognizeNumber(text, 'en-us').map((r) => ({ text: r.text, start: r.start, end: r.end, value: Number(r.resolution.value) }));
  expect(recognizeNumbers(text)).toEqual(fresh.filter((n) => Number.isFinite(n.value)));
});
