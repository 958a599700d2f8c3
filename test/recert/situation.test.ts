import { describesOwnSituation } from '../../src/recert/situation';

const today = '2026-05-15';

describe('describesOwnSituation', () => {
  it.each([
    ['I was certified on June 20 2024 through the NCCA exam, what do I need to do?', true],
    ['I got my certification in March 2025 and have 1 CEC', true],
    ['my certification expires on June 3, 2027 - what are my options?', true],
    ['How many CECs do I need?', false],
    ['I passed the online exam, can I recertify by exam?', false],
    ['how often do I need to renew my certification', false],
    ['My certification lapsed two months ago, what do I do?', false],
    ['my cert expired on Jan 10 2026', false],
    ['is 2.0 CECs the requirement?', false],
  ])('%s → %s', (text, expected) => {
    expect(describesOwnSituation(text, today)).toBe(expected);
  });
});
