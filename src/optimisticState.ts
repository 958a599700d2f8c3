// botbuilder's BotState.saveChanges always writes with eTag '*' (last writer wins), so the storage's eTag
// contract never protects bot state: two instances (or two processes on one Redis) taking turns of the same
// conversation silently lose updates. These subclasses write with the eTag that was read, so a racing turn fails
// (ETagConflictError → onTurnError apologises and the trainer retries) instead of overwriting the other's change.
// A state that did not exist yet is still created unconditionally (the Storage interface has no "create only").
//
// They also detect changes more cheaply: BotState fingerprints the state with botbuilder-stdlib's stringify (a
// replacer called for every key) and then SHA-256, on every load and every save — about 5 % of a turn's CPU.
// Comparing the plain JSON text detects the same changes; a state JSON cannot write (a cycle) falls back to
// botbuilder's hash, and the write then fails as it would have anyway.
import { BotState, calculateChangeHash, ConversationState, TurnContext, UserState, type Storage } from 'botbuilder';
import { KeyvStorage } from './storage/keyvStorage';

interface Cached {
  state: Record<string, unknown> & { eTag?: string };
  hash: string;
}

// BotState keeps its per-turn cache under a private symbol; it is reached here by name, pinned by
// test/hardening/optimisticState.test.ts against the installed botbuilder (get/set/clear/delete use the same cache).
type Internals = { stateKey: symbol; storage: Storage; storageKey(context: TurnContext): Promise<string> | string };

/** The state's JSON without its eTag: equal texts mean nothing to save. */
export function fingerprint(state: Cached['state']): string {
  const { eTag: _eTag, ...rest } = state;
  try {
    return JSON.stringify(rest);
  } catch {
    return calculateChangeHash(state);
  }
}

async function loadWithFingerprint(self: BotState, context: TurnContext, force: boolean): Promise<Cached['state']> {
  const internals = self as unknown as Internals;
  const cached = context.turnState.get(internals.stateKey) as Cached | undefined;
  if (!force && cached?.state) return cached.state;
  const key = await internals.storageKey(context);
  const state = ((await internals.storage.read([key]))[key] ?? {}) as Cached['state'];
  context.turnState.set(internals.stateKey, { state, hash: fingerprint(state) } satisfies Cached);
  return state;
}

async function saveWithETag(self: BotState, context: TurnContext, force: boolean): Promise<void> {
  const internals = self as unknown as Internals;
  let cached = context.turnState.get(internals.stateKey) as Cached | undefined;
  const hash = cached ? fingerprint(cached.state) : '';
  if (!force && (!cached || cached.hash === hash)) return;
  cached ??= { state: {}, hash: '' };
  const key = await internals.storageKey(context);
  // The write stores a new eTag; keep it so a second save in this turn is not refused as stale. KeyvStorage
  // (the app's storage) returns it; any other Storage is read back.
  const { storage } = internals;
  if (storage instanceof KeyvStorage) {
    cached.state.eTag = (await storage.writeTagged({ [key]: cached.state }))[key];
  } else {
    await storage.write({ [key]: cached.state });
    cached.state.eTag = ((await storage.read([key]))[key] as { eTag?: string } | undefined)?.eTag;
  }
  // The fingerprint leaves the eTag out, so the state just written has the one computed above.
  cached.hash = hash || fingerprint(cached.state);
  context.turnState.set(internals.stateKey, cached);
}

export class OptimisticConversationState extends ConversationState {
  constructor(storage: Storage, namespace?: string) {
    super(storage, namespace);
  }
  override load(context: TurnContext, force = false): Promise<any> {
    return loadWithFingerprint(this, context, force);
  }
  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveWithETag(this, context, force);
  }
}

export class OptimisticUserState extends UserState {
  constructor(storage: Storage, namespace?: string) {
    super(storage, namespace);
  }
  override load(context: TurnContext, force = false): Promise<any> {
    return loadWithFingerprint(this, context, force);
  }
  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveWithETag(this, context, force);
  }
}
