// Which pieces of the bot exist yet. Hardening tests that need the full app, the path dialog or the compiled
// build skip with a visible reason instead of failing while those pieces are still being written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** undefined when buildApp (with the main dialog and everything it imports) loads; else why not. */
export function appMissing(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/app');
    return undefined;
  } catch (error) {
    return `the app does not load yet (${(error as Error).message.split('\n')[0]})`;
  }
}

export function pathDialogMissing(): string | undefined {
  return existsSync(join(root, 'dialogs', 'recertPathDialog.ts')) ? appMissing() : 'dialogs/recertPathDialog.ts does not exist yet';
}

/** The compiled entry point (npm run build). */
export const COMPILED_ENTRY = join(root, 'dist', 'src', 'index.js');

export function buildMissing(): string | undefined {
  return existsSync(COMPILED_ENTRY) ? undefined : `${COMPILED_ENTRY} is missing: run npm run build first`;
}

/** describe, or describe.skip with the reason printed so a skipped suite is never silent. */
export function describeIf(missing: string | undefined): jest.Describe {
  if (!missing) return describe;
  return ((name: string, fn: () => void) => {
    describe.skip(`${name} — SKIPPED: ${missing}`, fn);
    // eslint-disable-next-line no-console
    console.warn(`SKIPPED "${name}": ${missing}`);
  }) as unknown as jest.Describe;
}
