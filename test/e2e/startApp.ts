// Starts the real app for the browser test. If src/app.ts does not mount the web page and the embedded
// Direct Line yet, mounts them the way the app is meant to (deliver = POST to its own /api/messages).
// If the real app cannot be built at all (work in progress), falls back to the echo-bot harness so the
// page, Web Chat and the Direct Line service are still exercised; the test says so loudly.
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { registerDirectLine } from '../../src/channels/directline';
import { registerWebPage } from '../../src/web';

export interface RunningApp {
  baseUrl: string;
  /** 'real' = buildApp from src/app.ts; 'echo' = the Direct Line test harness's echo bot. */
  bot: 'real' | 'echo';
  wiredByTest: boolean;
  problem?: string;
  close(): Promise<void>;
}

export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', ...env });
  const logger = pino({ level: process.env.E2E_LOG_LEVEL ?? 'silent' });
  let buildApp: typeof import('../../src/app').buildApp;
  try {
    // require, not import(): the test runs as CommonJS and a missing module must be catchable here.
    ({ buildApp } = require('../../src/app') as typeof import('../../src/app'));
  } catch (err) {
    const { startHarness } = require('../directline/harness') as typeof import('../directline/harness');
    const harness = await startHarness({}, (server, dl) => registerWebPage(server, { connectOrigins: dl.connectOrigins }));
    return { baseUrl: harness.baseUrl, bot: 'echo', wiredByTest: true, problem: (err as Error).message.split('\n')[0], close: harness.close };
  }
  const app = await buildApp(config, logger);
  const routes = (app.server.getDebugInfo().routes ?? []) as Array<{ path: string | RegExp }>;
  const wired = routes.some((r) => String(r.path) === '/api/directline/token');
  let closeDirectLine = (): void => undefined;
  if (!wired) {
    const directLine = registerDirectLine(app.server, {
      config,
      logger,
      baseUrl: () => app.baseUrl(),
      deliver: async (activity) => {
        const res = await fetch(`${app.baseUrl()}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(activity),
        });
        if (!res.ok) throw new Error(`bot answered ${res.status}`);
      },
    });
    closeDirectLine = directLine.close;
    registerWebPage(app.server, { connectOrigins: directLine.connectOrigins });
  }
  const baseUrl = await app.listen(0, '127.0.0.1');
  return {
    baseUrl,
    bot: 'real',
    wiredByTest: !wired,
    close: async () => {
      closeDirectLine();
      await app.close();
    },
  };
}
