import { MessageFactory, TestAdapter, TurnContext, CardFactory, type Activity } from 'botbuilder';
import { channelConversationId, keepRepliesInThread, threadConversationId, threadReference } from '../../src/channels/teams/thread';
import { choicesCard, submitAction, teamsCardProblems, adaptiveCard, teamsSafeAttachment } from '../../src/channels/teams/cards';
import { ignoredInTeams, moveSuggestedActionsToCard, teamsTurnInterceptor } from '../../src/channels/teams/turnInterceptor';
import { CHANNEL, teamsMessage } from './activities';

describe('threads', () => {
  test.each([
    ['thread id kept', { id: `${CHANNEL.id};messageid=111` }, '222', undefined, `${CHANNEL.id};messageid=111`],
    ['top-level post roots its own thread', { id: CHANNEL.id }, '333', undefined, `${CHANNEL.id};messageid=333`],
    ['reply without suffix uses replyToId', { id: CHANNEL.id }, '444', '300', `${CHANNEL.id};messageid=300`],
  ])('%s', (_name, conversation, id, replyToId, expected) => {
    expect(threadConversationId({ conversation: conversation as Activity['conversation'], id, replyToId })).toBe(expected);
  });

  test('proactive reference into a thread', () => {
    const ref = threadReference({ channelId: 'msteams', conversation: { id: `${CHANNEL.id};messageid=1`, isGroup: true, conversationType: 'channel', name: '' } }, '999');
    expect(ref.conversation?.id).toBe(`${CHANNEL.id};messageid=999`);
    expect(ref.activityId).toBe('999');
    expect(channelConversationId(ref.conversation!.id)).toBe(CHANNEL.id);
  });

  test('replies of a turn whose id lacks the thread go into the thread', async () => {
    const incoming = teamsMessage('channel', 'hi', { id: '555', conversationId: CHANNEL.id }) as Activity;
    const sent: Partial<Activity>[] = [];
    const adapter = new TestAdapter(async () => undefined);
    adapter.sendActivities = async (_ctx, activities) => {
      sent.push(...activities);
      return activities.map(() => ({ id: 'x' }));
    };
    const context = new TurnContext(adapter, incoming);
    keepRepliesInThread(context);
    await context.sendActivity('answer');
    expect(sent[0].conversation?.id).toBe(`${CHANNEL.id};messageid=555`);
    expect(sent[0].replyToId).toBe('555');
  });
});

describe('Teams cards', () => {
  test('submitAction carries messageBack and plain text', () => {
    expect(submitAction('Yes, that is right', 'yes', { step: 'confirm' })).toEqual({
      type: 'Action.Submit',
      title: 'Yes, that is right',
      data: { step: 'confirm', text: 'yes', msteams: { type: 'messageBack', text: 'yes', displayText: 'Yes, that is right' } },
    });
  });

  test('our own cards have no problems', () => {
    expect(teamsCardProblems(choicesCard(['A', 'B'], 'Pick'))).toEqual([]);
    expect(choicesCard(['A']).content.version).toBe('1.5');
  });

  test.each([
    ['version 1.6', adaptiveCard([], [], '1.6'), /version 1.6/],
    ['plain submit', adaptiveCard([], [{ type: 'Action.Submit', title: 'Go', data: { text: 'go' } }]), /without msteams messageBack/],
    ['string data', adaptiveCard([], [{ type: 'Action.Submit', title: 'Go', data: 'go' }]), /without msteams messageBack|must be an object/],
    ['execute', adaptiveCard([], [{ type: 'Action.Execute', title: 'Go', verb: 'go' }]), /Action.Execute/],
    ['nested in ShowCard', adaptiveCard([], [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', actions: [{ type: 'Action.Submit', title: 'Deep' }] } }]), /"Deep"/],
    ['hero imBack', CardFactory.heroCard('t', undefined, ['Yes']), /imBack button/],
  ])('flags %s', (_name, card, pattern) => {
    const problems = teamsCardProblems(card);
    expect(problems.join('\n')).toMatch(pattern);
  });

  test.each([
    ['hero imBack', CardFactory.heroCard('Related questions', undefined, ['What is a CEC?'])],
    ['adaptive submit with text', adaptiveCard([], [{ type: 'Action.Submit', title: 'Go', data: { text: 'go', step: 2 } }])],
    ['adaptive submit with string data', adaptiveCard([], [{ type: 'Action.Submit', title: 'Go', data: 'go' }])],
  ])('made Teams-safe: %s', (_name, card) => {
    const before = JSON.stringify(card);
    const safe = teamsSafeAttachment(card);
    expect(teamsCardProblems(card)).not.toEqual([]);
    expect(teamsCardProblems(safe)).toEqual([]);
    expect(JSON.stringify(card)).toBe(before); // the original (maybe a shared constant) is untouched
  });

  test('made Teams-safe: hero button keeps its text and shows its title', () => {
    const safe = teamsSafeAttachment(CardFactory.heroCard('', undefined, [{ type: 'imBack', title: 'Yes', value: 'yes please' }]));
    expect(safe.content.buttons[0]).toEqual({ type: 'messageBack', title: 'Yes', text: 'yes please', displayText: 'Yes', value: { text: 'yes please' } });
  });

  test('a form submit without text is left as it is (value only, let through by the gate)', () => {
    const card = adaptiveCard([], [{ type: 'Action.Submit', title: 'Send', data: { form: 'dates' } }]);
    expect(teamsSafeAttachment(card).content.actions[0].data).toEqual({ form: 'dates' });
  });

  test('suggested actions become a messageBack card', () => {
    const reply = MessageFactory.suggestedActions(['Check my recertification', 'Talk to a person'], 'Hi');
    moveSuggestedActionsToCard(reply);
    expect(reply.suggestedActions).toBeUndefined();
    const actions = reply.attachments![0].content.actions;
    expect(actions.map((a: { data: { msteams: { text: string } } }) => a.data.msteams.text)).toEqual(['Check my recertification', 'Talk to a person']);
    expect(reply.text).toBe('Hi');
  });
});

describe('the Teams interceptor', () => {
  test.each([
    ['channel, not mentioned', teamsMessage('channel', 'fees?'), true],
    ['channel, mentioned', teamsMessage('channel', '<at>ACTION Help Desk</at> fees?', { mentions: 1 }), false],
    ['channel, card click (value, no mention)', teamsMessage('channel', 'yes', { value: { text: 'yes' } }), false],
    ['group chat, not mentioned', teamsMessage('groupChat', 'fees?'), true],
    ['personal, not mentioned', teamsMessage('personal', 'fees?'), false],
    ['web chat', { ...teamsMessage('channel', 'fees?'), channelId: 'webchat' }, false],
  ])('%s → ignored %s', (_name, activity, ignored) => {
    expect(ignoredInTeams(activity)).toBe(ignored);
  });

  async function run(activity: Partial<Activity>) {
    const sent: Partial<Activity>[] = [];
    const adapter = new TestAdapter(async () => undefined);
    adapter.sendActivities = async (_ctx, activities) => {
      sent.push(...activities);
      return activities.map(() => ({ id: 'x' }));
    };
    const context = new TurnContext(adapter, activity as Activity);
    const consumed = await teamsTurnInterceptor.intercept(context);
    return { consumed, sent, context };
  }

  test('a bare @mention in a channel gets the welcome with card buttons, in the thread', async () => {
    const { consumed, sent } = await run(teamsMessage('channel', '<at>ACTION Help Desk</at>', { mentions: 1, id: '777' }));
    expect(consumed).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0].suggestedActions).toBeUndefined();
    expect(teamsCardProblems(sent[0].attachments![0])).toEqual([]);
    expect(sent[0].conversation?.id).toBe(`${CHANNEL.id};messageid=777`);
  });

  test('personal chat keeps suggested actions (Teams shows them there)', async () => {
    const { consumed, context, sent } = await run(teamsMessage('personal', 'hello'));
    expect(consumed).toBe(false);
    await context.sendActivity(MessageFactory.suggestedActions(['A'], 'pick'));
    expect(sent[0].suggestedActions?.actions).toHaveLength(1);
  });

  test('mentioned twice: text cleaned, turn passed on', async () => {
    const { consumed, context } = await run(teamsMessage('channel', '<at>ACTION Help Desk</at> fees <at>ACTION Help Desk</at>', { mentions: 2 }));
    expect(consumed).toBe(false);
    expect(context.activity.text).toBe('fees');
  });
});
