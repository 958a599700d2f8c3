// In-process Maps: for tests and evaluation runs; nothing survives the process.
import { Keyv } from 'keyv';
import type { Backend } from './backend';

export function openMemory(): Backend {
  return {
    kind: 'memory',
    location: 'memory',
    // Values are still stored as JSON text, so callers never share objects with the store; plain JSON
    // rather than keyv's default (a hand-written serialiser and a reviver on parse, which exist to carry
    // Buffers and escape ':'-strings — neither occurs in bot state) costs several times less per turn.
    // Nothing is persisted, so no stored format has to stay readable.
    open: (namespace) => new Keyv({ namespace, throwOnErrors: true, serialize: JSON.stringify, deserialize: JSON.parse }),
    close: async () => undefined,
  };
}
