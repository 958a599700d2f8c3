// Configuration from the environment (and .env), validated once at start-up.
// A bad value stops start-up with one line naming the variable and what it expects.
import { z } from 'zod';
import { isValidTimeZone } from './recert/dates';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL or empty' }).optional());

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));


export const configSchema = z.object({
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', '']).default('MultiTenant'),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppTenantId: optionalString,
  // Overrides of where incoming tokens are checked (sovereign clouds, tests with a local JWKS). Unset = public
  // Azure; when one is set, the others default to public Azure values (src/adapter.ts authOptions).
  ToBotFromChannelOpenIdMetadataUrl: optionalUrl.prefault(''),
  ToBotFromEmulatorOpenIdMetadataUrl: optionalUrl.prefault(''),
  ToBotFromChannelTokenIssuer: optionalString,
  // Turns one conversation may post to /api/messages per minute (burst = a tenth of it, at least 10); 0 = no limit.
  TURNS_PER_MINUTE_PER_CONVERSATION: z.coerce.number({ error: 'expected a number of turns' }).int().min(0).default(120),
  STORAGE: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || v === 'memory' || /^rediss?:\/\/.+/.test(v) || /^sqlite:\/\/.+/.test(v), {
      error: 'expected empty (on-disk store under ./data), "memory", "sqlite://<path>" or "redis://host:port"',
    }),
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TIMEZONE: z.string().default('UTC').refine((tz) => isValidTimeZone(tz), { error: 'expected an IANA time zone such as America/New_York' }),
  PORTAL_URL: optionalUrl.prefault(''),
  UPLOAD_URL: optionalUrl.prefault(''),
  GUIDE_URL: optionalUrl.prefault(''),
  SUPPORT_REQUEST_URL: optionalUrl.prefault(''),
  HANDOFF_TIMEOUT_MINUTES: z.coerce.number({ error: 'expected a number of minutes' }).positive().default(10),
  AGENT_IDS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  AGENT_API_KEY: optionalString,
  SUPPORT_CHANNEL_ID: optionalString,
  DIRECT_LINE_SECRET: optionalString,
  DIRECT_LINE_ENDPOINT: optionalUrl.prefault(''),
  DIRECT_LINE_IDLE_MINUTES: z.coerce.number({ error: 'expected a number of minutes' }).positive().default(30),
  FEEDBACK_RETENTION_DAYS: z.coerce.number({ error: 'expected a number of days' }).positive().default(90),
  TRANSCRIPT_RETENTION_DAYS: z.coerce.number({ error: 'expected a number of days' }).positive().default(30),
  PUBLIC_URL: optionalUrl.prefault(''),
});

export type Config = z.infer<typeof configSchema>;

/** Links the help article leaves blank; set by operators, never invented by the bot. */
export type LinkKey = 'PORTAL_URL' | 'UPLOAD_URL' | 'GUIDE_URL';
export type Links = Partial<Record<LinkKey, string>>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue.path.join('.') || 'environment';
  throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}`);
}

export function linksOf(config: Pick<Config, LinkKey>): Links {
  return { PORTAL_URL: config.PORTAL_URL, UPLOAD_URL: config.UPLOAD_URL, GUIDE_URL: config.GUIDE_URL };
}
