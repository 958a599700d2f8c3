// Hardening tests that need the compiled build skip with a visible reason when dist/ is missing
// (`npm test` builds it first, so in CI they always run).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

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
