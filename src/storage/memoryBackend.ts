// In-process Maps: for tests and evaluation runs; nothing survives the process.
import { Keyv } from 'keyv';
import type { Backend } from './backend';

export function openMemory(): Backend {
  return {
    kind: 'memory',
    location: 'memory',
    open: (namespace) => new Keyv({ namespace, throwOnErrors: true }),
    close: async () => undefined,
  };
}
