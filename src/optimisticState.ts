// botbuilder's BotState.saveChanges always writes with eTag '*' (last writer wins), so the storage's eTag
// contract never protects bot state: two instances (or two processes on one Redis) taking turns of the same
// conversation silently lose updates. These subclasses write with the eTag that was read, so a racing turn fails
// (ETagConflictError → onTurnError apologises and the trainer retries) instead of overwriting the other's change.
// A state that did not exist yet is still created unconditionally (the Storage interface has no "create only").
import { BotState, calculateChangeHash, ConversationState, TurnContext, UserState, type Storage } from 'botbuilder';
import { KeyvStorage } from './storage/keyvStorage';

interface Cached {
  state: Record<string, unknown> & { eTag?: string };
  hash: string;
}

// BotState keeps its per-turn cache under a private symbol and hashes with a private helper; both are reached
// here by name, pinned by test/hardening/optimisticState.test.ts against the installed botbuilder.
type Internals = { stateKey: symbol; storage: Storage; storageKey(context: TurnContext): Promise<string> | string };
// The same change hash BotState.load records, so an unchanged state is not written.
const hashOf = (state: Cached['state']): string => calculateChangeHash(state);

async function saveWithETag(self: BotState, context: TurnContext, force: boolean): Promise<void> {
  const internals = self as unknown as Internals;
  let cached = context.turnState.get(internals.stateKey) as Cached | undefined;
  const hash = cached ? hashOf(cached.state) : '';
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
  // The hash leaves the eTag out, so the state just written has the hash computed above (no second stringify).
  cached.hash = force ? hashOf(cached.state) : hash;
  context.turnState.set(internals.stateKey, cached);
}

export class OptimisticConversationState extends ConversationState {
  constructor(storage: Storage, namespace?: string) {
    super(storage, namespace);
  }
  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveWithETag(this, context, force);
  }
}

export class OptimisticUserState extends UserState {
  constructor(storage: Storage, namespace?: string) {
    super(storage, namespace);
  }
  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveWithETag(this, context, force);
  }
}
