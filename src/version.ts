// The package version, read once (works from src/ under ts-jest and from dist/src/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export const version: string = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
