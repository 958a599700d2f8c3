import { assessmentSchema } from '../../src/recert/assessment';
import type { FaqAnswerer } from '../../dialogs/interruptibleDialog';
import { pathHarness } from './pathHarness';

/** A conversation: what the trainer types, in order; the last reply must carry the assessment. */
async function run(script: string[], options: Parameters<typeof pathHarness>[0] = {}) {
  const h = pathHarness(options);
  const transcript: string[] = [];
  for (const line of script) transcript.push(await h.sayText(line));
  return { h, transcript, result: h.results[h.results.length - 1] };
}

describe('routes and statuses (today = May 15, 2026)', () => {
  test.each([
    ['online, active', ['check my status', 'March 3, 2025', 'online', '1.5', 'yes'], { certifiedOn: '2025-03-03', expiresOn: '2027-03-03', status: 'active', cecsNeeded: 0.5, paths: ['exam', 'cec'] }, /March 3, 2027[\s\S]*Route 1: recertify by exam \(a big saving in time and money\)[\s\S]*Route 2: recertify by CECs/],
    ['online, due soon', ['what do I need to do to recertify?', 'June 20, 2024', 'the online one', 'none', 'yes'], { expiresOn: '2026-06-20', status: 'due-soon', cecsNeeded: 2, paths: ['exam', 'cec'] }, /due soon: it expires in 36 days/],
    ['testing center, active', ['check my status', '2025-01-10', 'I took it at a testing center', '2 CECs', 'yes'], { expiresOn: '2027-01-10', status: 'active', cecsNeeded: 0, paths: ['cec'] }, /NCCA guidelines don't allow recertifying by taking the same exam twice/],
    ['testing center, due soon', ['check my status', 'July 1 2024', 'the proctored one', 'one and a half', 'yes'], { expiresOn: '2026-07-01', status: 'due-soon', cecsNeeded: 0.5, paths: ['cec'] }, /Route: recertify by CECs/],
  ] as const)('%s', async (_name, script, expected, text) => {
    const { result, transcript } = await run([...script]);
    expect(result.assessment).toMatchObject(expected);
    expect(assessmentSchema.parse(result.assessment)).toEqual(result.assessment);
    expect(transcript[transcript.length - 1]).toMatch(text);
    expect(result.handoffRequested).toBeUndefined();
  });

  test('lapsed: says the article does not cover it, offers a person, no route', async () => {
    const h = pathHarness();
    await h.say('check my status');
    await h.say('March 1 2024');
    await h.say('online');
    await h.say('1');
    const replies = await h.say('yes');
    expect(replies[0].channelData.assessment).toMatchObject({ status: 'expired', expiresOn: '2026-03-01', paths: [] });
    expect(replies[0].text).toMatch(/expired on March 1, 2026[\s\S]*doesn't cover lapsed certifications/);
    expect(replies[0].text).not.toMatch(/Route/);
    expect(replies[1].text).toMatch(/connect you with a person/);
    expect(h.results).toHaveLength(0);
    await h.say('yes');
    expect(h.results[0]).toMatchObject({ handoffRequested: true, assessment: { status: 'expired' }, answers: { certifiedOn: '2024-03-01' } });
  });

  test('lapsed, declining the person ends without a hand-off', async () => {
    const { result } = await run(['check my status', 'March 1 2024', 'online', '1', 'yes', 'no']);
    expect(result).toMatchObject({ handoffRequested: false, assessment: { status: 'expired' } });
  });
});

describe('every date form', () => {
  test.each([
    ['March 3, 2025', '2025-03-03'],
    ['3 March 2025', '2025-03-03'],
    ['2025-03-03', '2025-03-03'],
    ['03/03/2025', '2025-03-03'],
    ['the 3rd of March 2025', '2025-03-03'],
    ['Mar 3 2025', '2025-03-03'],
    ['18 months ago', '2024-11-15'],
    ['it expires on June 3, 2027', '2025-06-03'],
    ['March 3', '2026-03-03'],
  ])('%s → certified %s', async (said, certifiedOn) => {
    const { result } = await run(['check my status', said, 'online', '1', 'yes']);
    expect(result.assessment?.certifiedOn).toBe(certifiedOn);
  });

  test('an expiry date is explained as the certification date two years earlier', async () => {
    const h = pathHarness();
    await h.say('check my status');
    expect(await h.sayText('it expires on June 3, 2027')).toMatch(/Expiring June 3, 2027 means you were certified on June 3, 2025/);
  });

  test.each([
    ['en-GB', '04/05/2025', '2025-05-04'],
    ['en-US', '04/05/2025', '2025-04-05'],
  ])('locale %s reads %s as %s', async (locale, said, certifiedOn) => {
    const { result } = await run(['check my status', said, 'online', '1', 'yes'], { locale });
    expect(result.assessment?.certifiedOn).toBe(certifiedOn);
  });

  test.each([
    ['last June', '12', '2025-06-12', /Which day in June 2025/],
    ['March 2025', 'the 3rd', '2025-03-03', /Which day in March 2025/],
  ])('a month without a day (%s) asks for the day', async (said, day, certifiedOn, question) => {
    const h = pathHarness();
    await h.say('check my status');
    expect(await h.sayText(said)).toMatch(question);
    await h.say(day);
    await h.say('online');
    await h.say('1');
    await h.say('yes');
    expect(h.results[0].assessment?.certifiedOn).toBe(certifiedOn);
  });

  test("a trainer who doesn't know the day gets the 1st, and is told so", async () => {
    const h = pathHarness();
    await h.say('check my status');
    await h.say('March 2025');
    expect(await h.sayText("I don't know")).toMatch(/I'll use March 1, 2025, the first of the month/);
  });

  test('today follows the activity time zone', async () => {
    // 2026-05-15T12:00Z is already May 16 in Kiritimati (UTC+14): a date "1 day ago" is May 15.
    const { result } = await run(['check my status', 'yesterday', 'online', '1', 'yes'], { localTimezone: 'Pacific/Kiritimati' });
    expect(result.assessment?.certifiedOn).toBe('2026-05-15');
  });
});

describe('re-prompts say why', () => {
  test.each([
    ['date', ['check my status'], 'banana', /couldn't read a date[\s\S]*March 3, 2025[\s\S]*When were you certified/],
    ['date', ['check my status'], 'June 3, 2026', /June 3, 2026 is still ahead, so it can't be when you were certified. If that's when your certification expires, just say so[\s\S]*When were you certified/],
    ['date', ['check my status'], 'March 3, 2012', /more than 10 years ago/],
    ['date', ['check my status'], 'it expires on June 3, 2029', /can't expire more than two years from today/],
    ['date', ['check my status'], '2025', /at least the month and the year/],
    ['day', ['check my status', 'March 2025'], '42', /March 2025 doesn't have that day/],
    ['exam', ['check my status', 'March 3 2025'], 'not sure', /choose "Online exam"[\s\S]*Which exam/],
    ['exam', ['check my status', 'March 3 2025'], 'banana', /choose one of the two exams/],
    ['exam', ['check my status', 'March 3 2025'], 'both actually', /choose the exam your current certification came from/],
    ['cecs', ['check my status', 'March 3 2025', 'online'], 'maybe 3 or 4', /more than one number[\s\S]*best estimate/],
    ['cecs', ['check my status', 'March 3 2025', 'online'], '-1', /can't be negative[\s\S]*How many CECs/],
    ['cecs', ['check my status', 'March 3 2025', 'online'], '75', /more than 50 CECs/],
    ['cecs', ['check my status', 'March 3 2025', 'online'], 'lots', /couldn't read a number/],
    ['confirm', ['check my status', 'March 3 2025', 'online', '1'], 'banana', /say yes, or tell me what to change/],
  ])('%s prompt: %s', async (_prompt, before, answer, reply) => {
    const h = pathHarness();
    for (const line of before) await h.say(line);
    expect(await h.sayText(answer)).toMatch(reply);
    expect(h.results).toHaveLength(0);
  });

  test('100 KB at the date prompt is answered with a re-prompt (the text is capped before recognition)', async () => {
    const h = pathHarness();
    await h.say('check my status');
    const started = process.hrtime.bigint();
    const reply = await h.sayText('x'.repeat(100_000));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`100 KB at the date prompt answered in ${ms.toFixed(1)} ms\n`);
    expect(reply).toMatch(/couldn't read a date/);
    expect(await h.sayText('March 3 2025')).toMatch(/Which exam/);
  });
});

describe('prefill from the utterance and one question at a time', () => {
  test('all three facts in one sentence go straight to the confirmation', async () => {
    const h = pathHarness();
    const reply = await h.sayText('I was certified on March 3 2025 through the online exam and have 1.5 CECs');
    expect(reply).toMatch(/Certified on: March 3, 2025[\s\S]*the online exam[\s\S]*CECs earned: 1.5[\s\S]*Is that right/);
    await h.say('yes');
    expect(h.results[0].assessment).toMatchObject({ certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 1.5 });
  });

  test('only the missing fact is asked', async () => {
    const h = pathHarness();
    expect(await h.sayText('I took the NCCA exam at a testing center on March 3 2025')).toMatch(/How many CECs have you earned/);
  });

  test('"when does my certification expire" opens with the two-year rule', async () => {
    const h = pathHarness();
    expect(await h.sayText('when does my certification expire?')).toMatch(/^An ACTION certification runs for two years, so your expiry date is two years after you were certified\.[\s\S]*When were you certified/);
  });

  test('a future date in the utterance is refused with the reason', async () => {
    const h = pathHarness();
    expect(await h.sayText('I was certified on June 3 2026')).toMatch(/still ahead[\s\S]*When were you certified/);
  });

  test('for someone else (Teams staff): "their certification", nothing saved', async () => {
    const h = pathHarness({ forSomeoneElse: true });
    expect(await h.sayText("check a trainer's status")).toMatch(/When were they certified/);
    await h.say('March 3 2025');
    await h.say('online');
    await h.say('1');
    expect(await h.sayText('yes')).toMatch(/^Their certification expires on March 3, 2027/);
    expect(await h.savedAnswers()).toBeUndefined();
  });
});

describe('corrections without starting over', () => {
  const upToConfirm = ['check my status', 'March 3 2025', 'online', '1.5'];
  test.each([
    ['no, the date is wrong', ['March 5 2025'], { certifiedOn: '2025-03-05', earnedVia: 'online-exam', cecsEarned: 1.5 }],
    ['Change the exam', ['testing center'], { certifiedOn: '2025-03-03', earnedVia: 'testing-center-exam', cecsEarned: 1.5 }],
    ['4', ['2'], { certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 2 }], // the numbered choice "Change the CECs"
    ['no, I have 2 CECs', [], { certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 2 }],
    ['it was March 10 2025', [], { certifiedOn: '2025-03-10', earnedVia: 'online-exam', cecsEarned: 1.5 }],
    ['no', ['the exam', 'testing centre'], { certifiedOn: '2025-03-03', earnedVia: 'testing-center-exam', cecsEarned: 1.5 }],
  ])('%s', async (correction, answers, expected) => {
    const { result, transcript } = await run([...upToConfirm, correction, ...answers, 'yes']);
    expect(result.assessment).toMatchObject(expected);
    // The corrected summary is confirmed again before the result.
    expect(transcript[transcript.length - 2]).toMatch(/Is that right/);
  });
});

describe('interruptions', () => {
  const faqCalls: string[] = [];
  const faq: FaqAnswerer = {
    async tryAnswer(context, text) {
      faqCalls.push(text);
      if (/how much|fee/i.test(text)) {
        await context.sendActivity('FAQ: the article does not give fee amounts.');
        return true;
      }
      return false;
    },
  };
  beforeEach(() => (faqCalls.length = 0));

  test.each([
    ['date', ['check my status'], /I'm asking when you were certified[\s\S]*When were you certified/],
    ['exam', ['check my status', 'March 3 2025'], /The exam decides the route[\s\S]*Which exam/],
    ['cecs', ['check my status', 'March 3 2025', 'online'], /2\.0 CECs earned within the two-year window[\s\S]*How many CECs/],
  ])('help at the %s prompt explains, then asks again', async (_prompt, before, reply) => {
    const h = pathHarness({ faq });
    for (const line of before) await h.say(line);
    expect(await h.sayText('help')).toMatch(reply);
    expect(h.results).toHaveLength(0);
  });

  test.each(['cancel', 'stop', 'Stop!'])('%s ends the dialog and says so', async (word) => {
    const h = pathHarness({ faq });
    await h.say('check my status');
    await h.say('March 3 2025');
    expect(await h.sayText(word)).toMatch(/I've stopped checking your recertification/);
    expect(h.results[0]).toEqual({ answers: { certifiedOn: '2025-03-03' }, cancelled: true });
  });

  test('start over forgets the answers and asks from the beginning', async () => {
    const h = pathHarness({ faq });
    await h.say('check my status');
    await h.say('March 3 2025');
    expect(await h.sayText('start over')).toMatch(/start over[\s\S]*When were you certified/);
    await h.say('April 4 2025');
    await h.say('online');
    await h.say('0');
    await h.say('yes');
    expect(h.results[0].assessment?.certifiedOn).toBe('2025-04-04');
  });

  test.each(['talk to a person', 'can I speak to a human?', 'agent'])('"%s" leaves for the hand-off with the answers so far', async (text) => {
    const h = pathHarness({ faq });
    await h.say('check my status');
    await h.say('March 3 2025');
    await h.say('online');
    const replies = await h.say(text);
    expect(replies).toHaveLength(0); // the main dialog starts the hand-off and speaks
    expect(h.results[0]).toEqual({ answers: { certifiedOn: '2025-03-03', earnedVia: 'online-exam' }, handoffRequested: true });
  });

  test('an FAQ question is answered, then the same prompt again', async () => {
    const h = pathHarness({ faq });
    await h.say('check my status');
    await h.say('March 3 2025');
    const replies = await h.say('how much is the recertification fee?');
    expect(replies.map((r) => r.text)).toEqual(['FAQ: the article does not give fee amounts.', expect.stringMatching(/^Which exam/)]);
    await h.say('online');
    await h.say('1');
    await h.say('yes');
    expect(h.results[0].assessment?.earnedVia).toBe('online-exam');
  });

  test.each([
    [['check my status'], 'March 2025'],
    [['check my status', 'March 3 2025'], 'online'],
    [['check my status', 'March 3 2025', 'online'], '2'],
    [['check my status', 'March 3 2025', 'online', '1'], 'no'],
  ])('a valid answer (%j then %s) never goes to the FAQ', async (before, answer) => {
    const h = pathHarness({ faq });
    for (const line of before) await h.say(line);
    faqCalls.length = 0;
    await h.say(answer);
    expect(faqCalls).toEqual([]);
  });

  test('an unreadable answer the FAQ cannot answer gets the prompt\'s own re-prompt', async () => {
    const h = pathHarness({ faq });
    await h.say('check my status');
    expect(await h.sayText('purple')).toMatch(/couldn't read a date/);
    expect(faqCalls).toEqual(['purple']);
  });
});

describe('saved answers', () => {
  test('a later check offers to reuse them; yes goes straight to the result', async () => {
    const h = pathHarness();
    for (const line of ['check my status', 'March 3 2025', 'online', '1.5', 'yes']) await h.say(line);
    expect(await h.savedAnswers()).toEqual({ certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 1.5 });
    expect(await h.sayText('check my status')).toMatch(/Use the answers you gave last time \(certified March 3, 2025, the online exam, 1.5 CECs\)\?/);
    const replies = await h.say('yes');
    expect(replies[0].channelData.assessment).toMatchObject({ certifiedOn: '2025-03-03', cecsNeeded: 0.5 });
    expect(h.results).toHaveLength(2);
  });

  test('no asks afresh', async () => {
    const h = pathHarness();
    for (const line of ['check my status', 'March 3 2025', 'online', '1.5', 'yes', 'check my status']) await h.say(line);
    expect(await h.sayText('no')).toMatch(/When were you certified/);
  });

  test('an update to one answer keeps the others and confirms', async () => {
    const h = pathHarness();
    for (const line of ['check my status', 'March 3 2025', 'online', '1.5', 'yes', 'check my status']) await h.say(line);
    expect(await h.sayText('no, I have 2 CECs now')).toMatch(/CECs earned: 2\n[\s\S]*Is that right/);
  });
});

describe('result rendering by channel', () => {
  test('card channels get the Adaptive Card alone (its headline once); the assessment rides in channelData', async () => {
    const h = pathHarness({ channelId: 'webchat', links: { GUIDE_URL: 'https://example.org/guide' } });
    for (const line of ['check my status', 'March 3 2025', 'online', '1.5']) await h.say(line);
    const [result] = await h.say('yes');
    expect(result.text).toBeUndefined();
    expect(JSON.stringify(result.attachments?.[0].content)).toContain('"Your certification expires on March 3, 2027."');
    const card = result.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(Number((card?.content as { version: string }).version)).toBeLessThanOrEqual(1.5);
    expect(JSON.stringify(card?.content)).toContain('https://example.org/guide');
    expect(result.channelData.assessment.paths).toEqual(['exam', 'cec']);
  });

  test('plain-text channels get the whole result as text, links only when configured', async () => {
    const h = pathHarness({ channelId: 'console' });
    for (const line of ['check my status', 'March 3 2025', 'online', '1.5']) await h.say(line);
    const [result] = await h.say('yes');
    expect(result.attachments).toBeUndefined();
    expect(result.text).toMatch(/access code "recertification"/);
    expect(result.text).not.toMatch(/https?:/);
    expect(result.channelData.assessment.expiresOn).toBe('2027-03-03');
  });
});

describe('asking again', () => {
  test('a re-asked question drops the one-off lead-in', async () => {
    const h = pathHarness();
    expect(await h.sayText('check my status')).toMatch(/I'll work out your recertification route[\s\S]*When were you certified/);
    const again = await h.sayText('banana');
    expect(again).toMatch(/When were you certified/);
    expect(again).not.toMatch(/I'll work out/);
  });
});
