// Teams-shaped activities as Teams sends them to a bot (ids in Teams' formats, fake but well-formed).
import type { Activity } from 'botbuilder';

export const BOT = { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'ACTION Help Desk' };
export const STAFF = { id: '29:1staff-aad-user', name: 'Sam Staff', aadObjectId: '11111111-2222-3333-4444-555555555555' };
export const TENANT = { id: '99999999-8888-7777-6666-555555555555' };
export const TEAM = { id: '19:team-general@thread.tacv2', name: 'ACTION Support' };
export const CHANNEL = { id: '19:recert-channel@thread.tacv2', name: 'Recertification' };

export type Scope = 'personal' | 'groupChat' | 'channel';

let seq = 0;
export function messageId(): string {
  seq += 1;
  return `17${String(Date.now()).slice(-8)}${String(seq).padStart(3, '0')}`;
}

export function mention(who = BOT): Record<string, unknown> {
  return { type: 'mention', text: `<at>${who.name}</at>`, mentioned: { id: who.id, name: who.name } };
}

/** A message in the given Teams scope. `threadRoot` puts it in a channel thread; default: a new post. */
export function teamsMessage(
  scope: Scope,
  text: string,
  opts: { mentions?: number; id?: string; threadRoot?: string; conversationId?: string; value?: unknown; from?: typeof STAFF } = {},
): Partial<Activity> {
  const id = opts.id ?? messageId();
  // Each new post is its own conversation (personal/group chats get a fresh id unless one is given).
  const base = { personal: `a:1personal-${id}`, groupChat: `19:group-${id}@thread.v2`, channel: CHANNEL.id }[scope];
  const conversationId = opts.conversationId ?? (scope === 'channel' ? `${base};messageid=${opts.threadRoot ?? id}` : base);
  const channelData: Record<string, unknown> = { tenant: TENANT };
  if (scope === 'channel') Object.assign(channelData, { team: TEAM, channel: CHANNEL, teamsTeamId: TEAM.id, teamsChannelId: CHANNEL.id });
  const mentions = Array.from({ length: opts.mentions ?? 0 }, () => mention());
  return {
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/amer/',
    from: opts.from ?? STAFF,
    recipient: BOT,
    conversation: { id: conversationId, conversationType: scope, tenantId: TENANT.id, isGroup: scope !== 'personal' } as Activity['conversation'],
    text,
    textFormat: 'plain',
    locale: 'en-US',
    entities: [...mentions, { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web' }],
    channelData,
    ...(opts.value !== undefined ? { value: opts.value } : {}),
  };
}
