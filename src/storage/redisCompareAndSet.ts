// Conditional writes that hold across bot instances sharing one Redis: the compare and the set run
// as one Lua script, which Redis executes atomically.
import type KeyvRedis from '@keyv/redis';
import type { RedisClientType } from '@keyv/redis';
import type { Keyv } from 'keyv';
import type { CompareAndSet } from './keyvStorage';

// KEYS[1]: the Redis key; ARGV[1]: expected eTag; ARGV[2]: the new value, already in keyv's
// serialised form ({"value":{...}}), so the item stays readable through keyv.
// Only decodes the stored JSON to read its eTag; never re-encodes it (cjson would turn [] into {}).
const CAS_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current then
  local doc = cjson.decode(current)
  if type(doc) ~= 'table' or type(doc.value) ~= 'table' or doc.value.eTag ~= ARGV[1] then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`;

/**
 * The Keyv must be built with `useKeyPrefix: false` over `adapter` (as createStores does), so the
 * Redis key is the adapter's `namespace::key` and nothing else.
 */
export function redisCompareAndSet(keyv: Keyv, adapter: KeyvRedis<unknown>): CompareAndSet {
  return async (key, expectedETag, item) => {
    const serialized = await keyv.serializeData({ value: item });
    if (typeof serialized !== 'string') throw new Error('redisCompareAndSet needs keyv serialisation to strings');
    const client = (await adapter.getClient()) as RedisClientType;
    const written = await client.eval(CAS_SCRIPT, {
      keys: [adapter.createKeyPrefix(key, adapter.namespace)],
      arguments: [expectedETag, serialized],
    });
    return written === 1;
  };
}
