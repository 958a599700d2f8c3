import { KeyedQueue } from '../../src/turnQueue';

describe('KeyedQueue', () => {
  it('runs work of one key one at a time, in order, and other keys in parallel', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const step = (key: string, n: number, ms: number) =>
      queue.run(key, async () => {
        log.push(`${key}${n}+`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${key}${n}-`);
      });
    await Promise.all([step('a', 1, 30), step('a', 2, 1), step('b', 1, 5)]);
    expect(log.indexOf('a1-')).toBeLessThan(log.indexOf('a2+'));
    expect(log.indexOf('b1+')).toBeLessThan(log.indexOf('a1-'));
    expect(queue.size).toBe(0);
  });

  it('keeps going after a failure', async () => {
    const queue = new KeyedQueue();
    await expect(queue.run('k', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(queue.run('k', async () => 42)).resolves.toBe(42);
  });
});
