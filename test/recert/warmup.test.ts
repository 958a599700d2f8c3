import { parseDateAnswer } from '../../src/recert/parseDate';
import { warmUpRecognizers } from '../../src/recert/recognizers';

// Behaviour, not timing: after the warm-up every form is still read correctly (the figures go in the report).
test('warm-up, then each form parses', () => {
  const t0 = process.hrtime.bigint();
  warmUpRecognizers();
  const t1 = process.hrtime.bigint();
  const forms = ['3 March 2025', '18 months ago', 'last June', 'Mar 3 2025'];
  const results = forms.map((f) => parseDateAnswer(f, '2026-05-15').kind);
  const t2 = process.hrtime.bigint();
  process.stdout.write(`warm-up ${(Number(t1 - t0) / 1e6).toFixed(0)} ms; 4 parses after it ${(Number(t2 - t1) / 1e6).toFixed(1)} ms\n`);
  expect(results).toEqual(['date', 'date', 'month', 'date']);
});
