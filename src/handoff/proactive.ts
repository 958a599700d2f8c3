// Messages outside a turn: to a trainer or an agent through their stored ConversationReference, and the
// support channel's card (created, then updated in place). Always a fresh turn from the adapter; a
// TurnContext is never kept after its own turn ends.
import {
  ActivityTypes,
  CloudAdapter,
  type Activity,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import type { Keyv } from 'keyv';
import { hashId, type Logger } from '../logger';
import { requestCard } from './cards';
import type { HandoffRequest } from './types';

const TEAMS_KEY = 'teams-endpoint';
/** null makes the connector use the channel's default OAuth scope ('' would be taken literally). */
const DEFAULT_AUDIENCE = null as unknown as string;

export interface TeamsEndpoint {
  serviceUrl: string;
  tenantId?: string;
  botId?: string;
}

export class Proactive {
  private adapter?: CloudAdapter;
  private teams?: TeamsEndpoint;

  constructor(
    private readonly appId: string,
    private readonly supportChannelId: string | undefined,
    private readonly keyv: Keyv,
    private readonly logger: Logger,
  ) {}

  attach(adapter: CloudAdapter): void {
    this.adapter = adapter;
  }

  /** Remembers where Teams talks to us from (serviceUrl, tenant), so the channel card can be posted. */
  async learnTeams(activity: Partial<Activity>): Promise<void> {
    if (activity.channelId !== 'msteams' || !activity.serviceUrl) return;
    // The adapter's own proactive turns echo what we stored (and carry no bot id): learn only from Teams.
    if (activity.type === ActivityTypes.Event && (activity.name === 'ContinueConversation' || activity.name === 'CreateConversation')) return;
    const tenantId = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
    const next: TeamsEndpoint = { serviceUrl: activity.serviceUrl, tenantId, botId: activity.recipient?.id };
    const known = this.teams ?? (await this.keyv.get<TeamsEndpoint>(TEAMS_KEY));
    this.teams = next;
    if (known?.serviceUrl !== next.serviceUrl || known?.tenantId !== next.tenantId || known?.botId !== next.botId) {
      await this.keyv.set(TEAMS_KEY, next);
    }
  }

  /**
   * Learned from Teams' own activities (installing the bot in the team sends one): Teams' serviceUrl is
   * regional, so guessing it would post to the wrong place or hang on an unreachable host.
   */
  private async teamsEndpoint(): Promise<TeamsEndpoint | undefined> {
    this.teams ??= (await this.keyv.get<TeamsEndpoint>(TEAMS_KEY)) ?? undefined;
    return this.teams;
  }

  /** Sends to a stored conversation; false (logged) when it cannot be delivered. */
  async send(reference: Partial<ConversationReference>, activities: Array<Partial<Activity>>, what: string): Promise<boolean> {
    if (!this.adapter) return false;
    // A conversation that only ever used expectReplies has no channel to call back; the connector would
    // otherwise fall back to a public default host.
    if (!/^https?:\/\//.test(reference.serviceUrl ?? '')) {
      this.logger.debug({ what, conversation: hashId(reference.conversation?.id) }, 'hand-off: no serviceUrl to deliver to');
      return false;
    }
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        await context.sendActivities(activities.map((a) => ({ type: ActivityTypes.Message, ...a })));
      });
      return true;
    } catch (error) {
      this.logger.warn({ what, conversation: hashId(reference.conversation?.id), err: (error as Error).message }, 'hand-off: proactive message failed');
      return false;
    }
  }

  /** Posts the request's card as a new thread in the support channel; returns where it lives. */
  async postCard(request: HandoffRequest): Promise<HandoffRequest['card']> {
    if (!this.adapter || !this.supportChannelId) return undefined;
    const teams = await this.teamsEndpoint();
    if (!teams) {
      this.logger.warn({ request: request.id }, 'hand-off: no Teams activity seen yet, so the support card cannot be posted');
      return undefined;
    }
    const params: ConversationParameters = {
      isGroup: true,
      bot: { id: teams.botId ?? this.appId, name: 'bot' },
      channelData: { channel: { id: this.supportChannelId }, ...(teams.tenantId ? { tenant: { id: teams.tenantId } } : {}) },
      activity: { type: ActivityTypes.Message, attachments: [requestCard(request)] } as Activity,
      tenantId: teams.tenantId,
    } as ConversationParameters;
    try {
      let conversationId = '';
      await this.adapter.createConversationAsync(this.appId, 'msteams', teams.serviceUrl, DEFAULT_AUDIENCE, params, async (context) => {
        conversationId = context.activity.conversation.id;
      });
      // Teams answers "<channel>;messageid=<activity id>": the thread is named after its first message.
      const activityId = /;messageid=([^;]+)$/.exec(conversationId)?.[1] ?? conversationId;
      return { conversationId, activityId, serviceUrl: teams.serviceUrl };
    } catch (error) {
      this.logger.warn({ request: request.id, err: (error as Error).message }, 'hand-off: posting the support card failed');
      return undefined;
    }
  }

  async updateCard(request: HandoffRequest): Promise<void> {
    if (!this.adapter || !request.card) return;
    const { conversationId, activityId, serviceUrl } = request.card;
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: '' },
    };
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        await context.updateActivity({ type: ActivityTypes.Message, id: activityId, attachments: [requestCard(request)] });
      });
    } catch (error) {
      this.logger.warn({ request: request.id, err: (error as Error).message }, 'hand-off: updating the support card failed');
    }
  }

  /** Opens a 1:1 chat with an agent who claimed from the channel and never wrote to the bot directly. */
  async openAgentChat(agentUserId: string): Promise<Partial<ConversationReference> | undefined> {
    const teams = await this.teamsEndpoint();
    if (!this.adapter || !teams) return undefined;
    let reference: Partial<ConversationReference> | undefined;
    try {
      await this.adapter.createConversationAsync(
        this.appId,
        'msteams',
        teams.serviceUrl,
        DEFAULT_AUDIENCE,
        {
          isGroup: false,
          bot: { id: teams.botId ?? this.appId, name: 'bot' },
          members: [{ id: agentUserId, name: '' }],
          tenantId: teams.tenantId,
          channelData: teams.tenantId ? { tenant: { id: teams.tenantId } } : undefined,
        } as ConversationParameters,
        async (context) => {
          reference = {
            channelId: 'msteams',
            serviceUrl: teams.serviceUrl,
            conversation: { id: context.activity.conversation.id, isGroup: false, conversationType: 'personal', name: '' },
            user: { id: agentUserId, name: '' },
          };
        },
      );
    } catch (error) {
      this.logger.warn({ agent: hashId(agentUserId), err: (error as Error).message }, 'hand-off: opening a chat with the agent failed');
    }
    return reference;
  }
}
