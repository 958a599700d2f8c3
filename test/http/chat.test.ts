// `npm run chat`: the terminal chat, driven through its stdin as a knowledge author would use it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const script = join(__dirname, '../../dist/scripts/chat.js');
const built = existsSync(script);
if (!built) console.warn('SKIPPED terminal chat test: dist/scripts/chat.js is missing (`npm test` builds it)');

(built ? it : it.skip)('answers, numbers the buttons, and picks one by its number', () => {
  const run = spawnSync(process.execPath, [script], {
    input: 'how many CECs do I need?\n1\nquit\n',
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.status).toBe(0);
  const out = run.stdout;
  expect(out).toMatch(/bot> Hi! I'm the ACTION Certification help-desk assistant/);
  expect(out).toMatch(/bot> .*2\.0 CECs/);
  // The first numbered button after the answer, then what picking "1" sent.
  const firstChoice = /\[1\] (.+)/.exec(out.slice(out.indexOf('2.0 CECs')))?.[1];
  expect(firstChoice).toBeDefined();
  expect(out).toContain(`you> ${firstChoice}`);
});
