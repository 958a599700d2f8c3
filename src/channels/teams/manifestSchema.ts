// A zod model of the parts of the Teams app manifest (schema v1.22) this app uses, with the limits Teams
// enforces at upload, so `npm run teams:package` fails here, offline, instead of in the Teams admin centre.
import { z } from 'zod';

export const MANIFEST_VERSION = '1.22';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'expected a GUID');
const httpsUrl = z.string().max(2048).regex(/^https:\/\/[^\s]+$/, 'expected an https:// URL');
const scope = z.enum(['personal', 'team', 'groupChat']);
const domain = z.string().max(2048).regex(/^(\*\.)?[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*(:\d+)?$/, 'expected a host name (no scheme)');

export const teamsManifestSchema = z
  .object({
    $schema: z.literal(MANIFEST_SCHEMA_URL),
    manifestVersion: z.literal(MANIFEST_VERSION),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version like 1.0.0').max(256),
    id: guid,
    developer: z.object({ name: z.string().min(1).max(32), websiteUrl: httpsUrl, privacyUrl: httpsUrl, termsOfUseUrl: httpsUrl }),
    name: z.object({ short: z.string().min(1).max(30), full: z.string().min(1).max(100) }),
    description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
    icons: z.object({ color: z.string().min(1).max(2048), outline: z.string().min(1).max(2048) }),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected #RRGGBB'),
    bots: z
      .array(
        z.object({
          botId: guid,
          scopes: z.array(scope).min(1).max(3),
          supportsFiles: z.boolean().optional(),
          isNotificationOnly: z.boolean().optional(),
          commandLists: z
            .array(
              z.object({
                scopes: z.array(scope).min(1).max(3),
                commands: z.array(z.object({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) })).min(1).max(10),
              }),
            )
            .max(3)
            .optional(),
        }),
      )
      .length(1),
    validDomains: z.array(domain).max(16).optional(),
  })
  .refine((m) => !JSON.stringify(m).includes('${{'), { message: 'a ${{...}} placeholder was left unfilled' });

export type TeamsManifest = z.infer<typeof teamsManifestSchema>;
