// Answers as trainers give them, beyond the one-fact-per-prompt case (found with test/eval/paths-*.json):
// facts said together, buttons picked by place, hours instead of CECs, more ways to say yes. Today = May 15, 2026.
import { pathHarness } from './pathHarness';

async function run(script: string[]) {
  const h = pathHarness();
  const transcript: string[] = [];
  for (const line of script) transcript.push(await h.sayText(line));
  return { transcript, result: h.results[h.results.length - 1] };
}

describe('facts said with the date are kept, not asked again', () => {
  test.each([
    ['March 3 2025, online exam', ['1.5'], { certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 1.5 }],
    ['I passed the online exam on May 20, 2024', ['1'], { certifiedOn: '2024-05-20', earnedVia: 'online-exam', cecsEarned: 1 }],
    ['certified 2025-01-10 at a testing center, 2 CECs so far', [], { certifiedOn: '2025-01-10', earnedVia: 'testing-center-exam', cecsEarned: 2 }],
    ['March 2025, the proctored one', ['the 3rd', '1'], { certifiedOn: '2025-03-03', earnedVia: 'testing-center-exam', cecsEarned: 1 }],
  ])('%s', async (dateAnswer, rest, expected) => {
    const { result } = await run(['check my status', dateAnswer, ...rest, 'yes']);
    expect(result.assessment).toMatchObject(expected);
  });

  test('"my certificate" with a date is not taken for the online exam: the exam is still asked', async () => {
    const h = pathHarness();
    await h.say('check my status');
    expect(await h.sayText('I got my certificate on March 3 2025')).toMatch(/Which exam/);
  });

  test('CECs said with the exam answer', async () => {
    const { result } = await run(['check my status', 'March 3 2025', 'testing center, and I have 2 CECs', 'yes']);
    expect(result.assessment).toMatchObject({ earnedVia: 'testing-center-exam', cecsEarned: 2, cecsNeeded: 0 });
  });

  test('"online classes" at the CEC prompt is not an exam answer', async () => {
    const { result } = await run(['check my status', 'March 3 2025', 'testing center', '2 online classes, so 1 CEC', 'yes']);
    expect(result.assessment).toMatchObject({ earnedVia: 'testing-center-exam' });
  });
});

describe('buttons picked by their place', () => {
  test.each([
    ['the first one', 'online-exam'],
    ['the second one', 'testing-center-exam'],
    ['option 1', 'online-exam'],
    ['2nd', 'testing-center-exam'],
    ['#2', 'testing-center-exam'],
  ])('%s → %s', async (answer, earnedVia) => {
    const { result } = await run(['check my status', 'March 3 2025', answer, '1', 'yes']);
    expect(result.assessment?.earnedVia).toBe(earnedVia);
  });
});

describe('CECs', () => {
  test('hours are refused with the reason, then the CEC number is taken', async () => {
    const h = pathHarness();
    for (const line of ['check my status', 'March 3 2025', 'online']) await h.say(line);
    const hours = await h.sayText('15 hours');
    expect(hours).toMatch(/number of CECs rather than hours[\s\S]*How many CECs/);
    expect(hours).not.toMatch(/portal|certificates? show/); // the article says neither where CEC values are shown
    await h.say('1.5');
    await h.say('yes');
    expect(h.results[0].assessment).toMatchObject({ cecsEarned: 1.5, cecsNeeded: 0.5 });
  });

  test.each([['nope, none'], ['no - zero'], ['nah, none yet']])('%s → 0', async (answer) => {
    const { result } = await run(['check my status', 'March 3 2025', 'online', answer, 'yes']);
    expect(result.assessment?.cecsEarned).toBe(0);
  });
});

describe('confirmation', () => {
  test.each([['all correct'], ['👍'], ['Yes!'], ['looks good'], ["that's correct"], ['it is correct'], ['sounds good'], ['1']])('%s confirms', async (answer) => {
    const { result } = await run(['check my status', 'March 3 2025', 'online', '1.5', answer]);
    expect(result.assessment).toMatchObject({ certifiedOn: '2025-03-03', cecsEarned: 1.5 });
  });

  test('"ok, but the date is wrong" is a correction', async () => {
    const { transcript, result } = await run(['check my status', 'March 3 2025', 'online', '1.5', 'ok, but the date is wrong']);
    expect(result).toBeUndefined();
    expect(transcript[transcript.length - 1]).toMatch(/When were you certified/);
  });
});

describe('relative years the recognizer misreads (today = May 15, 2026)', () => {
  test.each([
    ['the 3rd of March last year', '2025-03-03'],
    ['March 3 this year', '2026-03-03'],
  ])('%s → %s', async (said, certifiedOn) => {
    const { result } = await run(['check my status', said, 'online', '1', 'yes']);
    expect(result.assessment?.certifiedOn).toBe(certifiedOn);
  });

  test.each([
    ['last March', 'March 2026'], // the most recent March, not last year's
    ['last June', 'June 2025'], // this year's June is still to come
  ])('%s → asks the day in %s', async (said, month) => {
    const h = pathHarness();
    await h.say('check my status');
    expect(await h.sayText(said)).toMatch(new RegExp(`Which day in ${month}`));
  });
});
