// A local stand-in for a channel's serviceUrl: records every activity the bot sends over the connector.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface Recorder {
  url: string;
  activities: Partial<Activity>[];
  waitFor(count: number, timeoutMs?: number): Promise<Partial<Activity>[]>;
  close(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
  const activities: Partial<Activity>[] = [];
  let counter = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (/\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '') && body) {
        try {
          activities.push(JSON.parse(body));
        } catch {
          // not JSON: ignore
        }
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${++counter}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    activities,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (activities.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return activities;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
