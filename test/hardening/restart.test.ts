// kill -9 in the middle of a path dialog on the on-disk store: after a restart on the same DATA_DIR the
// conversation resumes at the prompt it was at, with the answers already given (the compiled server, real process).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { freePort } from '../../scripts/bench/process';
import { TURN_ERROR_MESSAGE } from '../../src/adapter';
import { baseActivity } from './fuzzCases';
import { buildMissing, COMPILED_ENTRY, describeIf } from './availability';

interface Reply {
  text?: string;
  channelData?: { assessment?: unknown };
}

async function start(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [COMPILED_ENTRY], {
    env: { ...process.env, STORAGE: '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('server not healthy within 20 s');
}

async function say(port: number, conversationId: string, text: string): Promise<Reply[]> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(baseActivity(conversationId, text)),
  });
  expect(res.status).toBe(200);
  const replies = ((await res.json()) as { activities?: Reply[] }).activities ?? [];
  expect(replies.map((r) => r.text ?? '').join('\n')).not.toContain(TURN_ERROR_MESSAGE.slice(0, 40));
  return replies;
}

const visible = (replies: Reply[]) => replies.map((r) => r.text ?? '').join('\n');
const SCRIPT = ['Check my recertification status', 'March 3, 2025', 'online', '1.5', 'yes'];

describeIf(buildMissing())('kill -9 during a path dialog (compiled server, on-disk store)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kill9-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([1, 2])('after %i answered prompt(s): resumes at the same prompt with the answers given', async (answered) => {
    const port = await freePort();
    child = await start(dataDir, port);
    // The control conversation runs the whole script without a crash.
    const control: Reply[][] = [];
    const controlId = `control-${randomUUID()}`;
    for (const text of SCRIPT) control.push(await say(port, controlId, text));

    const id = `killed-${randomUUID()}`;
    for (const text of SCRIPT.slice(0, answered + 1)) await say(port, id, text);
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));

    child = await start(dataDir, port);
    const resumed: Reply[] = [];
    for (let turn = answered + 1; turn < SCRIPT.length; turn++) {
      const replies = await say(port, id, SCRIPT[turn]);
      expect(visible(replies)).toBe(visible(control[turn]));
      resumed.push(...replies);
    }
    // The assessment at the end used the answers given before the crash (the certification date).
    const assessmentOf = (replies: Reply[]) => replies.find((r) => r.channelData?.assessment)?.channelData?.assessment;
    expect(assessmentOf(control.flat())).toBeDefined();
    expect(assessmentOf(resumed)).toEqual(assessmentOf(control.flat()));
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    child = undefined;
  }, 60_000);
});
