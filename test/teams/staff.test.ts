import { isStaffContext, pathOptionsFor, wantsSomeoneElse } from '../../src/channels/teams/staff';
import { teamsMessage } from './activities';

describe('asking about someone else', () => {
  test.each([
    ["check a trainer's recertification", true],
    ['check a trainers recertification status', true],
    ["what is the trainer's expiry date", true],
    ['work out the recertification path for a trainer', true],
    ['check this trainer', true],
    ['I need to check someone else’s status', true],
    ['recertification on behalf of a colleague', true],
    ['when does their certification expire', true],
    ["check Maria's recertification", true],
    ['check my recertification', false],
    ["I'm a trainer, check my status", false],
    ["what's my recertification status", false],
    ['how do I recertify?', false],
    ["it's certification time again", false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(wantsSomeoneElse(text)).toBe(expected);
  });
});

describe('staff context', () => {
  test.each([
    ['Teams personal chat', teamsMessage('personal', 'x'), true],
    ['Teams channel', teamsMessage('channel', 'x'), true],
    ['web chat', { ...teamsMessage('personal', 'x'), channelId: 'directline' }, false],
  ])('%s', (_name, activity, expected) => {
    expect(isStaffContext(activity)).toBe(expected);
  });

  test('path options: for someone else only for staff asking so', () => {
    const text = "check a trainer's recertification";
    expect(pathOptionsFor(teamsMessage('personal', text))).toEqual({ utterance: text, forSomeoneElse: true });
    expect(pathOptionsFor({ ...teamsMessage('personal', text), channelId: 'webchat' }).forSomeoneElse).toBe(false);
    expect(pathOptionsFor(teamsMessage('personal', 'check my recertification')).forSomeoneElse).toBe(false);
  });
});
