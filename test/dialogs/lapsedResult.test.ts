// A lapsed (expired) certification: the article's 2.0 CECs and routes are for recertifying within the two-year
// window and it says nothing about what a lapsed trainer must do, so the result states no requirement, no "still
// needed" and no route — it says plainly that the article does not cover it and offers a person.
import { assess } from '../../src/recert/rules';
import { resultContent, resultText, wordingFor } from '../../dialogs/pathResult';
import { pathHarness } from './pathHarness';

const today = '2026-05-15';
const allLinks = { PORTAL_URL: 'https://portal.example/cec', GUIDE_URL: 'https://help.example/guide.pdf', UPLOAD_URL: 'https://upload.example/' };

/** Requirements the article gives only for recertifying in time. */
const REQUIREMENT = /still needed|2\.0|of 2|Route( \d)?:|application|access code|portal|upload|every two to three months|recertify by/i;

describe('lapsed result content', () => {
  it.each([
    ['no CECs', 0],
    ['some CECs', 1.5],
    ['enough CECs for an active certification', 2],
  ])('%s: says the article does not cover it, states no requirement', (_name, cecsEarned) => {
    const a = assess({ certifiedOn: '2024-01-01', earnedVia: 'online-exam', cecsEarned, today });
    expect(a.status).toBe('expired');
    const text = resultText(resultContent(a, allLinks, today));
    expect(text).toMatch(/^Your certification expired on January 1, 2026\./);
    expect(text).toMatch(/doesn't cover lapsed certifications/);
    expect(text).toMatch(/person from our support team can help/);
    expect(text).toMatch(new RegExp(`CECs earned: ${cecsEarned}\\n`));
    expect(text).not.toMatch(REQUIREMENT);
    expect(text).not.toMatch(/https?:/);
  });

  it('someone else\'s lapsed certification reads in the third person', () => {
    const a = assess({ certifiedOn: '2024-01-01', earnedVia: 'testing-center-exam', cecsEarned: 1, today });
    const text = resultText(resultContent(a, {}, today, wordingFor(true)));
    expect(text).toMatch(/^Their certification expired on/);
    expect(text).toMatch(/what they need to do once a certification has expired/);
    expect(text).not.toMatch(/\byou\b|\byour\b/i);
  });

  it('an active certification still shows what is needed (the change is for lapsed ones only)', () => {
    const a = assess({ certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 0.5, today });
    expect(resultText(resultContent(a, {}, today))).toMatch(/CECs still needed: 1\.5/);
  });
});

describe('lapsed result in a real conversation', () => {
  it.each([
    ['test', /CECs earned: 1\n/],
    // card channels: the card's fallback text and body carry the same lines
    ['webchat', /"CECs earned"/],
  ])('%s channel: no "CECs still needed", the assessment unchanged, then a person is offered', async (channelId, earned) => {
    const h = pathHarness({ channelId });
    for (const t of ['check my status', 'March 1 2024', 'online', '1']) await h.say(t);
    const replies = await h.say('yes');
    const shown = JSON.stringify(replies[0].attachments ?? []) + (replies[0].text ?? '');
    expect(replies[0].channelData.assessment).toMatchObject({ status: 'expired', cecsEarned: 1, paths: [] });
    expect(shown).toMatch(/doesn't cover lapsed certifications/);
    expect(shown).toMatch(earned);
    expect(shown).not.toMatch(/still needed|of 2\.0/);
    expect(replies[replies.length - 1].text).toMatch(/connect you with a person/);
  });
});
