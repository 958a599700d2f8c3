import { assess } from '../../src/recert/rules';
import { resultActivity, resultContent, resultText, supportsAdaptiveCards, wordingFor } from '../../dialogs/pathResult';
import { readableText } from '../../scripts/eval';

const today = '2026-05-15';
const online = assess({ certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 0.5, today });
const center = assess({ certifiedOn: '2025-03-03', earnedVia: 'testing-center-exam', cecsEarned: 2, today });
const lapsed = assess({ certifiedOn: '2024-01-01', earnedVia: 'online-exam', cecsEarned: 2, today });
const allLinks = { PORTAL_URL: 'https://portal.example/cec', GUIDE_URL: 'https://help.example/guide.pdf', UPLOAD_URL: 'https://upload.example/' };

describe('result content', () => {
  test('the exam route comes first when open, with the article\'s reasons', () => {
    const text = resultText(resultContent(online, {}, today));
    expect(text.indexOf('recertify by exam')).toBeLessThan(text.indexOf('recertify by CECs'));
    expect(text).toMatch(/big saving in time and money/);
    expect(text).toMatch(/1\.5 still needed/);
  });

  test.each([
    ['no links configured', {}, []],
    ['all links configured', allLinks, Object.values(allLinks)],
  ])('%s: URLs only from configuration', (_name, links, urls) => {
    const text = resultText(resultContent(online, links, today));
    const found = text.match(/https?:\/\/\S+/g) ?? [];
    expect(found.map((u) => u.replace(/[.,)]$/, ''))).toEqual(expect.arrayContaining(urls));
    expect(found).toHaveLength(urls.length);
  });

  test.each([
    ['2024-05-15', /^Your certification expires today, May 15, 2026\.$/],
    ['2024-06-01', /^Your certification expires on June 1, 2026\. It is due soon: recertify before then\.$/],
  ])('certified %s: the headline says when it is due', (certifiedOn, headline) => {
    const a = assess({ certifiedOn, earnedVia: 'online-exam', cecsEarned: 0, today });
    expect(resultContent(a, {}, today).headline).toMatch(headline);
  });

  test('testing-center: CEC route only, with the NCCA reason; enough CECs said so', () => {
    const text = resultText(resultContent(center, {}, today));
    expect(text).not.toMatch(/recertify by exam/);
    expect(text).toMatch(/same exam twice/);
    expect(text).toMatch(/Your 2 CECs cover the 2\.0 needed/);
  });

  test('lapsed: no route, no links, an honest "not covered"', () => {
    const content = resultContent(lapsed, allLinks, today);
    expect(content.links).toEqual([]);
    expect(resultText(content)).toMatch(/doesn't cover lapsed certifications/);
  });

  test('wording for someone else', () => {
    expect(resultText(resultContent(online, {}, today, wordingFor(true)))).toMatch(/^Their certification expires on March 3, 2027/);
  });
});

describe('resultActivity', () => {
  test.each([
    ['msteams', true],
    ['webchat', true],
    ['directline', true],
    ['emulator', true],
    ['console', false],
    ['sms', false],
    ['slack', false],
    [undefined, false],
  ])('%s: card %s', (channelId, card) => {
    expect(supportsAdaptiveCards(channelId)).toBe(card);
    const activity = resultActivity(online, {}, today, channelId);
    expect(!!activity.attachments).toBe(card);
    expect(activity.channelData.assessment).toEqual(online);
    // The headline is said once: in the card's bold first line, or at the top of the plain text.
    const said = readableText([activity]);
    expect(said.match(/Your certification expires on March 3, 2027/g)).toHaveLength(1);
    expect(said.split('\n')[0]).toBe('Your certification expires on March 3, 2027.');
    if (card) expect(activity.text).toBeUndefined();
    else expect(activity.text).toMatch(/^Your certification expires on March 3, 2027\.\n\n- Certified on/);
  });
});
