// Shutting the real app down closes the chat streams Web Chat holds open (WebSockets live outside the HTTP
// server's connection list), so a browser sees a clean close and reconnects elsewhere instead of hanging.
import { startApp } from '../support/app';
import { openStream, type StreamClient } from './harness';

test('app.close() closes open Direct Line streams with a close frame', async () => {
  const running = await startApp();
  let stream: StreamClient | undefined;
  try {
    const post = async (path: string, token?: string) =>
      (await (await fetch(`${running.url}${path}`, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {} })).json()) as Record<string, string>;
    const grant = await post('/api/directline/token');
    const started = await post(`${grant.domain}/conversations`, grant.token);
    stream = await openStream(started.streamUrl);
    expect(stream.status).toBe(101);
    await stream.waitFor((a) => a.type === 'message');
  } finally {
    await running.close();
  }
  expect(await stream!.closed).toBe(1000);
});
