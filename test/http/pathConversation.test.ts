// A recertification path through /api/messages, as a channel drives it, down to channelData.assessment.
import type { Activity } from 'botbuilder';
import { assessmentSchema } from '../../src/recert/assessment';
import { startApp, conversation, type RunningApp } from '../support/app';
import { visibleText } from '../support/text';

let running: RunningApp;
// A fixed "today" so statuses do not drift with the calendar.
const today = new Date('2026-05-15T12:00:00Z');

beforeAll(async () => {
  running = await startApp({}, { now: () => today });
});
afterAll(() => running.close());

const assessmentOf = (replies: Partial<Activity>[]) =>
  replies.map((a) => (a.channelData as { assessment?: unknown } | undefined)?.assessment).find(Boolean);

describe('path conversation over HTTP', () => {
  it.each([
    {
      name: 'online exam, CECs short: exam route first, then CECs',
      turns: ['can you check my recertification status?', 'March 3, 2025', 'online', '1.5', 'yes'],
      expected: { certifiedOn: '2025-03-03', expiresOn: '2027-03-03', status: 'active', earnedVia: 'online-exam', cecsEarned: 1.5, cecsRequired: 2, cecsNeeded: 0.5, paths: ['exam', 'cec'] },
      says: /March 3, 2027/,
    },
    {
      name: 'testing-center exam, everything in one message, due soon',
      turns: ['I was certified on June 20 2024 through the NCCA exam at a testing center and have 2 CECs. What do I need to do?', 'yes'],
      expected: { certifiedOn: '2024-06-20', expiresOn: '2026-06-20', status: 'due-soon', earnedVia: 'testing-center-exam', cecsNeeded: 0, paths: ['cec'] },
      says: /June 20, 2026/,
    },
    {
      name: 'an expiry date instead of a certification date, lapsed',
      turns: ['check my status', 'it expired on January 10, 2026', 'the online one', 'none', 'yes'],
      expected: { certifiedOn: '2024-01-10', expiresOn: '2026-01-10', status: 'expired', cecsNeeded: 2, paths: [] },
      says: /doesn.t cover|not cover/i,
    },
  ])('$name', async ({ turns, expected, says }) => {
    const chat = conversation(running.url, undefined, { channelId: 'webchat' });
    let replies: Partial<Activity>[] = [];
    const all: Partial<Activity>[] = [];
    for (const turn of turns) {
      replies = await chat.say(turn);
      expect(replies.length).toBeGreaterThan(0);
      all.push(...replies);
    }
    const assessment = assessmentOf(all);
    expect(assessmentSchema.parse(assessment)).toMatchObject(expected);
    expect(visibleText(all)).toMatch(says);
  });

  it('re-prompts an unreadable date and says what it expects, losing nothing', async () => {
    const chat = conversation(running.url);
    await chat.say('check my status');
    const reprompt = visibleText(await chat.say('blue banana'));
    expect(reprompt).toMatch(/date/i);
    expect(reprompt).toMatch(/March 3, 2025|for example/i);
    const next = visibleText(await chat.say('2025-03-03'));
    expect(next).toMatch(/exam/i);
  });

  it('"forget me" deletes saved answers: a later status check asks again instead of offering to reuse them', async () => {
    const chat = conversation(running.url);
    for (const turn of ['check my status', 'March 3, 2025', 'online', '1.5', 'yes']) await chat.say(turn);
    expect(visibleText(await chat.say('check my status'))).toMatch(/last time|same answers|reuse/i);
    await chat.say('cancel');
    const transcripts = running.app.handoff.transcripts;
    const before = await transcripts.recent('emulator', chat.id);
    // Both sides are kept, each with its role, for the agent who may read it later.
    expect(before.some((e) => e.role === 'user' && e.text === 'March 3, 2025')).toBe(true);
    expect(before.some((e) => e.role === 'bot' && /When were you certified/.test(e.text ?? ''))).toBe(true);
    expect(visibleText(await chat.say('forget me'))).toMatch(/deleted/i);
    await new Promise((r) => setTimeout(r, 50)); // the logger writes after the turn
    // Only the "forget me" exchange itself is logged after the deletion; nothing said before it remains.
    const left = JSON.stringify(await transcripts.recent('emulator', chat.id));
    expect(left).not.toContain('March 3, 2025');
    expect(left).not.toContain('1.5');
    const fresh = visibleText(await chat.say('check my status'));
    expect(fresh).not.toMatch(/last time|same answers|reuse/i);
    expect(fresh).toMatch(/When were you certified/);
  });
});

describe('a general question that also states the trainer own date', () => {
  it('answers the question from the article, then works out their dates', async () => {
    const chat = conversation(running.url);
    const text = visibleText(await chat.say('I was certified on March 3, 2025 - how often do I need to recertify?'));
    expect(text).toMatch(/two years|2 years/i);
    expect(text).toMatch(/Which exam did you pass/);
  });
});

describe('a plain statement of the trainer own facts', () => {
  it('goes straight to the confirmation, with no article answer before it', async () => {
    const text = visibleText(await conversation(running.url).say('I was certified on March 3 2025 through the online exam and have 1.5 CECs'));
    expect(text).toMatch(/Is that right\?/);
    expect(text).not.toMatch(/From the help article/);
  });
});

describe('a personal question that starts the path', () => {
  it.each([
    ['am I eligible to recertify by exam?', [/NCCA/, /testing cent(er|re)/, /When were you certified/]],
    ['when does my certification expire?', [/two years/, /When were you certified/]],
  ])('%s → the general rule, then the first question', async (question, patterns) => {
    const text = visibleText(await conversation(running.url).say(question));
    for (const p of patterns) expect(text).toMatch(p);
  });
});

describe('"forget me" in the middle of the path', () => {
  it('deletes what was stored and leaves the path, instead of re-asking', async () => {
    const chat = conversation(running.url);
    await chat.say('check my recertification');
    expect(visibleText(await chat.say('March 3 2025'))).toMatch(/Which exam did you pass/);
    const forgotten = visibleText(await chat.say('forget me'));
    expect(forgotten).toMatch(/deleted what I had stored/);
    expect(forgotten).not.toMatch(/choose one of the two exams/);
    // the path is gone: an exam answer now is a fresh message, not the path's next step
    expect(visibleText(await chat.say('check my status'))).toMatch(/When were you certified/);
  });
});
