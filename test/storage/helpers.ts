// Shared set-up for the storage tests: the backends to run each case against, temp dirs, loggers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../src/logger';

export const redisUrl = process.env.REDIS_URL;

/** Called by the files that have Redis cases, so a skipped run says so. */
export function noticeRedisSkipped(): void {
  if (!redisUrl) {
    console.warn('REDIS_URL is unset: the Redis storage tests are SKIPPED (set REDIS_URL=redis://127.0.0.1:6379 to run them)');
  }
}

export interface BackendCase {
  name: 'memory' | 'sqlite' | 'redis';
  /** A STORAGE value; a fresh temp file for sqlite. */
  storage(): string;
}

const tempDirs: string[] = [];
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyv-storage-'));
  tempDirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const backendCases: BackendCase[] = [
  { name: 'memory', storage: () => 'memory' },
  { name: 'sqlite', storage: () => `sqlite://${join(tempDir(), 'state.sqlite')}` },
  ...(redisUrl ? [{ name: 'redis' as const, storage: () => redisUrl }] : []),
];

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** A logger whose JSON lines are kept in `lines`, to assert what operators would see. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** Keys unique to this run, so parallel runs on one shared Redis do not collide. */
export function keyPrefix(): string {
  return `test-${process.pid}-${Math.random().toString(36).slice(2, 10)}/`;
}
