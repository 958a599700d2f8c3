// botbuilder's CloudAdapter builds a new ConnectorClient and a new UserTokenClient (credentials, an HTTP pipeline
// of a dozen policies, a sanitizer, proxy look-ups, each) on every turn, even when the replies go back in the
// HTTP response (expectReplies) and neither is used: about 0.3 ms of CPU per turn, the largest item in a turn's
// profile. The clients hold no per-conversation data (the old BotFrameworkAdapter kept one per service URL too),
// and their credentials cache and refresh their own token, so one per (app id, service URL, audience) and one
// per app id serve every turn.
import { AuthenticationConstants, type ClaimsIdentity, type ConnectorClient, type ConnectorFactory, type UserTokenClient } from 'botframework-connector';

/** Service URLs come from incoming activities: the cache is bounded so a stream of made-up ones cannot grow it. */
export const MAX_CACHED_CLIENTS = 64;

export class ConnectorClientCache {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  /** A factory that hands out the cached client for `inner`'s app id, building it with `inner` the first time. */
  wrap(inner: ConnectorFactory): ConnectorFactory {
    // ConnectorFactoryImpl keeps the app id (from the caller's claims) privately; it selects the credentials.
    const appId = String((inner as unknown as { appId?: string }).appId ?? '');
    return {
      create: (serviceUrl: string, audience?: string) =>
        cached(this.clients, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => inner.create(serviceUrl, audience)),
    };
  }

  /** The user-token client for the caller's app id (read from the claims as botframework-connector reads it). */
  userTokenClient(claims: ClaimsIdentity, create: () => Promise<UserTokenClient>): Promise<UserTokenClient> {
    const appId = claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
    return cached(this.tokenClients, appId, create);
  }

  get size(): number {
    return this.clients.size + this.tokenClients.size;
  }
}

function cached<T>(map: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (value) {
    map.delete(key); // least recently used goes first: re-insert on use
  } else {
    value = create();
    // A failed creation is not kept: the next turn tries again.
    value.catch(() => map.get(key) === value && map.delete(key));
    if (map.size >= MAX_CACHED_CLIENTS) map.delete(map.keys().next().value!);
  }
  map.set(key, value);
  return value;
}
