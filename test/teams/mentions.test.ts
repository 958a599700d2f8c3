import { TurnContext, type Activity } from 'botbuilder';
import { isBotMentioned, removeBotMentions, textWithoutBotMentions } from '../../src/channels/teams/mentions';
import { mentionRequired, teamsScope } from '../../src/channels/teams/scope';
import { BOT, mention, teamsMessage } from './activities';

const other = { id: '29:someone-else', name: 'Pat Trainer' };

describe('removing mentions of the bot', () => {
  test.each([
    ['one mention at the start', '<at>ACTION Help Desk</at> how do I recertify?', 1, 'how do I recertify?'],
    ['two mentions', '<at>ACTION Help Desk</at> how do I recertify? <at>ACTION Help Desk</at>', 2, 'how do I recertify?'],
    ['mention in the middle', 'hey <at>ACTION Help Desk</at>, how do I recertify', 1, 'hey , how do I recertify'],
    ['only a mention', '<at>ACTION Help Desk</at>', 1, ''],
    ['no mention entity: text untouched', 'how do I recertify?', 0, 'how do I recertify?'],
  ])('%s', (_name, text, mentions, expected) => {
    const activity = teamsMessage('channel', text, { mentions });
    expect(removeBotMentions(activity)).toBe(expected);
    expect(activity.text).toBe(expected);
    expect(isBotMentioned(activity)).toBe(false); // the bot's entities are gone too
  });

  test('botbuilder alone leaves the second mention (why this module exists)', () => {
    const activity = teamsMessage('channel', '<at>ACTION Help Desk</at> fees <at>ACTION Help Desk</at>', { mentions: 2 });
    expect(TurnContext.removeRecipientMention(activity as Activity)).toBe('fees <at>ACTION Help Desk</at>');
  });

  test("other people's mentions stay", () => {
    const activity = teamsMessage('channel', '<at>ACTION Help Desk</at> ask <at>Pat Trainer</at> about fees', { mentions: 1 });
    activity.entities!.push(mention(other));
    expect(textWithoutBotMentions(activity)).toBe('ask <at>Pat Trainer</at> about fees');
  });

  test('a mention of someone else is not a mention of the bot', () => {
    const activity = teamsMessage('channel', '<at>Pat Trainer</at> hello');
    activity.entities!.push(mention(other));
    expect(isBotMentioned(activity)).toBe(false);
  });

  test('mention entity without text falls back to <at>name</at>', () => {
    const activity = teamsMessage('groupChat', `<at>${BOT.name}</at> fees`);
    activity.entities = [{ type: 'mention', mentioned: BOT }];
    expect(textWithoutBotMentions(activity)).toBe('fees');
  });
});

describe('Teams scope', () => {
  test.each([
    ['personal', 'personal', false],
    ['groupChat', 'groupChat', true],
    ['channel', 'channel', true],
  ] as const)('%s', (scope, expected, needsMention) => {
    const activity = teamsMessage(scope, 'hi');
    expect(teamsScope(activity)).toBe(expected);
    expect(mentionRequired(activity)).toBe(needsMention);
  });

  test('older channel payload without conversationType is still a channel', () => {
    const activity = teamsMessage('channel', 'hi');
    delete (activity.conversation as { conversationType?: string }).conversationType;
    expect(teamsScope(activity)).toBe('channel');
  });

  test('outside Teams there is no scope and no mention rule', () => {
    const activity = { ...teamsMessage('channel', 'hi'), channelId: 'directline' };
    expect(teamsScope(activity)).toBeUndefined();
    expect(mentionRequired(activity)).toBe(false);
  });
});
