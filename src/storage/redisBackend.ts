// Shared store for several bot instances. One client per process, shared by all namespaces.
// Fail fast while Redis is down: no offline queue (commands reject at once instead of waiting for a
// reconnect), a bounded connect timeout, and reconnection in the background so it recovers by itself.
import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import type { Logger } from '../logger';
import type { Backend } from './backend';
import { redisCompareAndSet } from './redisCompareAndSet';

const CONNECT_TIMEOUT_MS = 2000;
// Short, capped back-off: attempts are cheap, and the client's retry timer cannot be cancelled on close.
const reconnectDelay = (retries: number): number => Math.min(50 * 2 ** retries, 500);

/** `redis://user:pass@host:port/db` → `redis://host:port`, for logs. */
export function redisTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || '6379'}`;
  } catch {
    return 'redis (unparseable URL)';
  }
}

export async function openRedis(url: string, logger: Logger): Promise<Backend> {
  const target = redisTarget(url);
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: reconnectDelay },
  });

  // Log transitions only: the client emits an error on every reconnect attempt.
  let reachable: boolean | undefined;
  client.on('error', (error: Error) => {
    if (reachable === false) return;
    reachable = false;
    logger.error(
      { store: 'redis', target, err: error.message },
      'store: Redis unreachable; turns fail until it is back (reconnecting in the background)',
    );
  });
  client.on('ready', () => {
    if (reachable === false) logger.info({ store: 'redis', target }, 'store: Redis reachable again');
    reachable = true;
  });

  // Start-up does not wait for a Redis that is down: operations reject until it answers.
  const connecting = client.connect().then(
    () => undefined,
    () => undefined,
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([connecting, new Promise((done) => (timer = setTimeout(done, CONNECT_TIMEOUT_MS)))]);
  clearTimeout(timer);

  return {
    kind: 'redis',
    location: target,
    open(namespace) {
      const adapter = new KeyvRedis(client, {
        namespace,
        throwOnErrors: true,
        throwOnConnectError: true,
        connectionTimeout: CONNECT_TIMEOUT_MS,
      });
      // Keys are stored as `namespace::key` by the adapter alone, which redisCompareAndSet relies on.
      return new Keyv(adapter, { namespace, useKeyPrefix: false, throwOnErrors: true });
    },
    compareAndSet: (keyv) => redisCompareAndSet(keyv, keyv.store as KeyvRedis<unknown>),
    async close() {
      if (client.isReady) await client.close().catch(() => client.destroy());
      else if (client.isOpen) client.destroy();
    },
  };
}
