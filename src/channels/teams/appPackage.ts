// Builds the Teams app package: manifest.json with ${{NAME}} placeholders filled from the environment,
// checked against the zod model and the icon rules, zipped with the two icons at the zip's root.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { repoRoot } from '../../paths';
import { decodeRgbaPng, pngInfo } from './png';
import { teamsManifestSchema, type TeamsManifest } from './manifestSchema';

export const PACKAGE_FILE = 'action-recert-bot.zip';

export class TeamsPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package is not valid:\n  - ${problems.join('\n  - ')}`);
  }
}

const guid = z.string().trim().regex(/^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/, 'expected the GUID of the Azure Bot registration');
const httpsUrl = z.string().trim().regex(/^https:\/\/[^\s/]+/, 'expected an https:// URL');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** What the package needs from the environment; TEAMS_APP_ID defaults to the bot's id (a common choice). */
const packageEnvSchema = z.object({
  MicrosoftAppId: guid,
  TEAMS_APP_ID: optional(guid),
  PUBLIC_URL: httpsUrl,
  TEAMS_PRIVACY_URL: optional(httpsUrl),
  TEAMS_TERMS_URL: optional(httpsUrl),
  APP_VERSION: optional(z.string().trim().regex(/^\d+\.\d+\.\d+$/, 'expected a version like 1.0.0')),
});

export function placeholderValues(env: NodeJS.ProcessEnv, defaultVersion: string): Record<string, string> {
  const parsed = packageEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new TeamsPackageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message === 'Invalid input: expected string, received undefined' ? 'not set' : i.message}`));
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL.replace(/\/+$/, '');
  return {
    MicrosoftAppId: e.MicrosoftAppId.toLowerCase(),
    TEAMS_APP_ID: (e.TEAMS_APP_ID ?? e.MicrosoftAppId).toLowerCase(),
    PUBLIC_URL: publicUrl,
    PUBLIC_HOST: new URL(publicUrl).host,
    TEAMS_PRIVACY_URL: e.TEAMS_PRIVACY_URL ?? publicUrl,
    TEAMS_TERMS_URL: e.TEAMS_TERMS_URL ?? publicUrl,
    APP_VERSION: e.APP_VERSION ?? defaultVersion,
  };
}

/** Replaces every ${{NAME}} (JSON-escaped); an unknown name is an error, never left in the package. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  const unknown = new Set<string>();
  const filled = template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, name: string) => {
    if (!(name in values)) {
      unknown.add(name);
      return '';
    }
    return JSON.stringify(values[name]).slice(1, -1);
  });
  if (unknown.size) throw new TeamsPackageError([...unknown].map((n) => `manifest placeholder \${{${n}}} has no value`));
  return filled;
}

/** Teams' icon rules: colour 192x192; outline 32x32, white on transparent. */
export function iconProblems(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  try {
    const c = pngInfo(color);
    if (c.width !== 192 || c.height !== 192) problems.push(`color icon is ${c.width}x${c.height}, expected 192x192`);
  } catch (error) {
    problems.push(`color icon: ${(error as Error).message}`);
  }
  try {
    const o = decodeRgbaPng(outline);
    if (o.width !== 32 || o.height !== 32) problems.push(`outline icon is ${o.width}x${o.height}, expected 32x32`);
    let coloured = 0;
    let transparent = 0;
    for (let i = 0; i < o.pixels.length; i += 4) {
      const [r, g, b, a] = o.pixels.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) coloured++;
    }
    if (coloured) problems.push(`outline icon has ${coloured} pixels that are neither white nor transparent`);
    if (!transparent) problems.push('outline icon has no transparent background');
  } catch (error) {
    problems.push(`outline icon: ${(error as Error).message}`);
  }
  return problems;
}

export function validateManifest(manifest: unknown): TeamsManifest {
  const result = teamsManifestSchema.safeParse(manifest);
  if (!result.success) throw new TeamsPackageError(result.error.issues.map((i) => `manifest ${i.path.join('.') || '(root)'}: ${i.message}`));
  return result.data;
}

export interface BuildOptions {
  env?: NodeJS.ProcessEnv;
  /** Folder with manifest.json and the icons. */
  dir?: string;
  outFile?: string;
}

export async function buildTeamsPackage(options: BuildOptions = {}): Promise<{ outFile: string; manifest: TeamsManifest; bytes: number }> {
  const dir = options.dir ?? join(repoRoot, 'appPackage');
  const outFile = options.outFile ?? join(dir, 'build', PACKAGE_FILE);
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const values = placeholderValues(options.env ?? process.env, version);
  const manifestText = fillPlaceholders(readFileSync(join(dir, 'manifest.json'), 'utf8'), values);
  const manifest = validateManifest(JSON.parse(manifestText));
  const color = readFileSync(join(dir, manifest.icons.color));
  const outline = readFileSync(join(dir, manifest.icons.outline));
  const problems = iconProblems(color, outline);
  if (problems.length) throw new TeamsPackageError(problems);

  // Teams wants the three files at the root of the zip, not in a folder.
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file(manifest.icons.color, color);
  zip.file(manifest.icons.outline, outline);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, bytes);
  return { outFile, manifest, bytes: bytes.length };
}
