// Starts the real app on a free port and talks to it the way a channel does.
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { buildApp, type App, type AppOptions } from '../../src/app';

export interface RunningApp {
  app: App;
  url: string;
  close(): Promise<void>;
}

export async function startApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<RunningApp> {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...env });
  const app = await buildApp(config, createLogger(config.LOG_LEVEL), options);
  const url = await app.listen(0, '127.0.0.1');
  return { app, url, close: () => app.close() };
}

export function message(text: string, conversationId: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: randomUUID(),
    text,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    locale: 'en-US',
    timestamp: new Date().toISOString() as unknown as Date,
    from: { id: `user-${conversationId}`, name: 'Trainer' },
    recipient: { id: 'bot', name: 'ACTION assistant' },
    conversation: { id: conversationId } as Activity['conversation'],
    ...extra,
  };
}

/** Posts one activity with expectReplies and returns the bot's replies. */
export async function send(url: string, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (res.status !== 200) throw new Error(`POST /api/messages → ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { activities?: Partial<Activity>[] } | undefined;
  return body?.activities ?? [];
}

/** The texts of the bot's replies to one message (expectReplies). */
export async function replyTexts(url: string, conversationId: string, text: string): Promise<string[]> {
  return (await send(url, message(text, conversationId))).map((a) => a.text ?? '');
}

/** A conversation helper: say(text) → replies' visible text joined. */
export function conversation(url: string, id = `conv-${randomUUID()}`, extra: Partial<Activity> = {}) {
  return {
    id,
    async say(text: string): Promise<Partial<Activity>[]> {
      return send(url, message(text, id, extra));
    },
  };
}
