// botbuilder's CloudAdapter builds a new ConnectorClient (credentials, an HTTP pipeline of a dozen policies, a
// sanitizer, proxy look-ups) on every turn, even when the replies go back in the HTTP response (expectReplies)
// and the client is never used: about 0.15 ms of CPU per turn, the largest single item in a turn's profile.
// The client holds no per-conversation data (the old BotFrameworkAdapter kept one per service URL too), and its
// credentials cache and refresh their own token, so one per (app id, service URL, audience) serves every turn.
import type { ConnectorClient, ConnectorFactory } from 'botframework-connector';

/** Service URLs come from incoming activities: the cache is bounded so a stream of made-up ones cannot grow it. */
export const MAX_CACHED_CLIENTS = 64;

export class ConnectorClientCache {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  /** A factory that hands out the cached client for `inner`'s app id, building it with `inner` the first time. */
  wrap(inner: ConnectorFactory): ConnectorFactory {
    // ConnectorFactoryImpl keeps the app id (from the caller's claims) privately; it selects the credentials.
    const appId = String((inner as unknown as { appId?: string }).appId ?? '');
    return {
      create: (serviceUrl: string, audience?: string) => {
        const key = `${appId}\n${serviceUrl}\n${audience ?? ''}`;
        let client = this.clients.get(key);
        if (client) {
          // Least recently used goes first: re-insert on use.
          this.clients.delete(key);
        } else {
          client = inner.create(serviceUrl, audience);
          // A failed creation is not kept: the next turn tries again.
          client.catch(() => this.clients.get(key) === client && this.clients.delete(key));
          if (this.clients.size >= MAX_CACHED_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
        }
        this.clients.set(key, client);
        return client;
      },
    };
  }

  get size(): number {
    return this.clients.size;
  }
}
