// What /api/messages accepts. Lenient where the Bot Framework is (extra fields pass through), strict where
// a wrong type would crash a turn later: such requests get a 400, never a 500.
import { z } from 'zod';
import { isValidTimeZone } from './recert/dates';

const account = z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional().nullable() }).passthrough();

export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional().nullable(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().max(2048).optional().nullable(),
    from: account,
    recipient: account.optional().nullable(),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    text: z.string().optional().nullable(),
    locale: z.string().max(32).optional().nullable(),
    localTimezone: z.string().max(64).optional().nullable(),
    deliveryMode: z.string().max(32).optional().nullable(),
    membersAdded: z.array(account).max(100).optional().nullable(),
    membersRemoved: z.array(account).max(100).optional().nullable(),
    entities: z.array(z.record(z.string(), z.unknown())).max(50).optional().nullable(),
    attachments: z.array(z.record(z.string(), z.unknown())).max(50).optional().nullable(),
  })
  .passthrough()
  .refine((a) => a.deliveryMode === 'expectReplies' || (typeof a.serviceUrl === 'string' && /^https?:\/\//.test(a.serviceUrl)), {
    message: 'serviceUrl (http or https) is required unless deliveryMode is "expectReplies"',
    path: ['serviceUrl'],
  });

export function activityProblem(body: unknown): string | undefined {
  const result = incomingActivitySchema.safeParse(body);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}

const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Drops keys that could reach an object's prototype, at any depth (JSON.parse keeps "__proto__" as own key). */
function dropDangerousKeys(value: unknown, depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 32) return;
  for (const key of Object.keys(value)) {
    if (DANGEROUS_KEYS.has(key)) delete (value as Record<string, unknown>)[key];
    else dropDangerousKeys((value as Record<string, unknown>)[key], depth + 1);
  }
}

const isDateString = (v: unknown): boolean => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * Channels sometimes send optional fields we cannot use (a timestamp that is not a date, an unknown time
 * zone). Such a field is dropped, as if it had not been sent, rather than failing the whole turn later.
 */
export function sanitizeActivity(activity: Record<string, unknown>): void {
  dropDangerousKeys(activity);
  for (const field of ['timestamp', 'localTimestamp'] as const) {
    if (field in activity && !isDateString(activity[field])) delete activity[field];
  }
  if ('localTimezone' in activity && !(typeof activity.localTimezone === 'string' && isValidTimeZone(activity.localTimezone))) delete activity.localTimezone;
}
