// Structured logs: JSON lines, readable when a TTY. Never log message text at info or above,
// and hash identifiers (see hashId) so logs carry no personal data.
import { createHash } from 'node:crypto';
import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', tty: boolean = Boolean(process.stdout.isTTY)): Logger {
  const options = {
    level,
    base: { app: 'action-recert-bot' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['text', '*.text', 'authorization', '*.authorization'], remove: true },
  };
  // JSON lines for log collectors; a readable, synchronous rendering when a person watches a terminal.
  return tty ? pino(options, pretty({ colorize: true, sync: true, ignore: 'pid,hostname,app' })) : pino(options);
}

/** A short, stable, non-reversible id for logs and analytics. */
export function hashId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  return createHash('sha256').update(id).digest('hex').slice(0, 16);
}
