// Starts the real app (buildApp: bot, embedded Direct Line, help-center page) for the browser test.
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { buildApp } from '../../src/app';

export interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', ...env });
  const app = await buildApp(config, pino({ level: process.env.E2E_LOG_LEVEL ?? 'silent' }));
  const baseUrl = await app.listen(0, '127.0.0.1');
  return { baseUrl, close: () => app.close() };
}
