// What the embedded Direct Line accepts: from the browser (strict, small) and from the bot (lenient, as the
// Bot Framework connector is). Anything else is a 400, never a crash.
import { z } from 'zod';

/** The largest activity the browser may post (a typed message, a card submit). */
export const MAX_USER_ACTIVITY_BYTES = 32 * 1024;

const record = z.record(z.string(), z.unknown());

export const userActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(4000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(32).optional(),
  localTimezone: z.string().max(64).optional(),
  localTimestamp: z.string().max(64).optional(),
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  channelData: record.optional(),
  entities: z.array(record).max(20).optional(),
  attachments: z.array(record).max(10).optional(),
  from: z.object({ id: z.string().max(512).optional(), name: z.string().max(256).optional() }).passthrough().optional(),
});

export type UserActivity = z.infer<typeof userActivitySchema>;

export const botActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional().nullable(),
    text: z.string().max(64 * 1024).optional().nullable(),
    attachments: z.array(record).max(50).optional().nullable(),
  })
  .passthrough();

export type BotActivity = z.infer<typeof botActivitySchema>;

export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}
