// `npm run eval:http [-- file.json ...] [--url http://host:port]`: grades evaluation sets through the real bot
// over /api/messages with deliveryMode "expectReplies", one fresh conversation per question — the way a channel
// (and the held-out grading) meets the bot. Without --url it starts the app in-process on the memory store.
// Same grading and floors as `npm run eval`; exits 1 under the floors.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { buildApp } from '../src/app';
import { repoRoot } from '../src/paths';
import { defaultEvalFiles, FLOORS, loadEvalSet, rate, readableText, type EvalSet } from './eval';

export interface HttpEvalReport {
  name: string;
  inScopeCorrect: number;
  inScopeTotal: number;
  outOfScopeDeclined: number;
  outOfScopeTotal: number;
  misses: string[];
}

async function ask(url: string, text: string): Promise<Partial<Activity>[]> {
  const id = `eval-${randomUUID()}`;
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: randomUUID(), text, channelId: 'webchat', deliveryMode: 'expectReplies', locale: 'en-US',
      serviceUrl: 'http://127.0.0.1:1', from: { id: `user-${id}` }, recipient: { id: 'bot' }, conversation: { id },
    }),
  });
  if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}`);
  return ((await res.json()) as { activities?: Partial<Activity>[] }).activities ?? [];
}

export async function evaluateOverHttp(url: string, set: EvalSet): Promise<HttpEvalReport> {
  const report: HttpEvalReport = { name: set.name, inScopeCorrect: 0, inScopeTotal: set.inScope.length, outOfScopeDeclined: 0, outOfScopeTotal: set.outOfScope.length, misses: [] };
  for (const [question, group] of set.inScope) {
    const text = readableText(await ask(url, question));
    if (set.groups[group].every((p) => p.test(text))) report.inScopeCorrect++;
    else report.misses.push(`in-scope [${group}] "${question}" → ${text.slice(0, 120).replace(/\n/g, ' / ')}`);
  }
  for (const question of set.outOfScope) {
    const replies = await ask(url, question);
    const text = readableText(replies);
    const leaked = set.distinctive.filter((p) => p.test(text)).map((p) => p.source);
    if (replies.length > 0 && leaked.length === 0) report.outOfScopeDeclined++;
    else report.misses.push(`out-of-scope "${question}" → leaked ${leaked.join(', ') || '(no reply)'}`);
  }
  return report;
}

export const meetsHttpFloors = (r: HttpEvalReport): boolean =>
  rate(r.inScopeCorrect, r.inScopeTotal) >= FLOORS.inScope && rate(r.outOfScopeDeclined, r.outOfScopeTotal) >= FLOORS.outOfScope;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const urlAt = args.indexOf('--url');
  const given = urlAt >= 0 ? args[urlAt + 1] : undefined;
  const files = args.filter((a, i) => !a.startsWith('--') && (urlAt < 0 || i !== urlAt + 1));
  const shared = path.resolve(repoRoot, '../shared/eval/faq-dev.json');
  const sets = (files.length ? files : [...defaultEvalFiles(repoRoot), ...(existsSync(shared) ? [shared] : [])]).map(loadEvalSet);

  const app = given ? undefined : await buildApp(loadConfig({ ...process.env, STORAGE: 'memory', LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
  const url = given ?? (await app!.listen(0, '127.0.0.1'));
  let ok = true;
  try {
    for (const set of sets) {
      const r = await evaluateOverHttp(url, set);
      ok &&= meetsHttpFloors(r);
      console.log(`\n== ${r.name} (through ${given ? url : 'the real bot, in-process'})`);
      console.log(`in-scope correct: ${r.inScopeCorrect}/${r.inScopeTotal} (${(100 * rate(r.inScopeCorrect, r.inScopeTotal)).toFixed(1)} %)`);
      console.log(`out-of-scope declined: ${r.outOfScopeDeclined}/${r.outOfScopeTotal} (${(100 * rate(r.outOfScopeDeclined, r.outOfScopeTotal)).toFixed(1)} %)`);
      for (const m of r.misses) console.log(`  ${m}`);
    }
  } finally {
    await app?.close();
  }
  process.exit(ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
