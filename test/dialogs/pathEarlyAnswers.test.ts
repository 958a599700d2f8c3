// QA round: answers given one question early are kept, dates without a year or relative to another day read as
// trainers mean them, future dates re-asked with the likely expiry answer, and the trainer's numbers as said.
import type { FaqAnswerer } from '../../dialogs/interruptibleDialog';
import { pathHarness } from './pathHarness';

/** An FAQ that would answer anything: an aside kept by the path must never reach it. */
function eagerFaq(): FaqAnswerer & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async tryAnswer(context, text) {
      asked.push(text);
      await context.sendActivity('FAQ ANSWER');
      return true;
    },
  };
}

async function run(script: string[], options: Parameters<typeof pathHarness>[0] = {}) {
  const faq = eagerFaq();
  const h = pathHarness({ faq, ...options });
  const transcript: string[] = [];
  let assessment: Record<string, unknown> | undefined;
  for (const line of script) {
    const replies = await h.say(line);
    transcript.push(replies.map((a) => a.text ?? '').join('\n---\n'));
    assessment = replies.map((a) => a.channelData?.assessment).find(Boolean) ?? assessment;
  }
  // The result card's assessment (a lapsed one ends the dialog only after the offer of a person).
  return { h, faq, transcript, result: { ...h.results[h.results.length - 1], assessment } };
}

describe('an answer to a later question, given early, is kept and not asked again', () => {
  test.each([
    [
      'date prompt: exam and CECs',
      ['check my status', 'online exam, I have 1.5 CECs'],
      /Got it: the online exam and 1\.5 CECs\.[\s\S]*When were you certified/,
      ['March 3, 2025', 'yes'],
      { certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 1.5 },
    ],
    [
      'date prompt: the exam alone',
      ['check my status', 'I did it at a testing center'],
      /Got it: the testing-center \(NCCA\) exam\.[\s\S]*When were you certified/,
      ['March 3, 2025', '1', 'yes'],
      { earnedVia: 'testing-center-exam', cecsEarned: 1 },
    ],
    [
      'date prompt: CECs alone',
      ['check my status', 'I have 2 credits so far'],
      /Got it: 2 CECs\.[\s\S]*When were you certified/,
      ['March 3, 2025', 'online', 'yes'],
      { earnedVia: 'online-exam', cecsEarned: 2 },
    ],
    [
      'date prompt: exam with a season, the season explained',
      ['check my status', 'online exam, sometime in spring 2025'],
      /Got it: the online exam\. I need at least the month and the year[\s\S]*When were you certified/,
      ['April 10 2025', '0', 'yes'],
      { certifiedOn: '2025-04-10', earnedVia: 'online-exam', cecsEarned: 0 },
    ],
    [
      'day prompt: exam and CECs',
      ['check my status', 'March 2025', 'online and I have 1 CEC'],
      /Got it: the online exam and 1 CEC\.[\s\S]*Which day in March 2025/,
      ['3', 'yes'],
      { certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 1 },
    ],
    [
      'exam prompt: CECs',
      ['check my status', 'March 3, 2025', "I've got 0.5 CECs"],
      /Got it: 0\.5 CECs\.[\s\S]*Which exam did you pass/,
      ['online', 'yes'],
      { earnedVia: 'online-exam', cecsEarned: 0.5 },
    ],
    [
      'exam prompt: a corrected date',
      ['check my status', 'March 3, 2025', 'oh wait, I was certified on March 5 2025'],
      /Changed the certification date to March 5, 2025\.[\s\S]*Which exam did you pass/,
      ['online', '1', 'yes'],
      { certifiedOn: '2025-03-05' },
    ],
    [
      'CEC prompt: a corrected exam',
      ['check my status', 'March 3, 2025', 'online', 'actually it was the testing center exam'],
      /Changed the exam to the testing-center \(NCCA\) exam\.[\s\S]*How many CECs/,
      ['1', 'yes'],
      { earnedVia: 'testing-center-exam', paths: ['cec'] },
    ],
  ])('%s', async (_name, first, reply, rest, expected) => {
    const { faq, transcript, result } = await run([...first, ...rest]);
    expect(transcript[first.length - 1]).toMatch(reply);
    expect(transcript.join('\n')).not.toMatch(/FAQ ANSWER/);
    expect(faq.asked).toEqual([]);
    // Never asked again for what was kept.
    const afterAside = transcript.slice(first.length).join('\n');
    if ('earnedVia' in expected && /exam/.test(first[first.length - 1]) && !/Which exam/.test(first.join(' '))) expect(afterAside).not.toMatch(/Which exam did you pass/);
    expect(result.assessment).toMatchObject(expected);
  });

  test('a CEC class taken online is not read as the online exam at the CEC prompt', async () => {
    const h = pathHarness();
    for (const line of ['check my status', 'March 3, 2025', 'the testing center one']) await h.say(line);
    const reply = await h.sayText('I did an online class');
    expect(reply).toMatch(/couldn't read a number of CECs/);
    expect(reply).not.toMatch(/Updated/);
  });

  test('a plain question at the date prompt still gets the FAQ answer', async () => {
    const { faq, transcript } = await run(['check my status', 'what is the access code?']);
    expect(faq.asked).toEqual(['what is the access code?']);
    expect(transcript[1]).toMatch(/FAQ ANSWER[\s\S]*When were you certified/);
  });
});

describe('dates as trainers say them', () => {
  test.each([
    ['"last June" in November is this year\'s June', '2025-11-10T12:00:00Z', ['last June'], /Which day in June 2025/, ['12'], '2025-06-12'],
    ['"June" said in June, a day still ahead: last year\'s', '2026-06-10T12:00:00Z', ['June'], /Which day in June/, ['the 20th'], '2025-06-20'],
    ['"June" said in June, a day already passed: this year\'s', '2026-06-10T12:00:00Z', ['in June'], /Which day in June/, ['3'], '2026-06-03'],
    ['"November 20" said on November 10: last year\'s', '2025-11-10T12:00:00Z', ['November 20'], /Which exam/, [], '2024-11-20'],
    ['"two years ago yesterday"', '2025-11-10T12:00:00Z', ['two years ago yesterday'], /Which exam/, [], '2023-11-09'],
    ['"2 years ago today"', '2025-11-10T12:00:00Z', ['2 years ago today'], /Which exam/, [], '2023-11-10'],
    ["\"June '24\": a two-digit year", '2025-11-10T12:00:00Z', ["June '24"], /Which day in June 2024/, ['5'], '2024-06-05'],
  ])('%s', async (_name, now, first, reply, rest, certifiedOn) => {
    const { transcript, result } = await run(['check my status', ...first, ...rest, 'online', '1', 'yes'], { now: new Date(now) });
    expect(transcript[first.length]).toMatch(reply);
    expect(result.assessment?.certifiedOn).toBe(certifiedOn);
  });

  test.each([
    ['a full date, the button', 'June 3, 2026', 'It expires on June 3, 2026', /Expiring June 3, 2026 means you were certified on June 3, 2024/, '2024-06-03'],
    ['a full date, "yes"', 'June 3, 2026', 'yes', /Expiring June 3, 2026 means you were certified on June 3, 2024/, '2024-06-03'],
    ['a full date, "that\'s when it expires"', 'June 3, 2026', "oh sorry, that's when it expires", /Expiring June 3, 2026 means/, '2024-06-03'],
    ['a full date in the opener', 'I was certified on June 3 2026', "yeah that's my expiry date", /Expiring June 3, 2026 means/, '2024-06-03'],
    ['a month, the button', 'August 2026', 'It expires in August 2026', /Which day in August 2026 does it expire/, undefined],
    ['a day still ahead in a month', 'May 2026', '20', /May 20, 2026 is still ahead[\s\S]*just say so/, undefined],
  ])('a future certification date (%s) is re-asked with the expiry as a one-tap answer', async (_name, said, answer, next, certifiedOn) => {
    const h = pathHarness({ channelId: 'webchat' });
    if (said.startsWith('I was')) await h.say(said);
    else {
      await h.say('check my status');
      const [reply] = await h.say(said);
      if (!/^May/.test(said)) {
        expect(reply.text).toMatch(/is still ahead, so it can't be when you were certified\. If that's when your certification expires, just say so\.[\s\S]*When were you certified/);
        expect(reply.suggestedActions?.actions.map((a) => a.title)).toEqual([answer === 'It expires in August 2026' ? answer : 'It expires on June 3, 2026']);
      }
    }
    const [next1] = await h.say(answer);
    expect(next1.text).toMatch(next);
    if (certifiedOn) {
      for (const a of ['online', '1', 'yes']) await h.say(a);
      expect(h.results[0].assessment?.certifiedOn).toBe(certifiedOn);
    }
  });

  test.each(["no, that's when I was certified", 'banana'])('after a future date, "%s" is not read as the expiry', async (answer) => {
    const h = pathHarness({ channelId: 'webchat' });
    await h.say('check my status');
    await h.say('June 3, 2026');
    expect(await h.sayText(answer)).toMatch(/couldn't read a date[\s\S]*When were you certified/);
  });

  test('a future date too far ahead to be an expiry gets no expiry button', async () => {
    const h = pathHarness();
    await h.say('check my status');
    const [reply] = await h.say('June 3, 2029');
    expect(reply.text).toMatch(/still ahead/);
    expect(reply.text).not.toMatch(/just say so|It expires on/);
    expect(reply.suggestedActions).toBeUndefined();
  });

  test.each(['spring 2024', 'mid 2025', 'late 2024'])('"%s" asks for the month, saying why', async (said) => {
    const h = pathHarness();
    await h.say('check my status');
    expect(await h.sayText(said)).toMatch(/at least the month and the year[\s\S]*too rough[\s\S]*When were you certified/);
  });
});

describe("the trainer's CEC count as said", () => {
  test.each([
    ['0', 'none', /CECs earned: 0\n/, /CECs earned: 0 of 2\.0/],
    ['1.5', '1.5', /CECs earned: 1\.5\n/, /CECs earned: 1\.5 of 2\.0[\s\S]*you have 1\.5, so 0\.5 still needed/],
    ['2', '2', /CECs earned: 2\n/, /CECs earned: 2 of 2\.0[\s\S]*Your 2 CECs cover the 2\.0 needed/],
  ])('%s CECs', async (_name, cecs, summary, result) => {
    const { transcript } = await run(['check my status', 'March 3, 2025', 'online', cecs, 'yes']);
    expect(transcript[3]).toMatch(summary);
    expect(transcript[4]).toMatch(result);
    expect(transcript.join('\n')).not.toMatch(/\b\d\.0 of|: 0\.0|: 1\.0|: 2\.0\n/);
  });

  test('the exam route is worded from the article, not ranked by us', async () => {
    const { transcript } = await run(['check my status', 'March 3, 2025', 'online', '1', 'yes']);
    expect(transcript[4]).toMatch(/Route 1: recertify by exam \(a big saving in time and money\)/);
    expect(transcript[4]).not.toMatch(/recommended/i);
  });
});

describe('hedged and pronoun answers', () => {
  test.each([
    ['probably none', 0],
    ['maybe 1.5', 1.5],
    ['I think 2', 2],
    ['hmm, probably about 1', 1],
  ])('CEC prompt: "%s" → %s', async (said, cecs) => {
    const { result } = await run(['check my status', 'March 3, 2025', 'online', said, 'yes']);
    expect(result.assessment?.cecsEarned).toBe(cecs);
  });

  test('exam prompt: a question about the exams is not taken as an answer; "the online one" afterwards is the exam, not 1 CEC', async () => {
    const h = pathHarness();
    for (const line of ['check my status', 'March 3, 2025']) await h.say(line);
    expect(await h.sayText('not sure, which one gives a certificate?')).toMatch(/took? online and gave a certificate|taken online and gave a certificate[\s\S]*Which exam/);
    expect(await h.sayText('then the online one')).toMatch(/How many CECs/);
    expect(await h.sayText('the online one')).toMatch(/couldn't read a number of CECs/);
  });
});

describe('exam prompt: both exams', () => {
  test.each([
    ['online first and then the testing center one', /How many CECs/, 'testing-center-exam'],
    ['I did both actually, online first and then the testing center one', /How many CECs/, 'testing-center-exam'],
    ['both', /choose the exam your current certification came from/, undefined],
    ['not sure', /choose "Online exam"/, undefined],
  ])('"%s"', async (said, reply, earnedVia) => {
    const { faq, transcript, result } = await run(['check my status', 'May 5 2024', said, ...(earnedVia ? ['1', 'yes'] : [])]);
    expect(transcript[2]).toMatch(reply);
    expect(faq.asked).toEqual([]); // the prompt's own explanation, not an FAQ answer
    if (earnedVia) expect(result.assessment?.earnedVia).toBe(earnedVia);
  });
});

test.each(['May 5 2024', 'may 2025', 'May 3rd'])('"%s" at the date prompt is a date, not a question for the FAQ', async (said) => {
  const { faq, transcript } = await run(['check my status', said]);
  expect(faq.asked).toEqual([]);
  expect(transcript[1]).toMatch(/Which (exam|day)/);
});
