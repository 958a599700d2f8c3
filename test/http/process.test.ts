// The compiled server as an operator runs it: start-up validation, health, state across a restart,
// and a graceful exit on SIGTERM. `npm test` builds dist/ first.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { message, send } from '../support/app';

const entry = join(__dirname, '../../dist/src/index.js');
const built = existsSync(entry);
if (!built) console.warn('SKIPPED process tests: dist/src/index.js is missing (run `npm run build`; `npm test` does it)');
const maybe = built ? describe : describe.skip;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let out = '';
  const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env } });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function waitHealthy(url: string, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

maybe('the compiled server', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'bot-data-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a bad configuration with one clear line and no stack trace', async () => {
    const run = start({ PORT: 'not-a-port' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe('Invalid configuration: PORT: expected a port number');
  });

  it('keeps state on the embedded store across a restart and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir };

    const first = start(env);
    await waitHealthy(url);
    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok', store: 'sqlite' });
    // Start a path dialog: the bot asks for a date and waits.
    const asked = await send(url, message('check my recertification status', 'restart-conv'));
    expect(asked.length).toBeGreaterThan(0);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shutting down');
    expect(first.output()).not.toContain('check my recertification status');

    const second = start(env);
    await waitHealthy(url);
    // The dialog is still waiting for the date: answering it moves on to the next question, not the FAQ.
    const next = await send(url, message('March 3, 2025', 'restart-conv'));
    const text = next.map((a) => a.text ?? '').join(' ');
    expect(text).toMatch(/exam|online|testing cent/i);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });
});
