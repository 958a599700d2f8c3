// The Bot Framework adapter and what happens when a turn fails: log with a correlation id, apologise in
// plain words, send the standard trace, and clear the dialog stack so the next message starts fresh.
import { randomUUID } from 'node:crypto';
import {
  BotAdapter,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  ConversationState,
  TurnContext,
} from 'botbuilder';
// botframework-connector comes with botbuilder (same version); CloudAdapter recognises only its AuthenticationError.
import { AuthenticationConstants, AuthenticationError } from 'botframework-connector';
import type { ClaimsIdentity, ConnectorFactory, UserTokenClient } from 'botframework-connector';
import type { Config } from './config';
import { ConnectorClientCache } from './connectorCache';
import { hashId, type Logger } from './logger';

export const TURN_ERROR_MESSAGE =
  "Sorry, something went wrong on my side and I couldn't finish that. Please try again, or type \"talk to a person\" if it keeps happening.";

// Public Azure values; botframework-connector uses them only when none of the overrides is set, so when one
// is (a local JWKS in tests, a sovereign cloud) the rest must be filled in or validation silently breaks.
const PUBLIC_AZURE_AUTH = {
  ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
  ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
  ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  OAuthUrl: AuthenticationConstants.OAuthUrl,
  ToBotFromChannelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  CallerId: CallerIdConstants.PublicAzureChannel,
};

export function authOptions(
  config: Config,
  extraAuth: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
): ConfigurationBotFrameworkAuthenticationOptions {
  const overrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {
    ...(config.ToBotFromChannelOpenIdMetadataUrl && { ToBotFromChannelOpenIdMetadataUrl: config.ToBotFromChannelOpenIdMetadataUrl }),
    ...(config.ToBotFromEmulatorOpenIdMetadataUrl && { ToBotFromEmulatorOpenIdMetadataUrl: config.ToBotFromEmulatorOpenIdMetadataUrl }),
    ...(config.ToBotFromChannelTokenIssuer && { ToBotFromChannelTokenIssuer: config.ToBotFromChannelTokenIssuer }),
    ...extraAuth,
  };
  return {
    MicrosoftAppType: config.MicrosoftAppType || 'MultiTenant',
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...(Object.keys(overrides).length > 0 ? { ...PUBLIC_AZURE_AUTH, ...overrides } : {}),
  } as ConfigurationBotFrameworkAuthenticationOptions;
}

// jsonwebtoken's own errors (bad signature, wrong algorithm, not yet valid) escape botframework-connector
// unwrapped, and CloudAdapter answers anything but an AuthenticationError with 500. A forged token is the
// caller's fault: 401.
const JWT_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients = new ConnectorClientCache();

  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ): ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']> {
    let result: Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
    try {
      result = await super.authenticateRequest(...args);
    } catch (error) {
      if (error instanceof Error && JWT_ERRORS.has(error.name)) throw new AuthenticationError(`Unauthorized. ${error.message}`, 401);
      throw error;
    }
    return result.connectorFactory ? { ...result, connectorFactory: this.connectorClients.wrap(result.connectorFactory) } : result;
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.connectorClients.userTokenClient(claimsIdentity, () => super.createUserTokenClient(claimsIdentity));
  }

  // Proactive turns (hand-off relays, timeouts) build their client here.
  override createConnectorFactory(...args: Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>): ConnectorFactory {
    return this.connectorClients.wrap(super.createConnectorFactory(...args));
  }
}

export function createAdapter(config: Config, extraAuth: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {}): CloudAdapter {
  return new CloudAdapter(new StrictAuthentication(authOptions(config, extraAuth)));
}

export function installTurnErrorHandler(adapter: BotAdapter, conversationState: ConversationState, logger: Logger): void {
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const correlationId = randomUUID();
    logger.error(
      {
        correlationId,
        err: { name: error?.name, message: error?.message, stack: error?.stack },
        conversation: hashId(context.activity.conversation?.id),
        channelId: context.activity.channelId,
        activityType: context.activity.type,
      },
      'turn failed',
    );
    try {
      await context.sendActivity(TURN_ERROR_MESSAGE);
      await context.sendTraceActivity('OnTurnError Trace', `${error}`, 'https://www.botframework.com/schemas/error', 'TurnError');
    } catch (sendError) {
      logger.warn({ correlationId, err: (sendError as Error)?.message }, 'could not tell the user about the failed turn');
    }
    try {
      // Drop this turn's half-made changes (reload), then clear only the dialog stack; the rest of the
      // conversation (a hand-off in progress, say) and the trainer's saved answers stay.
      await conversationState.load(context, true);
      await conversationState.createProperty('dialogState').delete(context);
      await conversationState.saveChanges(context, true);
    } catch (stateError) {
      logger.warn({ correlationId, err: (stateError as Error)?.message }, 'could not clear dialog state after a failed turn');
    }
  };
}
