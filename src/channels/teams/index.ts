// Microsoft Teams: mention rule, threads, staff context, Teams-safe cards.
export { isBotMentioned, removeBotMentions, textWithoutBotMentions } from './mentions';
export { isTeams, mentionRequired, teamsScope, TEAMS_CHANNEL_ID, type TeamsScope } from './scope';
export { channelConversationId, keepRepliesInThread, threadConversationId, threadReference } from './thread';
export { isStaffContext, pathOptionsFor, wantsSomeoneElse } from './staff';
export { adaptiveCard, choicesCard, submitAction, teamsCardProblems, teamsSafeAttachment, TEAMS_MAX_CARD_VERSION, type SubmitAction } from './cards';
export { ignoredInTeams, moveSuggestedActionsToCard, teamsTurnInterceptor } from './turnInterceptor';
