// 100 KB of text at the date prompt is answered (re-asked), and the dialog still takes a real date afterwards.
// The timing of such turns belongs to the benchmark; this checks the behaviour.
import { randomUUID } from 'node:crypto';
import { TURN_ERROR_MESSAGE } from '../../src/adapter';

const HUGE = [
  ['repeated dates', 'March 3, 2025 '.repeat(8000)],
  ['digits and slashes', '1/'.repeat(51_200)],
  ['one long word', 'a'.repeat(102_400)],
  ['unicode', '𝟛 мар 2025 '.repeat(8000)],
] as const;

describe('100 KB at the date prompt', () => {
  it.each(HUGE)('%s: answered without a failed turn, then a real date is accepted', async (_name, text) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startApp, conversation } = require('../support/app') as typeof import('../support/app');
    const running = await startApp({ TURNS_PER_MINUTE_PER_CONVERSATION: '0' });
    try {
      const trainer = conversation(running.url, `long-${randomUUID()}`);
      const prompt = (await trainer.say('Check my recertification status')).map((a) => a.text ?? '').join('\n');
      expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(100 * 1024);
      const reply = (await trainer.say(text)).map((a) => a.text ?? '').join('\n');
      expect(reply.length).toBeGreaterThan(0);
      expect(reply).not.toContain(TURN_ERROR_MESSAGE.slice(0, 40));
      const next = (await trainer.say('March 3, 2025')).map((a) => a.text ?? '').join('\n');
      expect(next).not.toBe(prompt); // moved on from the date prompt
      expect(next).not.toContain(TURN_ERROR_MESSAGE.slice(0, 40));
    } finally {
      await running.close();
    }
  });
});
